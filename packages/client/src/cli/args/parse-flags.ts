import { UsageError } from "../cli-errors.js";
import type { CommandSpec } from "./flag-spec.js";
import { ParsedFlags, type FlagValue } from "./parsed-flags.js";

const NUMBER = /^-\d+(\.\d+)?$/;

function looksLikeFlag(token: string): boolean {
  return token.startsWith("-") && token !== "-" && !NUMBER.test(token);
}

/**
 * parseFlags reads a command's argv (after the command words) against its spec: `--name value`,
 * `--name=value`, repeatable and greedy flags, `-h` for help, and `--` before positionals.
 * A value may start with "-" when it is a number (`--throughput -1`, `--shift-by -5`).
 *
 * @throws UsageError naming the flag: unknown, missing its value, given a value it does not take,
 * or given twice.
 */
export function parseFlags(argv: readonly string[], spec: CommandSpec): ParsedFlags {
  const values = new Map<string, FlagValue>();
  const positionals: string[] = [];
  const hint = `see 'tributary ${spec.name} --help'`;
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === "--") {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (token === "-h") {
      values.set("help", true);
      continue;
    }
    if (!token.startsWith("--")) {
      if (looksLikeFlag(token)) throw new UsageError(`unknown flag ${token} for 'tributary ${spec.name}'; ${hint}`);
      positionals.push(token);
      continue;
    }
    const equals = token.indexOf("=");
    const name = token.slice(2, equals < 0 ? undefined : equals);
    const inline = equals < 0 ? undefined : token.slice(equals + 1);
    const flag = spec.flags[name];
    if (flag === undefined) throw new UsageError(`unknown flag --${name} for 'tributary ${spec.name}'; ${hint}`);
    if (flag.type === "boolean") {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      if (values.has(name)) throw new UsageError(`--${name} is given more than once`);
      values.set(name, true);
      continue;
    }
    const taken: string[] = [];
    if (inline !== undefined) taken.push(inline);
    else if (index + 1 < argv.length && !looksLikeFlag(argv[index + 1]!)) taken.push(argv[++index]!);
    if (flag.greedy === true) {
      while (index + 1 < argv.length && !looksLikeFlag(argv[index + 1]!)) taken.push(argv[++index]!);
    }
    if (taken.length === 0) throw new UsageError(`--${name} needs a value${flag.valueName === undefined ? "" : ` (${flag.valueName})`}`);
    const previous = values.get(name);
    if (flag.multiple === true || flag.greedy === true) {
      values.set(name, [...(Array.isArray(previous) ? previous : []), ...taken]);
    } else {
      if (previous !== undefined) throw new UsageError(`--${name} is given more than once`);
      values.set(name, taken[0]!);
    }
  }
  return new ParsedFlags(spec.name, values, positionals);
}
