import type { Properties } from "./properties.js";

/**
 * ConfigError says which config property is missing or invalid and why. A node that gets one at
 * start-up prints it and exits; an admin request that gets one answers INVALID_CONFIG.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** code is the error's name in the shared error table. */
  readonly code = "INVALID_CONFIG";
}

/**
 * ConfigReader reads typed values out of raw properties and remembers which names it was asked
 * for, so {@link ConfigReader.rejectUnknown} can refuse misspelled names instead of silently
 * ignoring them.
 */
export class ConfigReader {
  readonly #properties: Properties;
  readonly #known = new Set<string>();

  constructor(properties: Properties) {
    this.#properties = properties;
  }

  #raw(name: string): string | undefined {
    this.#known.add(name);
    const value = this.#properties.get(name);
    return value === undefined || value.trim() === "" ? undefined : value.trim();
  }

  /** string returns the value of `name`, or `fallback`; without a fallback the name is required. */
  string(name: string, fallback?: string): string {
    const value = this.#raw(name) ?? fallback;
    if (value === undefined) throw new ConfigError(`${name} is required`);
    return value;
  }

  /** optionalString returns the value of `name` or undefined. */
  optionalString(name: string): string | undefined {
    return this.#raw(name);
  }

  /** integer returns `name` as a safe integer within [min, max]. */
  integer(name: string, fallback: number | undefined, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.#raw(name);
    if (raw === undefined) {
      if (fallback === undefined) throw new ConfigError(`${name} is required`);
      return fallback;
    }
    if (!/^-?\d+$/.test(raw)) throw new ConfigError(`${name} must be an integer, got "${raw}"`);
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name} must be between ${min} and ${max}, got ${raw}`);
    }
    return value;
  }

  /** boolean returns `name` as true/false. */
  boolean(name: string, fallback: boolean): boolean {
    const raw = this.#raw(name);
    if (raw === undefined) return fallback;
    if (raw === "true" || raw === "false") return raw === "true";
    throw new ConfigError(`${name} must be true or false, got "${raw}"`);
  }

  /** list returns `name` as a comma-separated list with empty items dropped. */
  list(name: string, fallback: readonly string[] = []): string[] {
    const raw = this.#raw(name);
    if (raw === undefined) return [...fallback];
    return raw.split(",").map((item) => item.trim()).filter((item) => item !== "");
  }

  /** rejectUnknown throws for any property that no reader asked for, naming them all. */
  rejectUnknown(): void {
    const unknown = [...this.#properties.keys()].filter((name) => !this.#known.has(name));
    if (unknown.length > 0) throw new ConfigError(`unknown config ${unknown.length === 1 ? "property" : "properties"}: ${unknown.join(", ")}`);
  }
}
