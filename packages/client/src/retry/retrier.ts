import type { TributaryError } from "../errors/tributary-error.js";
import { sleep, type Clock } from "../time/clock.js";
import { retryDelayMs } from "./backoff.js";
import { isRetriable } from "./is-retriable.js";
import { TributaryRetriesExceededError } from "./retries-exceeded-error.js";
import type { RetryOptions } from "./retry-options.js";

/** RetryAttempt tells an operation which attempt this is. */
export interface RetryAttempt {
  /** attempt is 0 for the first try, 1 for the first retry, and so on. */
  readonly attempt: number;
}

/** RetryRunOptions tune one run of the retrier. */
export interface RetryRunOptions {
  /** operation names what is retried, for the exhaustion error's message. */
  readonly operation?: string;
  /**
   * onRetry runs after a retriable failure and before the wait, e.g. to refresh metadata or drop a
   * cached coordinator. If it throws, the retry still happens (the next attempt will show whether
   * the cluster recovered).
   */
  readonly onRetry?: (error: TributaryError, attempt: number) => void | Promise<void>;
  /** deadlineMs (on the retrier's clock) stops retrying once the next wait would pass it. */
  readonly deadlineMs?: number;
  /** signal aborts the run between attempts, rejecting with the signal's reason. */
  readonly signal?: AbortSignal;
  /** retries overrides the retrier's retry count for this run. */
  readonly retries?: number;
}

/** RetrierDeps are the retrier's clock and random source; tests inject fixed ones. */
export interface RetrierDeps {
  readonly clock: Clock;
  readonly random: () => number;
  /**
   * signal, when given, is the default abort signal of every run: a client that disconnects
   * aborts it, so no retry loop outlives the client.
   */
  readonly signal?: () => AbortSignal | undefined;
}

/**
 * Retrier runs an operation until it succeeds, fails with a non-retriable error (rethrown as it
 * is), or runs out of retries (TributaryRetriesExceededError with the last error as `cause`).
 * It is the only retry loop of the SDK outside the producer's per-batch retries, which use the
 * same backoff.
 */
export class Retrier {
  readonly options: RetryOptions;
  private readonly deps: RetrierDeps;

  constructor(options: RetryOptions, deps: RetrierDeps) {
    this.options = options;
    this.deps = deps;
  }

  /** delayMs is the jittered wait before retry `retryIndex` (0-based). */
  delayMs(retryIndex: number): number {
    return retryDelayMs(this.options, retryIndex, this.deps.random);
  }

  /** run calls `operation` until it succeeds or retrying must stop. */
  async run<T>(operation: (attempt: RetryAttempt) => Promise<T>, runOptions: RetryRunOptions = {}): Promise<T> {
    const { clock } = this.deps;
    const retries = runOptions.retries ?? this.options.retries;
    const signal = runOptions.signal ?? this.deps.signal?.();
    const startMs = clock.nowMs();
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      try {
        return await operation({ attempt });
      } catch (error) {
        if (!isRetriable(error)) throw error;
        const waitMs = this.delayMs(attempt);
        const pastDeadline = runOptions.deadlineMs !== undefined && clock.nowMs() + waitMs > runOptions.deadlineMs;
        if (attempt >= retries || pastDeadline) {
          throw new TributaryRetriesExceededError(error, attempt, clock.nowMs() - startMs, runOptions.operation);
        }
        try {
          await runOptions.onRetry?.(error, attempt);
        } catch {
          // The next attempt tells whether the cluster recovered; a failed refresh is not fatal.
        }
        await sleep(clock, waitMs, signal);
      }
    }
  }
}
