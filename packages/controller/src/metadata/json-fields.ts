import { TributaryError } from "@tributary/client/internal/errors";

/** INT32_MAX is the largest Kafka int32 (broker ids, partitions, leader and partition epochs). */
export const INT32_MAX = 2 ** 31 - 1;

/** INT64_MAX is the largest Kafka int64 (producer ids). */
export const INT64_MAX = 2n ** 63n - 1n;

/** corruptMetadataRecord is the error every malformed metadata record decodes to. */
export function corruptMetadataRecord(detail: string): TributaryError {
  return new TributaryError("CORRUPT_MESSAGE", `corrupt metadata record: ${detail}`);
}

/**
 * FieldReader reads the fields of one parsed JSON object strictly: every field must be present with
 * the right type and within bounds, and {@link FieldReader.finish} rejects fields nobody read. Every
 * failure is a CORRUPT_MESSAGE {@link TributaryError}; nothing else escapes.
 */
export class FieldReader {
  readonly #object: Readonly<Record<string, unknown>>;
  readonly #context: string;
  readonly #read = new Set<string>();

  constructor(value: unknown, context: string) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw corruptMetadataRecord(`${context} is not an object`);
    }
    this.#object = value as Record<string, unknown>;
    this.#context = context;
  }

  /** has tells whether the object holds `name` (for optional fields). */
  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.#object, name);
  }

  /** int reads a safe integer in [min, max]. */
  int(name: string, min: number, max: number): number {
    return this.#checkInt(this.#get(name), name, min, max);
  }

  /** string reads a string of at most `lengthMax` characters, matching `pattern` when given. */
  string(name: string, lengthMax: number, pattern?: RegExp): string {
    const value = this.#get(name);
    if (typeof value !== "string") throw this.#fail(name, "is not a string");
    if (value.length > lengthMax) throw this.#fail(name, `is longer than ${lengthMax} characters`);
    if (pattern !== undefined && !pattern.test(value)) throw this.#fail(name, `does not match ${pattern.source}`);
    return value;
  }

  /** nullableString reads a string as {@link FieldReader.string} does, or null. */
  nullableString(name: string, lengthMax: number, pattern?: RegExp): string | null {
    if (this.has(name) && this.#object[name] === null) {
      this.#read.add(name);
      return null;
    }
    return this.string(name, lengthMax, pattern);
  }

  /** nullableInt reads an integer as {@link FieldReader.int} does, or null. */
  nullableInt(name: string, min: number, max: number): number | null {
    if (this.has(name) && this.#object[name] === null) {
      this.#read.add(name);
      return null;
    }
    return this.int(name, min, max);
  }

  /** intArray reads an array of at most `lengthMax` integers, each in [min, max]. */
  intArray(name: string, min: number, max: number, lengthMax: number): number[] {
    return this.#array(name, lengthMax).map((item, i) => this.#checkInt(item, `${name}[${i}]`, min, max));
  }

  /** objectArray reads an array of at most `lengthMax` objects, each as a FieldReader of its own. */
  objectArray(name: string, lengthMax: number): FieldReader[] {
    return this.#array(name, lengthMax).map((item, i) => new FieldReader(item, `${this.#context}.${name}[${i}]`));
  }

  /** bigintString reads a non-negative decimal integer written as a string (JSON has no int64). */
  bigintString(name: string, max: bigint): bigint {
    const text = this.string(name, 20, /^(0|[1-9][0-9]*)$/);
    const value = BigInt(text);
    if (value > max) throw this.#fail(name, `is above ${max}`);
    return value;
  }

  /** oneOf reads a string that must be one of `values`. */
  oneOf<T extends string>(name: string, values: readonly T[]): T {
    const value = this.#get(name);
    if (typeof value !== "string" || !(values as readonly string[]).includes(value)) {
      throw this.#fail(name, `is not one of ${values.join(", ")}`);
    }
    return value as T;
  }

  /** finish rejects any field that was not read: a record has exactly the fields of its type. */
  finish(): void {
    for (const name of Object.keys(this.#object)) {
      if (!this.#read.has(name)) throw corruptMetadataRecord(`${this.#context} has an unknown field "${name}"`);
    }
  }

  #get(name: string): unknown {
    if (!this.has(name)) throw this.#fail(name, "is missing");
    this.#read.add(name);
    return this.#object[name];
  }

  #array(name: string, lengthMax: number): unknown[] {
    const value = this.#get(name);
    if (!Array.isArray(value)) throw this.#fail(name, "is not an array");
    if (value.length > lengthMax) throw this.#fail(name, `holds more than ${lengthMax} items`);
    return value as unknown[];
  }

  #checkInt(value: unknown, name: string, min: number, max: number): number {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) throw this.#fail(name, "is not an integer");
    if (value < min || value > max) throw this.#fail(name, `is outside [${min}, ${max}]`);
    return value;
  }

  #fail(name: string, problem: string): TributaryError {
    return corruptMetadataRecord(`${this.#context}.${name} ${problem}`);
  }
}
