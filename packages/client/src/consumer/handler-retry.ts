import type { Logger } from "../logging/logger.js";
import { retryDelayMs } from "../retry/backoff.js";
import type { RetryOptions } from "../retry/retry-options.js";
import { sleep, type Clock } from "../time/clock.js";

/** HandlerOutcome is how calling a handler ended: it succeeded, was given up (stale, stopping), or ran out of retries. */
export type HandlerOutcome = { readonly kind: "done" } | { readonly kind: "abandoned" } | { readonly kind: "failed"; readonly error: unknown; readonly attempts: number };

/** HandlerRetryOptions tune {@link callWithRetries}. */
export interface HandlerRetryOptions {
  readonly retry: RetryOptions;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
  /** stillWanted tells whether trying again still makes sense (the partition is still ours, not sought, the consumer runs). */
  readonly stillWanted: () => boolean;
  /** signal aborts a backoff wait (stop). */
  readonly signal: AbortSignal;
  /** what names the message or batch in logs. */
  readonly what: string;
}

/**
 * callWithRetries calls a user handler until it resolves, retrying whatever it throws (user code
 * has no retriable flag; a flaky downstream is the common case) with the retry backoff, up to
 * `retry.retries` retries. It gives up quietly when retrying no longer makes sense: the partition
 * went away or moved, or the consumer is stopping. The handler is never called concurrently with
 * itself here: one attempt ends before the next starts.
 */
export async function callWithRetries(handler: () => Promise<void>, options: HandlerRetryOptions): Promise<HandlerOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      await handler();
      return { kind: "done" };
    } catch (error) {
      if (!options.stillWanted()) return { kind: "abandoned" };
      if (attempt >= options.retry.retries) return { kind: "failed", error, attempts: attempt + 1 };
      const delayMs = retryDelayMs(options.retry, attempt, options.random);
      options.logger.warn("the handler failed; retrying", { on: options.what, attempt: attempt + 1, delayMs, error });
      try {
        await sleep(options.clock, delayMs, options.signal);
      } catch {
        return { kind: "abandoned" };
      }
      if (!options.stillWanted()) return { kind: "abandoned" };
    }
  }
}
