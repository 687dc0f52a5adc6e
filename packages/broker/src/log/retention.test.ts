/**
 * Goal: the retention rule picks exactly Kafka's deletable prefix. Method: segment descriptions
 * without any files.
 */
import { describe, expect, it } from "vitest";
import { countDeletableSegments } from "./retention.js";

const segment = (nextOffset: bigint, sizeBytes: number, maxTimestampMs: number) => ({ nextOffset, sizeBytes, maxTimestampMs });
const segments = [segment(10n, 100, 1000), segment(20n, 100, 5000), segment(30n, 100, 2000), segment(40n, 100, 9000)];
const state = { nowMs: 10_000, logStartOffset: 0n, highWatermark: 40n, totalBytes: 400 };

describe("countDeletableSegments", () => {
  it("deletes by time up to the first segment that is new enough, never the active one", () => {
    expect(countDeletableSegments(segments, state, { retentionMs: 6000, retentionBytes: -1 })).toBe(1);
    expect(countDeletableSegments(segments, state, { retentionMs: 0, retentionBytes: -1 })).toBe(3);
  });

  it("deletes by size while the rest still holds retentionBytes", () => {
    expect(countDeletableSegments(segments, state, { retentionMs: -1, retentionBytes: 250 })).toBe(1);
    expect(countDeletableSegments(segments, state, { retentionMs: -1, retentionBytes: 0 })).toBe(3);
  });

  it("deletes segments below the log start offset, and nothing at or past the high watermark", () => {
    expect(countDeletableSegments(segments, { ...state, logStartOffset: 20n }, { retentionMs: -1, retentionBytes: -1 })).toBe(2);
    expect(countDeletableSegments(segments, { ...state, highWatermark: 19n }, { retentionMs: 0, retentionBytes: -1 })).toBe(1);
  });
});
