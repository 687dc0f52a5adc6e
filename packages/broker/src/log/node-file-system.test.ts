/**
 * Goal: the real file system adapter honours the FileSystem contract, and a log round-trips on
 * a real disk, including a reopen after a clean close. Method: a fresh temporary directory.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBatchHeader } from "@tributary/client/internal/record";
import { NodeFileSystem } from "./node-file-system.js";
import { PartitionLog } from "./partition-log.js";
import { makeBatch } from "./testing/make-batch.js";

let root = "";
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "tributary-log-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("NodeFileSystem", () => {
  it("reads and writes at positions, truncates, syncs, renames, unlinks and lists", async () => {
    const fs = new NodeFileSystem();
    const dir = join(root, "a", "b");
    await fs.mkdir(dir);
    await fs.mkdir(dir);
    const handle = await fs.open(join(dir, "f"), { create: true });
    await handle.write(Buffer.from("hello"), 0);
    await handle.write([Buffer.from(" big"), Buffer.from(" world")], 5);
    expect((await handle.read(0, 100)).toString()).toBe("hello big world");
    expect((await handle.read(6, 3)).toString()).toBe("big");
    await handle.truncate(5);
    expect(await handle.size()).toBe(5);
    await handle.sync();
    await handle.close();
    await fs.syncDirectory(dir);
    await fs.rename(join(dir, "f"), join(dir, "g"));
    expect(await fs.readdir(dir)).toEqual(["g"]);
    expect((await fs.readFile(join(dir, "g")))?.toString()).toBe("hello");
    expect(await fs.readFile(join(dir, "missing"))).toBeUndefined();
    await fs.unlink(join(dir, "g"));
    await fs.unlink(join(dir, "g"));
    await expect(fs.open(join(dir, "g"), { create: false })).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("stores and recovers a partition log on a real disk", async () => {
    const directory = join(root, "orders-0");
    const config = { segmentBytesMax: 4096, indexIntervalBytes: 512 };
    const log = await PartitionLog.open({ directory, config });
    for (let i = 0; i < 100; i++) await log.appendAsLeader(makeBatch({ records: 4, bodyBytes: 200 }), 1);
    expect(await log.flush()).toBe(400n);
    await log.close();
    const reopened = await PartitionLog.open({ directory, config });
    expect(reopened.recovery.cleanShutdown).toBe(true);
    expect(reopened.logEndOffset).toBe(400n);
    const { bytes } = await reopened.read(201n, 1);
    expect(readBatchHeader(bytes).baseOffset).toBe(200n);
    await reopened.close();
  });
});
