import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Entry } from "../raft/entry.js";
import type { Ready } from "../raft/ready.js";
import { LevelRaftStore } from "./level-raft-store.js";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tributary-raft-store-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function entry(index: number, term: number, text = `e${index}`): Entry {
  return { index, term, type: "normal", data: new TextEncoder().encode(text) };
}

function ready(partial: Partial<Ready>): Ready {
  return {
    hardState: undefined,
    snapshot: undefined,
    entries: [],
    mustSync: true,
    messages: [],
    messagesAfterPersist: [],
    committedEntries: [],
    ...partial,
  };
}

describe("LevelRaftStore", () => {
  it("survives a reopen with hard state, entries and overwritten suffixes", async () => {
    const dir = freshDir();
    const store = await LevelRaftStore.open(dir);
    await store.persist(ready({ entries: [entry(1, 1), entry(2, 1), entry(3, 1)], hardState: { term: 1, vote: 2, commit: 1 } }));
    await store.persist(ready({ entries: [entry(2, 2, "new")], hardState: { term: 2, vote: undefined, commit: 1 } }));
    expect(store.lastIndex()).toBe(2);
    await store.close();

    const reopened = await LevelRaftStore.open(dir);
    expect(reopened.initialHardState()).toEqual({ term: 2, vote: undefined, commit: 1 });
    expect(reopened.lastIndex()).toBe(2);
    expect(reopened.term(2)).toBe(2);
    expect(new TextDecoder().decode(reopened.entries(2, 3, 1 << 20)[0]?.data)).toBe("new");
    await reopened.close();
  });

  it("compacts into a snapshot and installs a received one", async () => {
    const dir = freshDir();
    const store = await LevelRaftStore.open(dir);
    await store.persist(ready({ entries: [entry(1, 1), entry(2, 1), entry(3, 1)], hardState: { term: 1, vote: 1, commit: 3 } }));
    await store.compact(2, new Uint8Array([7, 7]));
    expect(store.firstIndex()).toBe(3);
    await store.close();

    const reopened = await LevelRaftStore.open(dir);
    expect(reopened.snapshotMetadata()).toEqual({ index: 2, term: 1 });
    expect([...reopened.snapshot().data]).toEqual([7, 7]);
    expect(reopened.firstIndex()).toBe(3);
    expect(reopened.lastIndex()).toBe(3);
    await reopened.persist(
      ready({ snapshot: { metadata: { index: 10, term: 3 }, data: new Uint8Array([9]) }, hardState: { term: 3, vote: undefined, commit: 10 } }),
    );
    await reopened.persist(ready({ entries: [entry(11, 3)] }));
    await reopened.close();

    const third = await LevelRaftStore.open(dir);
    expect(third.snapshotMetadata()).toEqual({ index: 10, term: 3 });
    expect(third.firstIndex()).toBe(11);
    expect(third.lastIndex()).toBe(11);
    await third.close();
  });
});
