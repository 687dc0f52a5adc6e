/**
 * Goal: retention deletes whole old segments by time and by size, never the active segment and
 * never one not wholly below the high watermark; deleteRecordsBefore moves the log start offset,
 * which survives a restart. Method: in-memory logs with 100-byte batches in 200-byte segments
 * (two batches of 2 records each) and a manual clock.
 */
import { describe, expect, it } from "vitest";
import { makeBatch } from "./testing/make-batch.js";
import { testLogEnv } from "./testing/open-test-log.js";

const DAY_MS = 86_400_000;

/** Appends `count` 100-byte batches of 2 records, one per `stepMs` of clock time. */
async function fill(env: ReturnType<typeof testLogEnv>, config: object, count: number, stepMs = 0) {
  const log = await env.open({ segmentBytesMax: 200, ...config });
  for (let i = 0; i < count; i++) {
    await log.appendAsLeader(makeBatch({ records: 2, bodyBytes: 39, timestampMs: env.clock.nowMs() }), 0);
    env.clock.advanceMs(stepMs);
  }
  return log;
}

describe("retention", () => {
  it("deletes segments whose newest batch is older than retentionMs, oldest first", async () => {
    const env = testLogEnv();
    const log = await fill(env, { retentionMs: 7 * DAY_MS }, 8, DAY_MS);
    expect(log.segmentCount).toBe(4);
    log.updateHighWatermark(log.logEndOffset);
    // Segment newest times: days 1, 3, 5, 7 (active); now is day 8.
    env.clock.advanceMs(DAY_MS);
    expect(await log.deleteOldSegments()).toBe(1);
    expect(log.logStartOffset).toBe(4n);
    expect(await log.deleteOldSegments()).toBe(0);
    await log.close();
  });

  it("deletes the oldest segments while the log is larger than retentionBytes", async () => {
    const env = testLogEnv();
    const log = await fill(env, { retentionBytes: 450, retentionMs: -1 }, 9);
    expect(log.sizeBytes).toBe(900);
    log.updateHighWatermark(log.logEndOffset);
    expect(await log.deleteOldSegments()).toBe(2);
    expect(log.sizeBytes).toBe(500);
    expect(log.logStartOffset).toBe(8n);
    await log.close();
  });

  it("never deletes the active segment or a segment not wholly below the high watermark", async () => {
    const env = testLogEnv();
    const log = await fill(env, { retentionBytes: 0, retentionMs: -1 }, 6);
    expect(await log.deleteOldSegments()).toBe(0);
    log.updateHighWatermark(5n);
    expect(await log.deleteOldSegments()).toBe(1);
    expect(log.logStartOffset).toBe(4n);
    log.updateHighWatermark(log.logEndOffset);
    expect(await log.deleteOldSegments()).toBe(1);
    expect(log.segmentCount).toBe(1);
    expect(log.logStartOffset).toBe(8n);
    expect(await log.deleteOldSegments()).toBe(0);
    await log.close();
  });

  it("deleteRecordsBefore moves the log start up to the high watermark and deletes wholly covered segments", async () => {
    const env = testLogEnv();
    const log = await fill(env, { retentionMs: -1 }, 6);
    log.updateHighWatermark(9n);
    await expect(log.deleteRecordsBefore(10n)).rejects.toMatchObject({ code: "OFFSET_OUT_OF_RANGE" });
    expect(await log.deleteRecordsBefore(5n)).toBe(5n);
    expect(log.segmentCount).toBe(2);
    expect(await log.deleteRecordsBefore(3n)).toBe(5n);
    await log.close();
    const reopened = await env.open();
    expect(reopened.logStartOffset).toBe(5n);
    expect(reopened.highWatermark).toBe(9n);
    await reopened.close();
  });

  it("trims the epoch cache to the new log start", async () => {
    const env = testLogEnv();
    const log = await env.open({ segmentBytesMax: 200 });
    for (const epoch of [1, 1, 2, 2, 3]) await log.appendAsLeader(makeBatch({ records: 2, bodyBytes: 39 }), epoch);
    log.updateHighWatermark(10n);
    await log.deleteRecordsBefore(6n);
    expect(log.epochEntries).toEqual([
      { epoch: 2, startOffset: 6n },
      { epoch: 3, startOffset: 8n },
    ]);
    await log.close();
  });
});
