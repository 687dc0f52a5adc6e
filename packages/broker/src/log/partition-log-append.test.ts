/**
 * Goal: appends assign or keep offsets exactly as Kafka's leader and follower paths do, check
 * every batch before writing anything, and fence stale epochs. Method: an in-memory log, batches
 * with opaque bodies, assertions on returned offsets and on the stored headers.
 */
import { describe, expect, it } from "vitest";
import { CorruptRecordError, readBatchHeader } from "@tributary/client/internal/record";
import { StaleLeaderEpochError, UnexpectedAppendOffsetError } from "./log-errors.js";
import { makeBatch, makeBatches } from "./testing/make-batch.js";
import { TEST_LOG_DIRECTORY, testLogEnv } from "./testing/open-test-log.js";

const SEGMENT_0 = `${TEST_LOG_DIRECTORY}/00000000000000000000.log`;

describe("PartitionLog.appendAsLeader", () => {
  it("assigns consecutive offsets and stamps offsets and epoch into the stored batches", async () => {
    const log = await testLogEnv().open();
    const t = 1_700_000_000_000;
    const first = await log.appendAsLeader(makeBatches([{ records: 3, timestampMs: t + 10 }, { records: 2, timestampMs: t + 30 }]), 4);
    expect(first).toMatchObject({ firstOffset: 0n, lastOffset: 4n, maxTimestampMs: t + 30, offsetOfMaxTimestamp: 3n, batchCount: 2 });
    const second = await log.appendAsLeader(makeBatch({ records: 5 }), 4);
    expect(second.firstOffset).toBe(5n);
    expect(log.logEndOffset).toBe(10n);

    const { bytes } = await log.read(0n, 1 << 20);
    const headers = [0, 61 + 16, 2 * (61 + 16)].map((position) => readBatchHeader(bytes, position));
    expect(headers.map((h) => h.baseOffset)).toEqual([0n, 3n, 5n]);
    expect(headers.map((h) => h.partitionLeaderEpoch)).toEqual([4, 4, 4]);
    await log.close();
  });

  it("rejects an append with a corrupt batch whole, leaving nothing of it in the log or its file", async () => {
    const env = testLogEnv({ segmentBytesMax: 400 });
    const log = await env.open();
    await log.appendAsLeader(makeBatch({ records: 2 }), 0);
    // Fits the active segment: the CRCs are checked while the write runs, which is then undone.
    const sizeBefore = (await env.fs.readFile(SEGMENT_0))!.length;
    const bytes = makeBatches([{ records: 1 }, { records: 1 }]);
    bytes[bytes.length - 1]! ^= 0xff;
    await expect(log.appendAsLeader(bytes, 0)).rejects.toMatchObject({ kind: "bad-crc", position: 77 + 17 });
    expect((await env.fs.readFile(SEGMENT_0))!.length).toBe(sizeBefore);
    // Also when a roll falls inside the append: the CRCs are checked before the first write.
    const rolling = makeBatches([{ bodyBytes: 39 }, { bodyBytes: 39 }, { bodyBytes: 39 }, { bodyBytes: 39 }]);
    rolling[rolling.length - 1]! ^= 0xff;
    await expect(log.appendAsLeader(rolling, 0)).rejects.toMatchObject({ kind: "bad-crc" });
    await expect(log.appendAsLeader(makeBatch().subarray(0, 70), 0)).rejects.toMatchObject({ kind: "truncated" });
    expect(log.logEndOffset).toBe(2n);
    expect(log.sizeBytes).toBe(sizeBefore);
    expect(log.segmentCount).toBe(1);
    await log.appendAsLeader(makeBatch(), 0);
    expect(log.logEndOffset).toBe(3n);
    expect((await log.read(2n, 1000)).bytes.length).toBe(77);
    await log.close();
  });

  it("rejects batches over batchBytesMax and producer batches whose counts disagree", async () => {
    const log = await testLogEnv().open({ batchBytesMax: 200 });
    await expect(log.appendAsLeader(makeBatch({ bodyBytes: 200 }), 0)).rejects.toMatchObject({ code: "MESSAGE_TOO_LARGE" });
    await expect(log.appendAsLeader(makeBatch({ records: 3, lastOffsetDelta: 5 }), 0)).rejects.toMatchObject({ kind: "bad-count" });
    expect(log.logEndOffset).toBe(0n);
    await log.close();
  });

  it("records a new epoch once and fences an older one", async () => {
    const log = await testLogEnv().open();
    await log.appendAsLeader(makeBatch({ records: 2 }), 1);
    await log.appendAsLeader(makeBatch({ records: 2 }), 1);
    await log.appendAsLeader(makeBatch({ records: 2 }), 3);
    expect(log.epochEntries).toEqual([
      { epoch: 1, startOffset: 0n },
      { epoch: 3, startOffset: 4n },
    ]);
    const stale = log.appendAsLeader(makeBatch(), 2);
    await expect(stale).rejects.toBeInstanceOf(StaleLeaderEpochError);
    await expect(stale).rejects.toMatchObject({ code: "FENCED_LEADER_EPOCH", leaderEpoch: 2, latestEpoch: 3 });
    expect(log.logEndOffset).toBe(6n);
    await log.close();
  });

  it("lets a new leader record its epoch before its first append (KIP-279)", async () => {
    const log = await testLogEnv().open();
    await log.appendAsLeader(makeBatch({ records: 2 }), 1);
    await log.assignEpochStartOffset(2);
    expect(log.endOffsetForEpoch(1)).toEqual({ epoch: 1, endOffset: 2n });
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 2, endOffset: 2n });
    await expect(log.assignEpochStartOffset(1)).rejects.toBeInstanceOf(StaleLeaderEpochError);
    await log.close();
  });
});

describe("PartitionLog.appendAsFollower", () => {
  it("keeps the leader's offsets and epochs and learns new epochs from batches", async () => {
    const log = await testLogEnv().open();
    const info = await log.appendAsFollower(makeBatches([
      { baseOffset: 0n, records: 2, epoch: 1 },
      { baseOffset: 2n, records: 3, epoch: 1 },
      { baseOffset: 5n, records: 1, epoch: 4 },
    ]));
    expect(info).toMatchObject({ firstOffset: 0n, lastOffset: 5n, batchCount: 3 });
    expect(log.epochEntries).toEqual([
      { epoch: 1, startOffset: 0n },
      { epoch: 4, startOffset: 5n },
    ]);
    const { bytes } = await log.read(5n, 1000);
    expect(readBatchHeader(bytes)).toMatchObject({ baseOffset: 5n, partitionLeaderEpoch: 4 });
    await log.close();
  });

  it("accepts batches with offset gaps inside them (compacted by the leader)", async () => {
    const log = await testLogEnv().open();
    await log.appendAsFollower(makeBatch({ baseOffset: 0n, records: 2, lastOffsetDelta: 9, epoch: 0 }));
    expect(log.logEndOffset).toBe(10n);
    await log.close();
  });

  it("refuses batches that do not continue the log exactly", async () => {
    const log = await testLogEnv().open();
    await log.appendAsFollower(makeBatch({ baseOffset: 0n, records: 2, epoch: 0 }));
    const gap = log.appendAsFollower(makeBatch({ baseOffset: 3n, epoch: 0 }));
    await expect(gap).rejects.toBeInstanceOf(UnexpectedAppendOffsetError);
    await expect(gap).rejects.toMatchObject({ expectedOffset: 2n, actualOffset: 3n });
    const inner = log.appendAsFollower(makeBatches([{ baseOffset: 2n, epoch: 0 }, { baseOffset: 4n, epoch: 0 }]));
    await expect(inner).rejects.toMatchObject({ expectedOffset: 3n, actualOffset: 4n });
    expect(log.logEndOffset).toBe(2n);
    await log.close();
  });

  it("refuses epochs older than the latest and epochs going backwards within an append", async () => {
    const log = await testLogEnv().open();
    await log.appendAsFollower(makeBatch({ baseOffset: 0n, epoch: 5 }));
    await expect(log.appendAsFollower(makeBatch({ baseOffset: 1n, epoch: 4 }))).rejects.toBeInstanceOf(StaleLeaderEpochError);
    const backwards = makeBatches([{ baseOffset: 1n, epoch: 6 }, { baseOffset: 2n, epoch: 5 }]);
    await expect(log.appendAsFollower(backwards)).rejects.toBeInstanceOf(CorruptRecordError);
    await expect(log.appendAsFollower(makeBatch({ baseOffset: 1n, epoch: -1 }))).rejects.toBeInstanceOf(CorruptRecordError);
    expect(log.logEndOffset).toBe(1n);
    await log.close();
  });

  it("rejects an empty append as bad input", async () => {
    const log = await testLogEnv().open();
    await expect(log.appendAsFollower(new Uint8Array(0))).rejects.toBeInstanceOf(CorruptRecordError);
    await expect(log.appendAsLeader(new Uint8Array(0), 0)).rejects.toBeInstanceOf(CorruptRecordError);
    await log.close();
  });
});
