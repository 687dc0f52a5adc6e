import type { Clock, TimerHandle } from "../time/clock.js";

interface PendingTimer {
  readonly dueMs: number;
  readonly order: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/**
 * ManualClock is a {@link Clock} whose time moves only when a test calls {@link advance}. Timers
 * fire in due order (ties in the order they were set), synchronously inside `advance`.
 */
export class ManualClock implements Clock {
  private currentMs: number;
  private nextOrder = 0;
  private timers: PendingTimer[] = [];

  constructor(startMs = 1_000_000) {
    this.currentMs = startMs;
  }

  nowMs(): number {
    return this.currentMs;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const timer: PendingTimer = { dueMs: this.currentMs + Math.max(0, delayMs), order: this.nextOrder++, callback, cancelled: false };
    this.timers.push(timer);
    return {
      cancel: () => {
        timer.cancelled = true;
      },
    };
  }

  /** pendingTimers counts timers set and neither fired nor cancelled. */
  pendingTimers(): number {
    return this.timers.filter((timer) => !timer.cancelled).length;
  }

  /** advance moves time forward by `deltaMs`, firing every timer that falls due on the way. */
  advance(deltaMs: number): void {
    const targetMs = this.currentMs + deltaMs;
    for (;;) {
      this.timers = this.timers.filter((timer) => !timer.cancelled);
      const due = this.timers
        .filter((timer) => timer.dueMs <= targetMs)
        .sort((a, b) => a.dueMs - b.dueMs || a.order - b.order)[0];
      if (due === undefined) break;
      this.currentMs = Math.max(this.currentMs, due.dueMs);
      due.cancelled = true;
      due.callback();
    }
    this.currentMs = targetMs;
  }
}
