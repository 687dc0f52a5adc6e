/**
 * Goal: segments roll by size, by age and before relative offsets overflow, and carry Kafka's
 * file names. Method: in-memory logs with tiny segments and a manual clock; file listings.
 */
import { describe, expect, it } from "vitest";
import { readBatchHeader } from "@tributary/client/internal/record";
import { makeBatch, makeBatches } from "./testing/make-batch.js";
import { TEST_LOG_DIRECTORY, testLogEnv } from "./testing/open-test-log.js";

const HOUR_MS = 3_600_000;

describe("segment roll", () => {
  it("rolls before a segment would outgrow segmentBytesMax, naming files by 20-digit base offset", async () => {
    const env = testLogEnv({ segmentBytesMax: 250 });
    const log = await env.open();
    // 100-byte batches: two fit a 250-byte segment, the third rolls. One append may span segments.
    await log.appendAsLeader(makeBatches([{ bodyBytes: 39 }, { bodyBytes: 39 }, { bodyBytes: 39 }]), 0);
    await log.appendAsLeader(makeBatches([{ bodyBytes: 39 }, { bodyBytes: 39 }]), 0);
    expect(log.segmentCount).toBe(3);
    await log.close();
    const logs = (await env.fs.readdir(TEST_LOG_DIRECTORY)).filter((name) => name.endsWith(".log"));
    expect(logs).toEqual(["00000000000000000000.log", "00000000000000000002.log", "00000000000000000004.log"]);
  });

  it("rolls a segment whose first batch is older than segmentMsMax, by min(clock, batch time)", async () => {
    const env = testLogEnv({ segmentMsMax: HOUR_MS });
    const log = await env.open();
    await log.appendAsLeader(makeBatch({ timestampMs: env.clock.nowMs() }), 0);
    env.clock.advanceMs(HOUR_MS);
    await log.appendAsLeader(makeBatch({ timestampMs: env.clock.nowMs() }), 0);
    expect(log.segmentCount).toBe(1);
    env.clock.advanceMs(1);
    await log.appendAsLeader(makeBatch({ timestampMs: env.clock.nowMs() }), 0);
    expect(log.segmentCount).toBe(2);
    // Replicated old data does not roll on every append although the clock is far ahead: the
    // batches' own timestamps are within an hour of the segment's first batch.
    const firstMs = env.clock.nowMs();
    env.clock.advanceMs(10 * HOUR_MS);
    await log.appendAsLeader(makeBatch({ timestampMs: firstMs + HOUR_MS / 2 }), 0);
    await log.appendAsLeader(makeBatch({ timestampMs: firstMs + HOUR_MS }), 0);
    expect(log.segmentCount).toBe(2);
    await log.close();
  });

  it("rolls before a batch's offsets would overflow the 4-byte relative offset", async () => {
    const log = await testLogEnv().open();
    await log.appendAsFollower(makeBatch({ baseOffset: 0n, epoch: 0 }));
    await log.appendAsFollower(makeBatch({ baseOffset: 1n, records: 1, lastOffsetDelta: 0x7fff_ffff, epoch: 0 }));
    expect(log.segmentCount).toBe(2);
    expect(log.logEndOffset).toBe(0x8000_0001n);
    const { bytes } = await log.read(5n, 1000);
    expect(readBatchHeader(bytes).baseOffset).toBe(1n);
    await log.close();
  });
});
