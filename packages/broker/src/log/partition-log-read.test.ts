/**
 * Goal: reads return stored batches from the batch boundary holding the start offset, whole
 * batches only, within maxBytes except for an oversized first batch (KIP-74), never at or past
 * maxOffset, from one file read; and out-of-range offsets fail with the valid range.
 * Method: in-memory logs with known batch layouts; an instrumented file system counts reads.
 */
import { describe, expect, it } from "vitest";
import { batchSizeBytes, readBatchHeader } from "@tributary/client/internal/record";
import { OffsetOutOfRangeError } from "./log-errors.js";
import { MemoryFileSystem } from "./memory-file-system.js";
import { PartitionLog } from "./partition-log.js";
import { InstrumentedFileSystem } from "./testing/instrumented-file-system.js";
import { makeBatch } from "./testing/make-batch.js";
import { testLogEnv } from "./testing/open-test-log.js";

/** baseOffsets lists the base offsets of the batches in `bytes`. */
function baseOffsets(bytes: Uint8Array): bigint[] {
  const offsets: bigint[] = [];
  for (let at = 0; at < bytes.length; ) {
    const header = readBatchHeader(bytes, at);
    offsets.push(header.baseOffset);
    at += batchSizeBytes(header);
  }
  return offsets;
}

/** Ten batches of 3 records, 100 bytes each (61-byte header + 39-byte body): offsets 0, 3, ..., 27. */
async function tenBatchLog(config = {}) {
  const env = testLogEnv({ indexIntervalBytes: 150, ...config });
  const log = await env.open();
  for (let i = 0; i < 10; i++) await log.appendAsLeader(makeBatch({ records: 3, bodyBytes: 39 }), 0);
  return { env, log };
}

describe("PartitionLog.read", () => {
  it("starts at the batch holding the start offset and returns whole batches within maxBytes", async () => {
    const { log } = await tenBatchLog();
    for (let offset = 0n; offset < 30n; offset++) {
      const result = await log.read(offset, 250);
      const first = (offset / 3n) * 3n;
      expect(baseOffsets(result.bytes)).toEqual([first, first + 3n].filter((o) => o < 30n));
      expect(result.nextOffset).toBe(first + 6n > 30n ? 30n : first + 6n);
    }
    await log.close();
  });

  it("returns an oversized first batch whole so consumers make progress (KIP-74)", async () => {
    const { log } = await tenBatchLog();
    const result = await log.read(4n, 10);
    expect(baseOffsets(result.bytes)).toEqual([3n]);
    expect(result.bytes.length).toBe(100);
    expect(result.nextOffset).toBe(6n);
    await log.close();
  });

  it("never returns a batch holding an offset at or past maxOffset", async () => {
    const { log } = await tenBatchLog();
    expect(baseOffsets((await log.read(0n, 10_000, { maxOffset: 9n })).bytes)).toEqual([0n, 3n, 6n]);
    expect(baseOffsets((await log.read(0n, 10_000, { maxOffset: 8n })).bytes)).toEqual([0n, 3n]);
    const straddling = await log.read(7n, 10_000, { maxOffset: 8n });
    expect(straddling.bytes.length).toBe(0);
    expect(straddling.nextOffset).toBe(7n);
    expect((await log.read(9n, 10_000, { maxOffset: 9n })).bytes.length).toBe(0);
    await log.close();
  });

  it("returns nothing at the log end and fails outside [logStartOffset, logEndOffset] with the range", async () => {
    const { log } = await tenBatchLog();
    const atEnd = await log.read(30n, 1000);
    expect(atEnd).toMatchObject({ nextOffset: 30n, logStartOffset: 0n, logEndOffset: 30n });
    expect(atEnd.bytes.length).toBe(0);
    const past = log.read(31n, 1000);
    await expect(past).rejects.toBeInstanceOf(OffsetOutOfRangeError);
    await expect(past).rejects.toMatchObject({ code: "OFFSET_OUT_OF_RANGE", requestedOffset: 31n, logStartOffset: 0n, logEndOffset: 30n });
    log.updateHighWatermark(30n);
    await log.deleteRecordsBefore(12n);
    await expect(log.read(11n, 1000)).rejects.toMatchObject({ logStartOffset: 12n });
    expect(baseOffsets((await log.read(12n, 100)).bytes)).toEqual([12n]);
    await expect(log.read(0n, -1)).rejects.toMatchObject({ code: "INVALID_FETCH_SIZE" });
    await log.close();
  });

  it("reads one segment at a time and continues in the next", async () => {
    const { log } = await tenBatchLog({ segmentBytesMax: 400 });
    expect(log.segmentCount).toBe(3);
    const first = await log.read(0n, 10_000);
    expect(baseOffsets(first.bytes)).toEqual([0n, 3n, 6n, 9n]);
    const second = await log.read(first.nextOffset, 10_000);
    expect(baseOffsets(second.bytes)).toEqual([12n, 15n, 18n, 21n]);
    await log.close();
  });

  it("serves a sequential fetch with one file read, sliced rather than copied", async () => {
    const fs = new InstrumentedFileSystem(new MemoryFileSystem());
    const log = await PartitionLog.open({ directory: "/data/t-0", fs, config: { indexIntervalBytes: 4096 } });
    for (let i = 0; i < 64; i++) await log.appendAsLeader(makeBatch({ records: 16, bodyBytes: 16 * 1024 - 61 }), 0);
    let offset = 0n;
    fs.resetCounts();
    for (let i = 0; i < 16; i++) {
      const result = await log.read(offset, 64 * 1024);
      expect(result.bytes.length).toBe(64 * 1024);
      expect(result.bytes.buffer.byteLength).toBeGreaterThanOrEqual(64 * 1024);
      offset = result.nextOffset;
    }
    expect(offset).toBe(1024n);
    expect(fs.reads).toBe(16);
    await log.close();
  });

  it("reads again when a truncation overlaps the read, never returning bytes that left the log", async () => {
    const fs = new InstrumentedFileSystem(new MemoryFileSystem());
    const log = await PartitionLog.open({ directory: "/data/t-0", fs });
    await log.appendAsFollower(makeBatch({ baseOffset: 0n, records: 2, epoch: 1, fill: 1 }));
    await log.appendAsFollower(makeBatch({ baseOffset: 2n, records: 2, epoch: 1, fill: 1 }));
    const release = fs.holdNextRead();
    const reading = log.read(2n, 1000);
    await log.truncateTo(2n);
    await log.appendAsFollower(makeBatch({ baseOffset: 2n, records: 5, epoch: 2, fill: 2, bodyBytes: 40 }));
    release();
    const result = await reading;
    expect(readBatchHeader(result.bytes)).toMatchObject({ baseOffset: 2n, partitionLeaderEpoch: 2, recordsCount: 5 });
    await log.close();
  });
});
