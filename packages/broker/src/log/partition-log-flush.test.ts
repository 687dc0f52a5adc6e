/**
 * Goal: flush makes appended data durable with group commit, the durable end offset and its
 * listeners follow, each fsync policy behaves as documented, and an fsync failure takes the log
 * offline. Method: an in-memory file system whose fsyncs can be held and failed on demand.
 */
import { describe, expect, it } from "vitest";
import { LogClosedError, LogFailedError } from "./log-errors.js";
import { MemoryFileSystem } from "./memory-file-system.js";
import { PartitionLog } from "./partition-log.js";
import { InstrumentedFileSystem } from "./testing/instrumented-file-system.js";
import { makeBatch } from "./testing/make-batch.js";
import { testLogEnv } from "./testing/open-test-log.js";

describe("PartitionLog.flush", () => {
  it("advances the durable end offset to what was appended before it and tells listeners", async () => {
    const env = testLogEnv();
    const log = await env.open();
    const seen: bigint[] = [];
    const unsubscribe = log.onDurableEndOffset((offset) => seen.push(offset));
    await log.appendAsLeader(makeBatch({ records: 3 }), 0);
    expect(log.durableEndOffset).toBe(0n);
    expect(await log.flush()).toBe(3n);
    expect(log.durableEndOffset).toBe(3n);
    unsubscribe();
    await log.appendAsLeader(makeBatch({ records: 3 }), 0);
    await log.flush();
    expect(seen).toEqual([3n]);
    await log.close();
  });

  it("shares one fsync among concurrent flushes and runs exactly one more for flushes during it", async () => {
    const env = testLogEnv();
    const log = await env.open();
    await log.appendAsLeader(makeBatch(), 0);
    const syncsBefore = env.fs.fileSyncCount;
    const release = env.fs.holdSyncs();
    const first = log.flush();
    await log.appendAsLeader(makeBatch(), 0);
    const second = log.flush();
    const third = log.flush();
    await log.appendAsLeader(makeBatch(), 0);
    const fourth = log.flush();
    release();
    expect(await first).toBe(1n);
    expect(await Promise.all([second, third, fourth])).toEqual([3n, 3n, 3n]);
    expect(env.fs.fileSyncCount - syncsBefore).toBe(2);
    await log.close();
  });

  it("with fsyncPolicy 'on-append' resolves appends only once they are durable", async () => {
    const env = testLogEnv({ fsyncPolicy: "on-append" });
    const log = await env.open();
    await log.appendAsLeader(makeBatch({ records: 2 }), 0);
    expect(log.durableEndOffset).toBe(2n);
    env.crash();
    const reopened = await env.open();
    expect(reopened.logEndOffset).toBe(2n);
    await reopened.close();
  });

  it("with fsyncPolicy 'never' reports the log end as durable and does not fsync on flush", async () => {
    const env = testLogEnv({ fsyncPolicy: "never" });
    const log = await env.open();
    await log.appendAsLeader(makeBatch({ records: 2 }), 0);
    const seen: bigint[] = [];
    log.onDurableEndOffset((offset) => seen.push(offset));
    const syncsBefore = env.fs.fileSyncCount;
    await log.appendAsLeader(makeBatch({ records: 2 }), 0);
    expect(await log.flush()).toBe(4n);
    expect(seen).toEqual([4n]);
    expect(env.fs.fileSyncCount).toBe(syncsBefore);
    // Durability rests on replication: a crash of this replica alone loses the tail.
    env.crash();
    const reopened = await env.open();
    expect(reopened.logEndOffset).toBe(0n);
    await reopened.close();
  });

  it("with fsyncPolicy 'never' still fsyncs a rolled segment in the background and advances the recovery point", async () => {
    const env = testLogEnv({ fsyncPolicy: "never", segmentBytesMax: 200 });
    const log = await env.open();
    for (let i = 0; i < 3; i++) await log.appendAsLeader(makeBatch({ records: 2, bodyBytes: 39 }), 0);
    expect(log.segmentCount).toBe(2);
    // The background sync needs only resolved I/O promises; one macrotask turn lets it finish.
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.recoveryPoint).toBe(4n);
    env.crash();
    const reopened = await env.open();
    expect(reopened.recovery.recoveryPoint).toBe(4n);
    expect(reopened.logEndOffset).toBe(4n);
    await reopened.close();
  });

  it("does not let a flush that overlapped a truncation claim what the truncation replaced", async () => {
    const fs = new InstrumentedFileSystem(new MemoryFileSystem());
    const log = await PartitionLog.open({ directory: "/data/t-0", fs });
    await log.appendAsFollower(makeBatch({ baseOffset: 0n, records: 10, epoch: 1 }));
    await log.flush();
    await log.appendAsFollower(makeBatch({ baseOffset: 10n, records: 10, epoch: 1 }));
    const release = fs.holdNextSync();
    const flushing = log.flush(); // Covers offsets < 20, but its fsync is held.
    await log.truncateTo(10n);
    expect(log.durableEndOffset).toBe(10n);
    await log.appendAsFollower(makeBatch({ baseOffset: 10n, records: 10, epoch: 2 }));
    release();
    expect(await flushing).toBe(10n);
    expect(log.durableEndOffset).toBe(10n);
    expect(await log.flush()).toBe(20n);
    await log.close();
  });

  it("takes the log offline after a failed fsync until it is reopened", async () => {
    const env = testLogEnv();
    const log = await env.open();
    await log.appendAsLeader(makeBatch(), 0);
    env.fs.injectFault("sync", ".log");
    await expect(log.flush()).rejects.toBeInstanceOf(LogFailedError);
    await expect(log.appendAsLeader(makeBatch(), 0)).rejects.toBeInstanceOf(LogFailedError);
    await expect(log.read(0n, 100)).rejects.toBeInstanceOf(LogFailedError);
    await log.close();
    await expect(log.flush()).rejects.toBeInstanceOf(LogClosedError);
    const reopened = await env.open();
    expect(reopened.recovery.cleanShutdown).toBe(false);
    expect(reopened.logEndOffset).toBe(1n);
    await reopened.close();
  });

  it("takes the log offline after a failed write", async () => {
    const env = testLogEnv();
    const log = await env.open();
    env.fs.injectFault("write", ".log");
    await expect(log.appendAsLeader(makeBatch(), 0)).rejects.toBeInstanceOf(LogFailedError);
    await expect(log.appendAsLeader(makeBatch(), 0)).rejects.toBeInstanceOf(LogFailedError);
    await log.close();
  });
});
