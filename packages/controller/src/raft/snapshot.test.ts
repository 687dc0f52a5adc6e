/**
 * Snapshots (thesis §5.1; KIP-630): compaction on the leader, chunked InstallSnapshot to a follower
 * behind the log start, resumption after a lost chunk or a restart, and the "already have it"
 * shortcuts. Method: a hand-driven {@link TestCluster} whose nodes compact their "disk" the way an
 * application would: a snapshot of the applied state at the applied index.
 */
import { describe, expect, it } from "vitest";
import type { InstallSnapshotRequest } from "./message.js";
import { TestCluster } from "./sim/test-cluster.js";

const CHUNK = 64;

function snapshotOfApplied(c: TestCluster, id: number): { index: number; data: Uint8Array } {
  const member = c.member(id);
  const index = member.node.status().applied;
  return { index, data: new TextEncoder().encode(JSON.stringify(c.appliedTexts(id))) };
}

function chunksTo(c: TestCluster, to: number): InstallSnapshotRequest[] {
  return c.delivered.filter((m): m is InstallSnapshotRequest => m.type === "install-snapshot" && m.to === to);
}

/** A cluster where node 3 missed 20 entries that the leader then compacted away. */
function laggingFollowerBehindLogStart(): { c: TestCluster; snapshotIndex: number; data: Uint8Array } {
  const c = new TestCluster([1, 2, 3], { limits: { snapshotChunkBytes: CHUNK } });
  c.elect(1);
  c.isolate(3);
  for (let i = 0; i < 20; i++) c.propose(1, `entry-${i}`);
  c.stabilize();
  const { index, data } = snapshotOfApplied(c, 1);
  c.member(1).storage.compact(index, data);
  expect(c.node(1).log.firstIndex()).toBe(index + 1);
  return { c, snapshotIndex: index, data };
}

function heartbeats(c: TestCluster, times: number): void {
  for (let i = 0; i < times; i++) {
    c.tick(1);
    c.stabilize();
  }
}

describe("snapshots", () => {
  it("sends a follower behind the log start the snapshot in bounded chunks, then resumes appends", () => {
    const { c, snapshotIndex, data } = laggingFollowerBehindLogStart();
    c.heal();
    heartbeats(c, 3);
    const chunks = chunksTo(c, 3);
    expect(chunks.length).toBe(Math.ceil(data.byteLength / CHUNK));
    for (const chunk of chunks) expect(chunk.data.byteLength).toBeLessThanOrEqual(CHUNK);
    expect(chunks.filter((m) => m.done)).toHaveLength(1);
    const follower = c.member(3);
    expect(follower.restoredSnapshotIndex).toBe(snapshotIndex);
    expect(follower.storage.snapshot().data).toEqual(data);
    expect(follower.node.status()).toMatchObject({ commit: snapshotIndex, applied: snapshotIndex, firstIndex: snapshotIndex + 1 });
    c.propose(1, "after");
    c.stabilize();
    expect(c.appliedTexts(3)).toEqual(["after"]);
    expect(c.node(1).status().voters?.find((v) => v.id === 3)).toMatchObject({ flow: "replicate", match: snapshotIndex + 1 });
  });

  it("resends a lost chunk after a heartbeat and finishes the transfer", () => {
    const { c, snapshotIndex } = laggingFollowerBehindLogStart();
    c.heal();
    let dropped = 0;
    c.dropIf = (m) => m.type === "install-snapshot" && m.offset === 2 * CHUNK && dropped++ === 0;
    heartbeats(c, 6);
    expect(dropped).toBeGreaterThan(1);
    expect(c.member(3).restoredSnapshotIndex).toBe(snapshotIndex);
  });

  it("starts over from offset 0 when the follower restarts mid-transfer", () => {
    const { c, snapshotIndex } = laggingFollowerBehindLogStart();
    c.heal();
    let restarted = false;
    c.dropIf = (m) => {
      if (m.type === "install-snapshot" && m.offset === 2 * CHUNK && !restarted) {
        restarted = true;
        c.restart(3);
      }
      return false;
    };
    heartbeats(c, 8);
    expect(restarted).toBe(true);
    const offsets = chunksTo(c, 3).map((m) => m.offset);
    expect(offsets.filter((o) => o === 0).length).toBeGreaterThanOrEqual(2);
    expect(c.member(3).restoredSnapshotIndex).toBe(snapshotIndex);
  });

  it("a follower that already holds the snapshot's last entry keeps its log and only commits", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(3);
    c.propose(1, "a");
    c.stabilize();
    c.heal();
    // Node 3 holds (1, term 1) uncommitted; a snapshot ending there changes nothing but its commit.
    c.node(3).step({ type: "install-snapshot", from: 1, to: 3, term: 1, snapshot: { index: 1, term: 1 }, totalBytes: 3, offset: 0, data: new Uint8Array(3), done: true });
    expect(c.node(3).status()).toMatchObject({ commit: 1, lastIndex: 1 });
    const ready = c.node(3).ready();
    expect(ready.snapshot).toBeUndefined();
    expect(ready.messagesAfterPersist).toMatchObject([{ type: "append-response", reject: false, index: 1 }]);
  });

  it("compaction stays within the log and only moves forward", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.propose(1, "a");
    c.stabilize();
    const storage = c.member(1).storage;
    expect(() => storage.compact(storage.lastIndex() + 1, new Uint8Array())).toThrow(/past the last index/);
    const snapshot = storage.compact(2, new Uint8Array([1]));
    expect(snapshot.metadata).toEqual({ index: 2, term: 1 });
    expect(() => storage.compact(2, new Uint8Array())).toThrow(/not past the snapshot/);
  });
});
