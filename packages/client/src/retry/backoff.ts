import type { RetryOptions } from "./retry-options.js";

/**
 * retryDelayMs is the wait before retry `retryIndex` (0 for the first retry): exponential in the
 * index, jittered by ±factor, capped at maxRetryTimeMs. `random` returns a number in [0, 1); tests
 * pass a fixed one.
 */
export function retryDelayMs(options: RetryOptions, retryIndex: number, random: () => number): number {
  const baseMs = Math.min(options.maxRetryTimeMs, options.initialRetryTimeMs * options.multiplier ** retryIndex);
  const deltaMs = baseMs * options.factor;
  const jitteredMs = baseMs - deltaMs + random() * 2 * deltaMs;
  return Math.max(0, Math.min(options.maxRetryTimeMs, Math.ceil(jitteredMs)));
}
