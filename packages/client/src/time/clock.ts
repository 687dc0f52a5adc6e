/**
 * Clock is the SDK's one source of time and timers. Every wait the SDK makes (linger, retry
 * backoff, maxBlockMs, disconnect deadlines) goes through it, so tests can swap in a manual clock
 * and decide when time passes instead of sleeping.
 *
 * `nowMs` is monotonic: durations and deadlines are differences of it, never wall-clock time.
 */
export interface Clock {
  /** nowMs is the monotonic time in ms (only differences are meaningful). */
  nowMs(): number;
  /** setTimer calls `callback` once after `delayMs`; the returned handle cancels it. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
}

/** TimerHandle cancels a timer set by {@link Clock.setTimer}; cancelling twice is harmless. */
export interface TimerHandle {
  cancel(): void;
}

/**
 * SYSTEM_CLOCK is the real clock: `performance.now()` and Node timers. Timers keep the process
 * alive while they run, on purpose: a pending linger or retry timer means records are still on
 * their way, and the process should not exit under them.
 */
export const SYSTEM_CLOCK: Clock = {
  nowMs: () => performance.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(timer) };
  },
};

/**
 * sleep resolves after `delayMs` on `clock`, or rejects with the signal's reason as soon as
 * `signal` aborts (so a disconnect never waits out a backoff).
 */
export function sleep(clock: Clock, delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      timer.cancel();
      reject(signal?.reason);
    };
    const timer = clock.setTimer(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
