/**
 * Goal: the fake file system loses exactly what a power loss may lose, so the log's crash tests
 * mean something. Method: write, sync selectively, crash, and look at what is left.
 */
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "./memory-file-system.js";

async function writeFile(fs: MemoryFileSystem, path: string, text: string, sync: boolean): Promise<void> {
  const handle = await fs.open(path, { create: true });
  await handle.write(Buffer.from(text), await handle.size());
  if (sync) await handle.sync();
  await handle.close();
}

async function text(fs: MemoryFileSystem, path: string): Promise<string | undefined> {
  return (await fs.readFile(path))?.toString();
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("MemoryFileSystem", () => {
  it("keeps synced bytes and loses unsynced bytes on a deterministic crash", async () => {
    const fs = new MemoryFileSystem();
    await fs.mkdir("/d");
    await writeFile(fs, "/d/a", "synced", true);
    await fs.syncDirectory("/d");
    await writeFile(fs, "/d/a", "+lost", false);
    expect(await text(fs, "/d/a")).toBe("synced+lost");
    const rebooted = fs.crash();
    expect(await text(rebooted, "/d/a")).toBe("synced");
  });

  it("loses a created name until its directory is synced, even if the file was synced", async () => {
    const fs = new MemoryFileSystem();
    await fs.mkdir("/d");
    await writeFile(fs, "/d/a", "data", true);
    expect(await fs.crash().readdir("/d")).toEqual([]);
  });

  it("undoes an unsynced rename and unlink", async () => {
    const fs = new MemoryFileSystem();
    await fs.mkdir("/d");
    await writeFile(fs, "/d/a", "old", true);
    await writeFile(fs, "/d/b", "new", true);
    await fs.syncDirectory("/d");
    await fs.rename("/d/b", "/d/a");
    expect(await fs.readdir("/d")).toEqual(["a"]);
    const rebooted = fs.crash();
    expect(await text(rebooted, "/d/a")).toBe("old");
    expect(await text(rebooted, "/d/b")).toBe("new");
  });

  it("keeps an unlinked file readable through an open handle", async () => {
    const fs = new MemoryFileSystem();
    await fs.mkdir("/d");
    await writeFile(fs, "/d/a", "still here", false);
    const handle = await fs.open("/d/a", { create: false });
    await fs.unlink("/d/a");
    expect((await handle.read(0, 100)).toString()).toBe("still here");
    await handle.close();
  });

  it("keeps nothing, a torn prefix or all of the unsynced bytes, and can add a garbage tail", async () => {
    const kept = new Set<string>();
    let longerThanWritten = false;
    for (let seed = 1; seed < 80; seed++) {
      const random = seededRandom(seed);
      for (const garbageBytesMax of [0, 4]) {
        const fs = new MemoryFileSystem();
        await fs.mkdir("/d");
        await writeFile(fs, "/d/a", "base", true);
        await fs.syncDirectory("/d");
        await writeFile(fs, "/d/a", "0123456789", false);
        const rebooted = fs.crash({ random, garbageBytesMax });
        const after = (await rebooted.readFile("/d/a"))!.toString("latin1");
        expect(after.startsWith("base")).toBe(true);
        if (garbageBytesMax === 0) {
          expect("0123456789".startsWith(after.slice(4))).toBe(true);
          kept.add(after.length === 4 ? "nothing" : after.length === 14 ? "all" : "torn");
        } else if (after.length > 14) {
          longerThanWritten = true;
        }
      }
    }
    expect([...kept].sort()).toEqual(["all", "nothing", "torn"]);
    expect(longerThanWritten).toBe(true);
  });

  it("powers off the crashed instance and its handles, so an abandoned writer cannot touch the rebooted disk", async () => {
    const fs = new MemoryFileSystem();
    await fs.mkdir("/d");
    const handle = await fs.open("/d/a", { create: true });
    const rebooted = fs.crash();
    await expect(handle.read(0, 1)).rejects.toThrow(/powered off/);
    await expect(fs.open("/d/b", { create: true })).rejects.toThrow(/powered off/);
    await expect(fs.unlink("/d/a")).rejects.toThrow(/powered off/);
    expect(await rebooted.readdir("/d")).toEqual([]);
  });

  it("fails an injected operation once", async () => {
    const fs = new MemoryFileSystem();
    await fs.mkdir("/d");
    const handle = await fs.open("/d/a", { create: true });
    fs.injectFault("sync", "/d/a");
    await expect(handle.sync()).rejects.toThrow(/EIO/);
    await expect(handle.sync()).resolves.toBeUndefined();
  });
});
