import { assert } from "@tributary/client/internal/assert";

/**
 * BackoffPolicy shapes the wait between retries: `initialMs * multiplier^failures`, capped at
 * `maxMs`, then spread by ±`jitter` (a fraction) so that brokers that failed together do not retry
 * together (Kafka's ExponentialBackoff).
 */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly multiplier: number;
  /** jitter in [0, 1): each delay is multiplied by a random factor in [1 - jitter, 1 + jitter]. */
  readonly jitter: number;
}

/** DEFAULT_BACKOFF retries quickly at first (a leader election takes a second or so) and settles at 2 s. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 50, maxMs: 2_000, multiplier: 2, jitter: 0.2 };

/**
 * Backoff counts consecutive failures of one activity and says how long to wait before the next
 * attempt; `reset` after a success. `random` returns a number in [0, 1) and is injected for tests.
 */
export class Backoff {
  readonly #policy: BackoffPolicy;
  readonly #random: () => number;
  #failures = 0;

  constructor(policy: BackoffPolicy, random: () => number) {
    assert(policy.initialMs >= 0 && policy.maxMs >= policy.initialMs, "backoff bounds must satisfy 0 <= initialMs <= maxMs");
    assert(policy.multiplier >= 1 && policy.jitter >= 0 && policy.jitter < 1, "backoff needs multiplier >= 1 and jitter in [0, 1)");
    this.#policy = policy;
    this.#random = random;
  }

  /** failures is the number of failures since the last reset. */
  get failures(): number {
    return this.#failures;
  }

  /** nextDelayMs records one more failure and returns how long to wait before retrying. */
  nextDelayMs(): number {
    const { initialMs, maxMs, multiplier, jitter } = this.#policy;
    const baseMs = Math.min(maxMs, initialMs * multiplier ** this.#failures);
    this.#failures += 1;
    const factor = 1 - jitter + 2 * jitter * this.#random();
    return Math.max(0, Math.round(baseMs * factor));
  }

  /** reset forgets the failures: the activity succeeded. */
  reset(): void {
    this.#failures = 0;
  }
}
