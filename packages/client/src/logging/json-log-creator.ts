import { LogLevel } from "./log-level.js";
import type { LogCreator } from "./logger.js";

/**
 * jsonLogCreator is the default log creator: one JSON object per line, errors and warnings to
 * stderr and the rest to stdout, as KafkaJS's default logger does. Errors in fields are written
 * as their message and code, since JSON.stringify would drop them.
 */
export const jsonLogCreator: LogCreator = () => (entry) => {
  const line = JSON.stringify({ level: entry.label, namespace: entry.namespace, ...entry.log }, replaceErrors);
  if (entry.level <= LogLevel.WARN) process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
};

function replaceErrors(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}
