/**
 * Goal: offsetForTimestamp finds the first batch whose max timestamp reaches the target, across
 * segments, through the sparse time index, and never before the log start offset.
 * Method: batches with chosen timestamps in small segments with a small index interval.
 */
import { describe, expect, it } from "vitest";
import { makeBatch } from "./testing/make-batch.js";
import { testLogEnv } from "./testing/open-test-log.js";

const T = 1_700_000_000_000;

describe("PartitionLog.offsetForTimestamp", () => {
  it("returns the first batch at or after the target time", async () => {
    const env = testLogEnv({ segmentBytesMax: 1000, indexIntervalBytes: 150 });
    const log = await env.open();
    // 30 batches of 2 records at T, T+10, ..., with one late batch (offset 20) stamped back at T+5.
    for (let i = 0; i < 30; i++) {
      const timestampMs = i === 10 ? T + 5 : T + 10 * i;
      await log.appendAsLeader(makeBatch({ records: 2, bodyBytes: 39, timestampMs }), 0);
    }
    expect(log.segmentCount).toBe(3);
    expect(await log.offsetForTimestamp(T - 100)).toEqual({ offset: 0n, timestampMs: T });
    expect(await log.offsetForTimestamp(T + 120)).toEqual({ offset: 24n, timestampMs: T + 120 });
    expect(await log.offsetForTimestamp(T + 115)).toEqual({ offset: 24n, timestampMs: T + 120 });
    expect(await log.offsetForTimestamp(T + 90)).toEqual({ offset: 18n, timestampMs: T + 90 });
    expect(await log.offsetForTimestamp(T + 100)).toEqual({ offset: 22n, timestampMs: T + 110 });
    expect(await log.offsetForTimestamp(T + 290)).toEqual({ offset: 58n, timestampMs: T + 290 });
    expect(await log.offsetForTimestamp(T + 291)).toBeUndefined();
    await log.close();
  });

  it("answers from the log start offset on", async () => {
    const env = testLogEnv({ segmentBytesMax: 1000 });
    const log = await env.open();
    for (let i = 0; i < 10; i++) await log.appendAsLeader(makeBatch({ records: 2, timestampMs: T + i }), 0);
    log.updateHighWatermark(20n);
    await log.deleteRecordsBefore(7n);
    expect(await log.offsetForTimestamp(T)).toEqual({ offset: 7n, timestampMs: T + 3 });
    await log.close();
  });
});
