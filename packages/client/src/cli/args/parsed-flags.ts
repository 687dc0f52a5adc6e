import { UsageError } from "../cli-errors.js";

/** FlagValue is a parsed flag: true for a boolean flag, a string, or the strings of a repeated flag. */
export type FlagValue = true | string | readonly string[];

/** IntegerRange bounds an integer flag. */
export interface IntegerRange {
  readonly min?: number;
  readonly max?: number;
}

const INTEGER = /^[-+]?\d+$/;

/**
 * ParsedFlags are a command line's flags after {@link parseFlags}, with typed accessors that
 * throw UsageError naming the flag when a value is missing or malformed.
 */
export class ParsedFlags {
  /** command is the command these flags belong to, for messages. */
  readonly command: string;
  /** positionals are the words that are not flags or flag values. */
  readonly positionals: readonly string[];
  private readonly values: ReadonlyMap<string, FlagValue>;

  constructor(command: string, values: ReadonlyMap<string, FlagValue>, positionals: readonly string[]) {
    this.command = command;
    this.values = values;
    this.positionals = positionals;
  }

  /** has tells whether the flag was given. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /** boolean is true when a boolean flag was given. */
  boolean(name: string): boolean {
    return this.values.get(name) === true;
  }

  /** string is a single-valued flag's value, or undefined. */
  string(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === "string" ? value : undefined;
  }

  /** requireString is a flag's value; `context` says when it is needed, e.g. "with --create". */
  requireString(name: string, context?: string): string {
    const value = this.string(name);
    if (value === undefined || value === "") throw new UsageError(`--${name} is required${context === undefined ? "" : ` ${context}`}`);
    return value;
  }

  /** strings are a repeatable flag's values, in order (empty when absent). */
  strings(name: string): readonly string[] {
    const value = this.values.get(name);
    return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  }

  /** integer parses a flag as a safe integer within `range`; undefined when absent. */
  integer(name: string, range: IntegerRange = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    return parseIntegerFlag(name, raw, range);
  }

  /** bigint parses a flag as an int64 (offsets); undefined when absent. */
  bigint(name: string): bigint | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!INTEGER.test(raw)) throw new UsageError(`--${name} must be an integer, not "${raw}"`);
    const value = BigInt(raw);
    if (value < -(2n ** 63n) || value >= 2n ** 63n) throw new UsageError(`--${name} ${raw} does not fit in 64 bits`);
    return value;
  }

  /**
   * oneOf returns the single flag of `names` that was given. With `required`, none is an error;
   * more than one always is.
   */
  oneOf<const N extends string>(names: readonly N[], required: boolean): N | undefined {
    const given = names.filter((name) => this.has(name));
    const list = names.map((name) => `--${name}`).join(", ");
    if (given.length > 1) throw new UsageError(`${given.map((name) => `--${name}`).join(" and ")} cannot be combined; give one of ${list}`);
    if (given.length === 0 && required) throw new UsageError(`'tributary ${this.command}' needs one of ${list}`);
    return given[0];
  }

  /** rejectUnless throws, unless `allowed`, when a flag of `names` was given: they apply only `context`. */
  rejectUnless(names: readonly string[], allowed: boolean, context: string): void {
    if (allowed) return;
    const given = names.find((name) => this.has(name));
    if (given !== undefined) throw new UsageError(`--${given} only applies ${context}`);
  }

  /** noPositionals throws when words that are not flags were given. */
  noPositionals(): void {
    const first = this.positionals[0];
    if (first !== undefined) throw new UsageError(`unexpected argument "${first}" for 'tributary ${this.command}'; flags start with --`);
  }
}

/** parseIntegerFlag parses `raw` as the value of `--name`, within `range`. */
export function parseIntegerFlag(name: string, raw: string, range: IntegerRange = {}): number {
  return parseInteger(`--${name}`, raw, range);
}

/** parseInteger parses `raw` as a safe integer within `range`; `label` names it in the error. */
export function parseInteger(label: string, raw: string, range: IntegerRange = {}): number {
  const value = INTEGER.test(raw) ? Number(raw) : Number.NaN;
  const { min, max } = range;
  const bounds = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : "";
  if (!Number.isSafeInteger(value) || (min !== undefined && value < min) || (max !== undefined && value > max)) {
    throw new UsageError(`${label} must be an integer${bounds}, not "${raw}"`);
  }
  return value;
}
