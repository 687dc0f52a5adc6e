/**
 * Goal: truncation removes exactly the batches at or past the offset, durably, and keeps the
 * epoch cache, high watermark and durable end offset consistent. Method: in-memory logs, then a
 * deterministic crash to check that the cut survives.
 */
import { describe, expect, it } from "vitest";
import { makeBatch } from "./testing/make-batch.js";
import { TEST_LOG_DIRECTORY, testLogEnv } from "./testing/open-test-log.js";

/** Six follower batches of 2 records, 100 bytes each, epochs 1,1,2,2,3,3, in 200-byte segments. */
async function sixBatches(env = testLogEnv()) {
  const log = await env.open({ segmentBytesMax: 200 });
  const epochs = [1, 1, 2, 2, 3, 3];
  for (let i = 0; i < epochs.length; i++) {
    await log.appendAsFollower(makeBatch({ baseOffset: BigInt(2 * i), records: 2, bodyBytes: 39, epoch: epochs[i]! }));
  }
  return { env, log };
}

describe("PartitionLog.truncateTo", () => {
  it("removes a straddling batch whole and deletes later segments", async () => {
    const { env, log } = await sixBatches();
    expect(log.segmentCount).toBe(3);
    await log.truncateTo(5n);
    expect(log.logEndOffset).toBe(4n);
    expect(log.segmentCount).toBe(2);
    expect(log.epochEntries).toEqual([{ epoch: 1, startOffset: 0n }]);
    expect((await env.fs.readdir(TEST_LOG_DIRECTORY)).filter((name) => name.endsWith(".log"))).toEqual([
      "00000000000000000000.log",
      "00000000000000000004.log",
    ]);
    await log.appendAsFollower(makeBatch({ baseOffset: 4n, epoch: 4 }));
    expect(log.epochEntries.at(-1)).toEqual({ epoch: 4, startOffset: 4n });
    await log.close();
  });

  it("is durable on return: a crash right after keeps the cut", async () => {
    const { env, log } = await sixBatches();
    await log.flush();
    await log.truncateTo(3n);
    env.crash();
    const reopened = await env.open({ segmentBytesMax: 200 });
    expect(reopened.logEndOffset).toBe(2n);
    expect(reopened.epochEntries).toEqual([{ epoch: 1, startOffset: 0n }]);
    await reopened.close();
  });

  it("clamps the high watermark and durable end offset, and tells durable-offset listeners", async () => {
    const { log } = await sixBatches();
    await log.flush();
    log.updateHighWatermark(12n);
    const seen: bigint[] = [];
    log.onDurableEndOffset((offset) => seen.push(offset));
    await log.truncateTo(6n);
    expect(log.highWatermark).toBe(6n);
    expect(log.durableEndOffset).toBe(6n);
    expect(seen).toEqual([6n]);
    await log.close();
  });

  it("lowers the durable end offset to the real cut before cutting, when a batch straddles the offset", async () => {
    const { log } = await sixBatches();
    await log.flush();
    const seen: bigint[] = [];
    log.onDurableEndOffset((offset) => seen.push(offset));
    await log.truncateTo(5n);
    expect(seen).toEqual([4n]);
    await log.close();
  });

  it("at or past the log end only drops epoch entries that start there", async () => {
    const { log } = await sixBatches();
    await log.assignEpochStartOffset(7);
    expect(log.latestEpoch).toBe(7);
    await log.truncateTo(12n);
    expect(log.logEndOffset).toBe(12n);
    expect(log.latestEpoch).toBe(3);
    await log.close();
  });

  it("below the log start empties the log and starts it there", async () => {
    const { log } = await sixBatches();
    log.updateHighWatermark(12n);
    await log.deleteRecordsBefore(8n);
    await log.truncateTo(6n);
    expect(log.logStartOffset).toBe(6n);
    expect(log.logEndOffset).toBe(6n);
    expect(log.epochEntries).toEqual([]);
    await log.close();
  });
});

describe("PartitionLog.truncateFullyAndStartAt", () => {
  it("replaces the log by an empty one at the offset, durably", async () => {
    const { env, log } = await sixBatches();
    await log.truncateFullyAndStartAt(100n);
    expect(log).toMatchObject({ logStartOffset: 100n, logEndOffset: 100n, highWatermark: 100n, durableEndOffset: 100n, segmentCount: 1 });
    await log.appendAsFollower(makeBatch({ baseOffset: 100n, epoch: 9 }));
    env.crash();
    const reopened = await env.open();
    expect(reopened).toMatchObject({ logStartOffset: 100n, logEndOffset: 100n });
    expect((await env.fs.readdir(TEST_LOG_DIRECTORY)).filter((name) => name.endsWith(".log"))).toEqual(["00000000000000000100.log"]);
    await reopened.close();
  });
});
