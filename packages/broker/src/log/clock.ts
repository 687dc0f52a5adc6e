/**
 * Clock is the log's only source of time. Segment roll by age and retention by time read it, so
 * tests drive time explicitly instead of sleeping.
 */
export interface Clock {
  /** nowMs returns milliseconds since the Unix epoch. */
  nowMs(): number;
}

/** systemClock reads the wall clock; record timestamps are wall-clock times too. */
export const systemClock: Clock = { nowMs: () => Date.now() };
