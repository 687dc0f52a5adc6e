/**
 * The Ready contract (see ready.ts): what may leave before the disk write and what must wait, that a
 * node counts its own vote and its own log copy only once persisted, the one-Ready-at-a-time rule,
 * and restarting from what was persisted. Method: nodes driven by hand, Ready by Ready.
 */
import { describe, expect, it } from "vitest";
import { raftConfig } from "./config.js";
import { MemoryStorage } from "./memory-storage.js";
import { RaftNode } from "./raft-node.js";
import { SeededRandom } from "./random.js";
import { TestCluster } from "./sim/test-cluster.js";

function text(data: Uint8Array): string {
  return new TextDecoder().decode(data);
}

describe("Ready contract", () => {
  it("a leader's appends leave at once; a follower's acknowledgement waits for its disk write", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.node(1).propose(new TextEncoder().encode("a"));
    const leaderReady = c.node(1).ready();
    expect(leaderReady.entries).toHaveLength(1);
    expect(leaderReady.messages.map((m) => m.type)).toEqual(["append", "append"]);
    expect(leaderReady.messagesAfterPersist).toEqual([]);
    const [toFollower] = leaderReady.messages;
    c.member(1).storage.saveReady(leaderReady);
    c.node(1).advance(leaderReady);

    c.node(2).step(toFollower!);
    const followerReady = c.node(2).ready();
    expect(followerReady.entries.map((e) => text(e.data))).toEqual(["a"]);
    expect(followerReady.mustSync).toBe(true);
    expect(followerReady.messages).toEqual([]);
    expect(followerReady.messagesAfterPersist).toMatchObject([{ type: "append-response", reject: false, index: 2 }]);
  });

  it("a vote grant waits for the vote to be persisted; a vote request does not", () => {
    const open = (id: number) => new RaftNode({ config: raftConfig(id, [1, 2, 3]), storage: new MemoryStorage(), random: new SeededRandom(id) });
    const candidate = open(1);
    candidate.campaign();
    candidate.step({ type: "pre-vote-response", from: 2, to: 1, term: 1, granted: true });
    const candidateReady = candidate.ready();
    expect(candidateReady.hardState).toEqual({ term: 1, vote: 1, commit: 0 });
    expect(candidateReady.messages.filter((m) => m.type === "vote")).toHaveLength(2);
    expect(candidateReady.messagesAfterPersist).toEqual([]);

    const voter = open(2);
    voter.step({ type: "vote", from: 1, to: 2, term: 1, lastIndex: 0, lastTerm: 0, transfer: false });
    const voterReady = voter.ready();
    expect(voterReady.hardState).toEqual({ term: 1, vote: 1, commit: 0 });
    expect(voterReady.mustSync).toBe(true);
    expect(voterReady.messages).toEqual([]);
    expect(voterReady.messagesAfterPersist).toMatchObject([{ type: "vote-response", to: 1, term: 1, granted: true }]);
  });

  it("a candidate counts its own vote only after advance", () => {
    const storage = new MemoryStorage();
    const node = new RaftNode({ config: raftConfig(1, [1, 2, 3]), storage, random: new SeededRandom(1) });
    node.campaign();
    // Pre-vote granted by node 2: now a candidate in term 1, own vote not yet durable.
    node.step({ type: "pre-vote-response", from: 2, to: 1, term: 1, granted: true });
    expect(node.status()).toMatchObject({ role: "candidate", term: 1 });
    node.step({ type: "vote-response", from: 2, to: 1, term: 1, granted: true });
    expect(node.status().role).toBe("candidate");
    const ready = node.ready();
    expect(ready.hardState).toEqual({ term: 1, vote: 1, commit: 0 });
    storage.saveReady(ready);
    node.advance(ready);
    expect(node.status().role).toBe("leader");
  });

  it("a leader counts its own copy of an entry only after advance", () => {
    const c = new TestCluster([1]);
    c.elect(1);
    const node = c.node(1);
    node.propose(new TextEncoder().encode("a"));
    expect(node.status().commit).toBe(1);
    const ready = node.ready();
    expect(ready.committedEntries).toEqual([]);
    c.member(1).storage.saveReady(ready);
    node.advance(ready);
    expect(node.status().commit).toBe(2);
    const next = node.ready();
    expect(next.committedEntries.map((e) => text(e.data))).toEqual(["a"]);
    expect(next.hardState).toEqual({ term: 1, vote: 1, commit: 2 });
    expect(next.mustSync).toBe(false); // a commit-only change needs no fsync
  });

  it("hands out one Ready at a time", () => {
    const c = new TestCluster([1, 2, 3]);
    c.node(1).campaign();
    const ready = c.node(1).ready();
    expect(c.node(1).hasReady()).toBe(false);
    expect(() => c.node(1).ready()).toThrow(/before advance/);
    c.member(1).storage.saveReady(ready);
    c.node(1).advance(ready);
    expect(() => c.node(1).advance(ready)).toThrow(/not the outstanding one/);
  });

  it("entries overwritten between ready() and advance() are written again by the next Ready", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(3);
    c.propose(1, "lost");
    // Node 3 missed "lost"; make it leader of term 2, then feed node 2 its log while node 2 holds
    // a Ready with the conflicting entry not yet advanced.
    c.queue = c.queue.filter((m) => m.to !== 2);
    c.node(2).step({ type: "append", from: 1, to: 2, term: 1, prevIndex: 1, prevTerm: 1, entries: [{ index: 2, term: 1, type: "normal", data: new TextEncoder().encode("lost") }], commit: 1 });
    const stale = c.node(2).ready();
    expect(stale.entries.map((e) => text(e.data))).toEqual(["lost"]);
    c.node(2).step({ type: "append", from: 3, to: 2, term: 2, prevIndex: 1, prevTerm: 1, entries: [{ index: 2, term: 2, type: "noop", data: new Uint8Array() }], commit: 1 });
    c.member(2).storage.saveReady(stale);
    c.node(2).advance(stale);
    const next = c.node(2).ready();
    expect(next.entries).toMatchObject([{ index: 2, term: 2, type: "noop" }]);
    c.member(2).storage.saveReady(next);
    c.node(2).advance(next);
    expect(c.member(2).storage.term(2)).toBe(2);
  });

  it("a restarted node resumes from what it persisted and re-applies committed entries", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    for (const t of ["a", "b", "c"]) c.propose(1, t);
    c.stabilize();
    c.member(2).storage.compact(2, new Uint8Array([42]));
    c.restart(2);
    const status = c.node(2).status();
    expect(status).toMatchObject({ role: "follower", term: 1, vote: 1, commit: 4, applied: 2, firstIndex: 3, lastIndex: 4 });
    c.processReadies();
    expect(c.appliedTexts(2)).toEqual(["b", "c"]);
  });
});
