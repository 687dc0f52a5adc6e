import { TributaryError } from "@tributary/client/internal/errors";

/** INT32_MAX is the largest int32: epochs, partitions, timeouts. */
export const INT32_MAX = 2 ** 31 - 1;

/** corruptGroupRecord is the error every malformed group record decodes to. */
export function corruptGroupRecord(detail: string): TributaryError {
  return new TributaryError("CORRUPT_MESSAGE", `corrupt group record: ${detail}`);
}

/**
 * JsonValueReader reads the fields of one parsed JSON object strictly: present, of the right type
 * and within bounds. Every failure is a CORRUPT_MESSAGE TributaryError, so a damaged record stops a
 * load with a message instead of planting a malformed value in the group state.
 */
export class JsonValueReader {
  readonly #object: Readonly<Record<string, unknown>>;
  readonly #context: string;

  constructor(value: unknown, context: string) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw corruptGroupRecord(`${context} is not an object`);
    this.#object = value as Record<string, unknown>;
    this.#context = context;
  }

  /** int reads a safe integer in [min, max]. */
  int(name: string, min: number, max: number): number {
    const value = this.#object[name];
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) throw this.#fail(name, `is not an integer in [${min}, ${max}]`);
    return value;
  }

  /** string reads a string of at most `charsMax` characters. */
  string(name: string, charsMax: number): string {
    const value = this.#object[name];
    if (typeof value !== "string" || value.length > charsMax) throw this.#fail(name, `is not a string of at most ${charsMax} characters`);
    return value;
  }

  /** optionalString reads a string, or undefined when the field is absent. */
  optionalString(name: string, charsMax: number): string | undefined {
    return this.#object[name] === undefined ? undefined : this.string(name, charsMax);
  }

  /** bigint reads a decimal string holding an integer in [min, max]. */
  bigint(name: string, min: bigint, max: bigint): bigint {
    const text = this.string(name, 20);
    if (!/^-?\d+$/.test(text)) throw this.#fail(name, "is not a decimal integer");
    const value = BigInt(text);
    if (value < min || value > max) throw this.#fail(name, `is outside [${min}, ${max}]`);
    return value;
  }

  /** array reads an array of at most `lengthMax` elements. */
  array(name: string, lengthMax: number): readonly unknown[] {
    const value = this.#object[name];
    if (!Array.isArray(value) || value.length > lengthMax) throw this.#fail(name, `is not an array of at most ${lengthMax} elements`);
    return value;
  }

  /** oneOf reads a string from `allowed`. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.#object[name];
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) throw this.#fail(name, `is not one of ${allowed.join(", ")}`);
    return value as T;
  }

  #fail(name: string, problem: string): TributaryError {
    return corruptGroupRecord(`${this.#context}.${name} ${problem}`);
  }
}
