/** CancelTask stops a scheduled task that has not run yet; calling it again, or after the task ran, does nothing. */
export type CancelTask = () => void;

/**
 * Scheduler is where delayed operations get their time and their deadlines: the real one runs
 * tasks on Node timers, the test one ({@link FakeScheduler} under `testing/`) on virtual time, so
 * expiry tests advance time explicitly instead of sleeping (decision 12: no timed assertions).
 */
export interface Scheduler {
  /** nowMs returns the scheduler's current time in milliseconds: monotonic, from an arbitrary origin. */
  nowMs(): number;
  /** schedule runs `task` once, at or after `atMs` on the scheduler's clock; a past `atMs` runs it as soon as possible, never synchronously. */
  schedule(atMs: number, task: () => void): CancelTask;
}

/** TIMER_DELAY_MAX_MS is the longest delay a Node timer honours; longer ones fire at once (Node clamps them to 1 ms). */
const TIMER_DELAY_MAX_MS = 2 ** 31 - 1;

/**
 * systemScheduler runs tasks on Node timers against the monotonic clock (`performance.now()`), so
 * wall-clock steps neither expire requests early nor keep them late. Timers are unref'd: a pending
 * delayed operation alone does not keep the process alive (its connection does). Delays beyond
 * the ~24.8-day timer limit are re-armed rather than fired early.
 */
export const systemScheduler: Scheduler = {
  nowMs: () => performance.now(),
  schedule(atMs: number, task: () => void): CancelTask {
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const arm = (): void => {
      const delayMs = Math.min(Math.max(0, Math.ceil(atMs - performance.now())), TIMER_DELAY_MAX_MS);
      timer = setTimeout(fire, delayMs);
      timer.unref();
    };
    const fire = (): void => {
      if (done) return;
      // Node's timer clock has millisecond granularity; never run a task before its time.
      if (performance.now() < atMs) return arm();
      done = true;
      task();
    };
    arm();
    return () => {
      done = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  },
};
