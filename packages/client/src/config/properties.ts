import { readFile } from "node:fs/promises";

/**
 * Java-style `.properties` files, the format Kafka's server configs use: `key=value` or
 * `key: value` lines, `#` and `!` comments, trailing-backslash continuations. Enough of the Java
 * format for configs; unicode escapes beyond `\uXXXX` and `\t`/`\n` are not needed.
 */

/** Properties is a parsed properties file: names to raw string values. */
export type Properties = ReadonlyMap<string, string>;

/** PropertiesSyntaxError names the line of a properties file that could not be parsed. */
export class PropertiesSyntaxError extends Error {
  override readonly name = "PropertiesSyntaxError";
}

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escaped: string) => {
    if (escaped.startsWith("u") && escaped.length === 5) return String.fromCharCode(parseInt(escaped.slice(1), 16));
    return escaped === "t" ? "\t" : escaped === "n" ? "\n" : escaped === "r" ? "\r" : escaped;
  });
}

/** parseProperties parses the text of a properties file. Later duplicates win, as in Java. */
export function parseProperties(text: string, source = "properties"): Map<string, string> {
  const result = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = (lines[index] ?? "").trimStart();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const firstLine = index + 1;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && index + 1 < lines.length) {
      line = line.slice(0, -1) + (lines[++index] ?? "").trimStart();
    }
    const separator = /(?<!\\)[=:]|(?<!\\)\s/.exec(line);
    const key = unescape((separator ? line.slice(0, separator.index) : line).trim());
    const value = separator ? unescape(line.slice(separator.index + 1).replace(/^\s*[=:]?\s*/, "").trimEnd()) : "";
    if (key === "") throw new PropertiesSyntaxError(`${source}:${firstLine}: a property needs a name before '='`);
    result.set(key, value);
  }
  return result;
}

/** NOT_PROPERTIES are TRIBUTARY_* variables with other meanings: the SDK's log level, the container entrypoint's role and cluster id. */
const NOT_PROPERTIES: ReadonlySet<string> = new Set(["LOG_LEVEL", "ROLE", "CLUSTER_ID"]);

/**
 * propertiesFromEnv reads `PREFIX_SOME_NAME=value` environment variables as `some.name=value`,
 * the convention of Kafka's container images (`KAFKA_NODE_ID` -> `node.id`). A double underscore
 * stands for a literal underscore, a triple one for a dash (`TRIBUTARY_LOG_DIRS` -> `log.dirs`).
 */
export function propertiesFromEnv(env: NodeJS.ProcessEnv, prefix = "TRIBUTARY_"): Map<string, string> {
  const result = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(prefix) || value === undefined || NOT_PROPERTIES.has(name.slice(prefix.length))) continue;
    const key = name
      .slice(prefix.length)
      .toLowerCase()
      .replace(/___/g, "\0dash\0")
      .replace(/__/g, "\0underscore\0")
      .replace(/_/g, ".")
      .replace(/\0dash\0/g, "-")
      .replace(/\0underscore\0/g, "_");
    result.set(key, value);
  }
  return result;
}

/**
 * readNodeProperties reads a node's properties file (none when `path` is undefined) and lets
 * `TRIBUTARY_*` environment variables override it, for containers.
 */
export async function readNodeProperties(path: string | undefined, env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const properties = path === undefined ? new Map<string, string>() : parseProperties(await readFile(path, "utf8"), path);
  for (const [name, value] of propertiesFromEnv(env)) properties.set(name, value);
  return properties;
}
