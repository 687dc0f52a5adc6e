import type { Scheduler } from "../scheduler.js";

/**
 * InstantScheduler is a virtual clock for one sequential activity (a single call's retries): a
 * timer jumps the clock forward by its delay and fires on the next macrotask, so a test sees the
 * exact delays asked for without waiting for them. It records every delay in `delaysMs`.
 */
export class InstantScheduler implements Scheduler {
  readonly delaysMs: number[] = [];
  #nowMs: number;

  constructor(startMs = 0) {
    this.#nowMs = startMs;
  }

  nowMs(): number {
    return this.#nowMs;
  }

  /** advanceMs moves the clock forward, as time spent in a call would. */
  advanceMs(deltaMs: number): void {
    this.#nowMs += deltaMs;
  }

  setTimer(delayMs: number, callback: () => void): () => void {
    this.delaysMs.push(delayMs);
    let cancelled = false;
    setImmediate(() => {
      if (cancelled) return;
      this.#nowMs += delayMs;
      callback();
    });
    return () => {
      cancelled = true;
    };
  }
}
