/**
 * Scheduler is the control plane's only source of time: heartbeats, retry backoff, call deadlines
 * and checkpoint intervals all read it, so tests can drive time instead of sleeping.
 */
export interface Scheduler {
  /** nowMs returns milliseconds on a clock that never goes backwards. */
  nowMs(): number;
  /**
   * setTimer runs `callback` once, `delayMs` from now, unless the returned function is called
   * first. Timers must not keep the process alive on their own: the broker's servers do that.
   */
  setTimer(delayMs: number, callback: () => void): () => void;
}

/** systemScheduler is the real clock and Node's timers (unreferenced). */
export const systemScheduler: Scheduler = {
  nowMs: () => performance.now(),
  setTimer: (delayMs, callback) => {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/**
 * sleep resolves after `delayMs`, or as soon as `signal` aborts (it resolves, never rejects, so a
 * loop that sleeps checks its own stop condition after waking).
 */
export function sleep(scheduler: Scheduler, delayMs: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      cancel();
      signal?.removeEventListener("abort", wake);
      resolve();
    };
    const cancel = scheduler.setTimer(delayMs, wake);
    signal?.addEventListener("abort", wake, { once: true });
  });
}
