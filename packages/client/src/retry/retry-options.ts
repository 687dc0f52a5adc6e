import { TributaryError } from "../errors/tributary-error.js";

/**
 * RetryOptions shape the one retrier of the SDK, with KafkaJS's meanings (and its defaults):
 * the wait before retry n (0-based) is `initialRetryTimeMs * multiplier^n`, moved at random by up
 * to ±`factor` of itself (jitter, so clients that failed together do not retry together), and
 * capped at `maxRetryTimeMs`.
 */
export interface RetryOptions {
  /** retries is how many times an operation is retried after its first attempt. */
  readonly retries: number;
  /** initialRetryTimeMs is the wait before the first retry, before jitter. */
  readonly initialRetryTimeMs: number;
  /** maxRetryTimeMs caps any single wait. */
  readonly maxRetryTimeMs: number;
  /** multiplier grows the wait from one retry to the next. */
  readonly multiplier: number;
  /** factor is the jitter: each wait is drawn from [wait * (1 - factor), wait * (1 + factor)]. */
  readonly factor: number;
}

/** DEFAULT_RETRY_OPTIONS are KafkaJS's defaults: 5 retries, 300 ms doubling, 20% jitter, 30 s cap. */
export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  retries: 5,
  initialRetryTimeMs: 300,
  maxRetryTimeMs: 30_000,
  multiplier: 2,
  factor: 0.2,
};

/**
 * resolveRetryOptions fills `options` from `base` and checks every field.
 *
 * @throws TributaryError INVALID_CONFIG naming the bad field.
 */
export function resolveRetryOptions(options: Partial<RetryOptions> | undefined, base: RetryOptions = DEFAULT_RETRY_OPTIONS): RetryOptions {
  const resolved: RetryOptions = { ...base, ...definedOnly(options ?? {}) };
  const check = (ok: boolean, field: keyof RetryOptions, rule: string): void => {
    if (!ok) throw new TributaryError("INVALID_CONFIG", `retry.${field} is ${String(resolved[field])}; it must be ${rule}`);
  };
  check(Number.isInteger(resolved.retries) && resolved.retries >= 0, "retries", "a non-negative integer");
  check(Number.isFinite(resolved.initialRetryTimeMs) && resolved.initialRetryTimeMs >= 0, "initialRetryTimeMs", "a non-negative number");
  check(Number.isFinite(resolved.maxRetryTimeMs) && resolved.maxRetryTimeMs >= 0, "maxRetryTimeMs", "a non-negative number");
  check(Number.isFinite(resolved.multiplier) && resolved.multiplier >= 1, "multiplier", "at least 1");
  check(Number.isFinite(resolved.factor) && resolved.factor >= 0 && resolved.factor <= 1, "factor", "between 0 and 1");
  return resolved;
}

function definedOnly(options: Partial<RetryOptions>): Partial<RetryOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
