/**
 * Goal: reopening after a crash keeps everything flushed, cuts torn or corrupt tails at the
 * first bad batch, drops what follows, and rebuilds indexes and the epoch cache; reopening after
 * a clean close skips the scan but still serves correct reads. Method: an in-memory file system
 * that loses unsynced bytes on crash; damage is written (and synced) directly into segment files.
 */
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { readBatchHeader } from "@tributary/client/internal/record";
import { MemoryFileSystem } from "./memory-file-system.js";
import { PartitionLog } from "./partition-log.js";
import { PartitionFile } from "./segment-files.js";
import { InstrumentedFileSystem } from "./testing/instrumented-file-system.js";
import { makeBatch } from "./testing/make-batch.js";
import { TEST_LOG_DIRECTORY, testLogEnv } from "./testing/open-test-log.js";

const path = (name: string) => posix.join(TEST_LOG_DIRECTORY, name);

/** damage writes `bytes` at `position` of a file and syncs it, as if the disk had it that way. */
async function damage(fs: MemoryFileSystem, name: string, position: number | "end", bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(path(name), { create: false });
  await handle.write(bytes, position === "end" ? await handle.size() : position);
  await handle.sync();
  await handle.close();
}

/** Appends `count` 100-byte batches of 2 records; batch i (counting from `first`) has epoch 1 + i / 2. */
async function appendBatches(log: PartitionLog, count: number, first = 0): Promise<void> {
  for (let i = first; i < first + count; i++) await log.appendAsLeader(makeBatch({ records: 2, bodyBytes: 39 }), 1 + Math.floor(i / 2));
}

describe("crash recovery", () => {
  it("keeps flushed batches and loses unflushed ones", async () => {
    const env = testLogEnv({ segmentBytesMax: 300 });
    const log = await env.open();
    await appendBatches(log, 3);
    await log.flush();
    await appendBatches(log, 2, 3);
    env.crash();
    const reopened = await env.open();
    expect(reopened.recovery).toMatchObject({ cleanShutdown: false, truncatedBytes: 0 });
    expect(reopened.logEndOffset).toBe(6n);
    expect(reopened.durableEndOffset).toBe(6n);
    const { bytes } = await reopened.read(4n, 1000);
    expect(readBatchHeader(bytes).baseOffset).toBe(4n);
    expect(reopened.latestEpoch).toBe(2);
    await reopened.appendAsLeader(makeBatch(), 5);
    expect(reopened.logEndOffset).toBe(7n);
    await reopened.close();
  });

  it("cuts a torn batch at the end of the log", async () => {
    const env = testLogEnv();
    const log = await env.open();
    await appendBatches(log, 2);
    await log.flush();
    env.crash();
    await damage(env.fs, "00000000000000000000.log", "end", makeBatch({ baseOffset: 4n, epoch: 1 }).subarray(0, 70));
    const reopened = await env.open();
    expect(reopened.recovery).toMatchObject({ truncatedBytes: 70, droppedSegments: 0 });
    expect(reopened.recovery.problem).toMatch(/truncated/);
    expect(reopened.logEndOffset).toBe(4n);
    await reopened.close();
  });

  it("cuts garbage whose CRC fails, even when its header looks valid", async () => {
    const env = testLogEnv();
    const log = await env.open();
    await appendBatches(log, 2);
    await log.flush();
    env.crash();
    const fake = makeBatch({ baseOffset: 4n, epoch: 1 });
    fake[fake.length - 1]! ^= 0x55;
    await damage(env.fs, "00000000000000000000.log", "end", fake);
    const reopened = await env.open();
    expect(reopened.recovery.problem).toMatch(/bad-crc/);
    expect(reopened.logEndOffset).toBe(4n);
    await reopened.close();
  });

  it("cuts a segment at a corrupt batch past the recovery point and deletes every later segment", async () => {
    const env = testLogEnv({ segmentBytesMax: 200 });
    const log = await env.open();
    await appendBatches(log, 6);
    await log.flush();
    env.crash();
    await env.fs.unlink(path(PartitionFile.recoveryPointCheckpoint)); // Validate everything.
    await damage(env.fs, "00000000000000000004.log", 150, Buffer.from([0xde, 0xad]));
    const reopened = await env.open();
    expect(reopened.recovery).toMatchObject({ recoveryPoint: 0n, truncatedBytes: 100, droppedSegments: 1 });
    expect(reopened.logEndOffset).toBe(6n);
    expect(reopened.segmentCount).toBe(2);
    expect(await env.fs.readdir(TEST_LOG_DIRECTORY)).not.toContain("00000000000000000008.log");
    expect(reopened.epochEntries).toEqual([
      { epoch: 1, startOffset: 0n },
      { epoch: 2, startOffset: 4n },
    ]);
    await reopened.close();
  });

  it("cuts where offsets stop continuing or leader epochs go backwards (fields outside the CRC)", async () => {
    const env = testLogEnv();
    const log = await env.open();
    await appendBatches(log, 4);
    await log.flush();
    env.crash();
    await env.fs.unlink(path(PartitionFile.recoveryPointCheckpoint));
    const epochField = Buffer.alloc(4);
    epochField.writeInt32BE(0);
    await damage(env.fs, "00000000000000000000.log", 300 + 12, epochField);
    const reopened = await env.open();
    expect(reopened.logEndOffset).toBe(6n);
    expect(reopened.recovery.problem).toMatch(/epoch 0/);
    await reopened.close();
  });

  it("rebuilds the epoch cache from batch headers, ignoring the checkpoint file", async () => {
    const env = testLogEnv({ segmentBytesMax: 200 });
    const log = await env.open();
    await appendBatches(log, 6);
    await log.flush();
    env.crash();
    await damage(env.fs, PartitionFile.leaderEpochCheckpoint, 0, Buffer.from("garbage"));
    const reopened = await env.open();
    expect(reopened.epochEntries).toEqual([
      { epoch: 1, startOffset: 0n },
      { epoch: 2, startOffset: 4n },
      { epoch: 3, startOffset: 8n },
    ]);
    expect(reopened.endOffsetForEpoch(2)).toEqual({ epoch: 2, endOffset: 8n });
    await reopened.close();
  });

  it("fsyncs what survived the crash before serving it as durable", async () => {
    const env = testLogEnv();
    const log = await env.open();
    await appendBatches(log, 3);
    env.crash({ random: () => 0.9 }); // Keeps every unsynced byte, as a process crash would.
    const reopened = await env.open();
    expect(reopened.logEndOffset).toBe(6n);
    expect(reopened.durableEndOffset).toBe(6n);
    const name = path("00000000000000000000.log");
    expect(env.fs.durableBytes(name)).toEqual(await env.fs.readFile(name));
    await reopened.close();
  });
});

describe("clean shutdown", () => {
  it("writes a marker that lets the next open skip the scan, and removes it on open", async () => {
    let memory = new MemoryFileSystem();
    const fs = new InstrumentedFileSystem(memory);
    const config = { segmentBytesMax: 4000, indexIntervalBytes: 150 };
    const open = () => PartitionLog.open({ directory: TEST_LOG_DIRECTORY, fs, config });
    const log = await open();
    for (let i = 0; i < 100; i++) await log.appendAsLeader(makeBatch({ records: 2, bodyBytes: 39 }), 0);
    await log.close();
    expect(await memory.readdir(TEST_LOG_DIRECTORY)).toContain(PartitionFile.cleanShutdownMarker);

    fs.resetCounts();
    const clean = await open();
    expect(clean.recovery.cleanShutdown).toBe(true);
    expect(await memory.readdir(TEST_LOG_DIRECTORY)).not.toContain(PartitionFile.cleanShutdownMarker);
    // Index files plus a short header walk per segment; a scan would read every 100-byte batch.
    expect(fs.reads).toBeLessThanOrEqual(2 * clean.segmentCount);
    for (let offset = 0n; offset < 200n; offset += 7n) {
      const { bytes } = await clean.read(offset, 1);
      expect(readBatchHeader(bytes).baseOffset).toBe(offset - (offset % 2n));
    }
    memory = memory.crash();
    const afterCrash = await PartitionLog.open({ directory: TEST_LOG_DIRECTORY, fs: memory, config });
    expect(afterCrash.recovery.cleanShutdown).toBe(false);
    expect(afterCrash.logEndOffset).toBe(200n);
    await afterCrash.close();
  });

  it("rebuilds index files that are missing or inconsistent", async () => {
    const env = testLogEnv({ segmentBytesMax: 4000, indexIntervalBytes: 150 });
    const log = await env.open();
    for (let i = 0; i < 60; i++) await log.appendAsLeader(makeBatch({ records: 2, bodyBytes: 39, timestampMs: 1_700_000_000_000 + i }), 0);
    await log.close();
    await env.fs.unlink(path("00000000000000000000.index"));
    await damage(env.fs, "00000000000000000080.timeindex", 0, Buffer.alloc(12, 0xff));
    const reopened = await env.open();
    expect(reopened.recovery.cleanShutdown).toBe(true);
    expect(reopened.logEndOffset).toBe(120n);
    for (let offset = 0n; offset < 120n; offset += 5n) {
      const { bytes } = await reopened.read(offset, 1);
      expect(readBatchHeader(bytes).baseOffset).toBe(offset - (offset % 2n));
    }
    expect(await reopened.offsetForTimestamp(1_700_000_000_000 + 45)).toEqual({ offset: 90n, timestampMs: 1_700_000_000_000 + 45 });
    await reopened.close();
  });
});
