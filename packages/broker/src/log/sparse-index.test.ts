/**
 * Goal: the offset and time indexes find floor entries, truncate, and refuse files that cannot
 * be their own output. Method: hand-built indexes and byte buffers.
 */
import { describe, expect, it } from "vitest";
import { OffsetIndex } from "./offset-index.js";
import { TimeIndex } from "./time-index.js";

describe("OffsetIndex", () => {
  it("finds the last entry at or below an offset, or the segment start", () => {
    const index = new OffsetIndex();
    for (let i = 1; i <= 40; i++) index.append(i * 10, i * 1000);
    expect(index.floorEntry(5)).toEqual({ relativeOffset: 0, position: 0 });
    expect(index.floorEntry(10)).toEqual({ relativeOffset: 10, position: 1000 });
    expect(index.floorEntry(255)).toEqual({ relativeOffset: 250, position: 25_000 });
    expect(index.floorEntry(10_000)).toEqual({ relativeOffset: 400, position: 40_000 });
    index.truncateToPosition(25_000);
    expect(index.entryCount).toBe(24);
    expect(index.lastPosition).toBe(24_000);
  });

  it("round-trips its bytes and rejects bytes that are not a valid index of the file", () => {
    const index = new OffsetIndex();
    index.append(3, 100);
    index.append(9, 400);
    const bytes = index.toBytes();
    expect(bytes.length).toBe(16);
    expect(OffsetIndex.fromBytes(bytes, 500)?.floorEntry(9)).toEqual({ relativeOffset: 9, position: 400 });
    expect(OffsetIndex.fromBytes(bytes, 400)).toBeUndefined();
    expect(OffsetIndex.fromBytes(bytes.subarray(0, 12), 500)).toBeUndefined();
    expect(OffsetIndex.fromBytes(Buffer.concat([bytes.subarray(8), bytes.subarray(0, 8)]), 500)).toBeUndefined();
  });

  it("refuses entries that do not increase", () => {
    const index = new OffsetIndex();
    index.append(5, 100);
    expect(() => index.append(5, 200)).toThrow(/increase/);
  });
});

describe("TimeIndex", () => {
  it("keeps only growing timestamps and finds the last entry older than a target", () => {
    const index = new TimeIndex();
    expect(index.maybeAppend(1000, 0)).toBe(true);
    expect(index.maybeAppend(1000, 5)).toBe(false);
    expect(index.maybeAppend(2000, 8)).toBe(true);
    expect(index.maybeAppend(3000, 12)).toBe(true);
    expect(index.relativeOffsetBefore(1000)).toBe(0);
    expect(index.relativeOffsetBefore(2500)).toBe(8);
    expect(index.relativeOffsetBefore(9000)).toBe(12);
    index.truncateToOffset(12);
    expect(index.lastTimestampMs).toBe(2000);
  });

  it("round-trips its bytes and rejects entries past the segment's offsets", () => {
    const index = new TimeIndex();
    index.maybeAppend(1_700_000_000_000, 0);
    index.maybeAppend(1_700_000_000_500, 7);
    const bytes = index.toBytes();
    expect(TimeIndex.fromBytes(bytes, 8)?.lastTimestampMs).toBe(1_700_000_000_500);
    expect(TimeIndex.fromBytes(bytes, 7)).toBeUndefined();
    expect(TimeIndex.fromBytes(bytes.subarray(1), 8)).toBeUndefined();
  });
});
