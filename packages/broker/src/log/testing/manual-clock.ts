import type { Clock } from "../clock.js";

/** ManualClock is a {@link Clock} that moves only when a test says so. */
export class ManualClock implements Clock {
  private currentMs: number;

  constructor(startMs = 1_700_000_000_000) {
    this.currentMs = startMs;
  }

  /** nowMs returns the current manual time. */
  nowMs(): number {
    return this.currentMs;
  }

  /** advanceMs moves time forward by `deltaMs` (never backwards). */
  advanceMs(deltaMs: number): void {
    if (deltaMs < 0) throw new RangeError(`time moves forward only, got ${deltaMs} ms`);
    this.currentMs += deltaMs;
  }
}
