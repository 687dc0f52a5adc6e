/**
 * Sequence arithmetic wraps at Int32 max exactly as Kafka's producer numbers records
 * (DefaultRecordBatch.incrementSequence, ProducerAppendInfo.inSequence).
 */
import { describe, expect, it } from "vitest";
import { AssertionError } from "@tributary/client/internal/assert";
import { SEQUENCE_MAX, incrementSequence, isNextSequence, lastSequenceOf } from "./sequence.js";

describe("sequence arithmetic", () => {
  it("adds without wrapping below the maximum", () => {
    expect(incrementSequence(0, 0)).toBe(0);
    expect(incrementSequence(10, 5)).toBe(15);
    expect(incrementSequence(SEQUENCE_MAX - 5, 5)).toBe(SEQUENCE_MAX);
  });

  it("wraps past Int32 max to 0", () => {
    expect(incrementSequence(SEQUENCE_MAX, 1)).toBe(0);
    expect(incrementSequence(SEQUENCE_MAX - 1, 4)).toBe(2);
    expect(incrementSequence(SEQUENCE_MAX, SEQUENCE_MAX)).toBe(SEQUENCE_MAX - 1);
  });

  it("computes a batch's last sequence from lastOffsetDelta", () => {
    expect(lastSequenceOf({ baseSequence: 7, lastOffsetDelta: 2 })).toBe(9);
    expect(lastSequenceOf({ baseSequence: SEQUENCE_MAX - 1, lastOffsetDelta: 3 })).toBe(1);
  });

  it("accepts only the very next sequence, 0 after the maximum", () => {
    expect(isNextSequence(4, 5)).toBe(true);
    expect(isNextSequence(4, 6)).toBe(false);
    expect(isNextSequence(4, 4)).toBe(false);
    expect(isNextSequence(SEQUENCE_MAX, 0)).toBe(true);
    expect(isNextSequence(SEQUENCE_MAX - 1, 0)).toBe(false);
  });

  it("asserts on values that are not sequences", () => {
    expect(() => incrementSequence(-1, 1)).toThrow(AssertionError);
    expect(() => incrementSequence(SEQUENCE_MAX + 1, 0)).toThrow(AssertionError);
    expect(() => incrementSequence(0, -1)).toThrow(AssertionError);
  });
});
