/**
 * Elections: leader election with pre-vote (thesis §9.6), the election restriction (Raft §5.4.1),
 * the no-op a new leader appends (§6.4), check-quorum (§6.2) and the leader lease that makes
 * followers ignore disruptive votes (§4.2.3). Method: a hand-driven {@link TestCluster}; the test
 * decides every tick and delivery.
 */
import { describe, expect, it } from "vitest";
import type { VoteRequest } from "./message.js";
import { TestCluster } from "./sim/test-cluster.js";

const ELECTION_TICKS = 10;

describe("elections", () => {
  it("elects a leader that appends a no-op in its own term and commits it", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    for (const id of [1, 2, 3]) {
      const status = c.node(id).status();
      expect(status.term).toBe(1);
      expect(status.leader).toBe(1);
      expect(status.commit).toBe(1);
      const [noop] = c.node(id).log.slice(1, 2, Infinity);
      expect(noop).toMatchObject({ index: 1, term: 1, type: "noop" });
    }
  });

  it("elects exactly one leader from election timeouts alone", () => {
    const c = new TestCluster([1, 2, 3, 4, 5], { seed: 7 });
    for (let i = 0; i < 3 * ELECTION_TICKS && c.leader() === undefined; i++) {
      c.tickAll();
      c.stabilize();
    }
    const leaders = [...c.members.values()].filter((m) => m.node.status().role === "leader");
    expect(leaders).toHaveLength(1);
  });

  it("a single voter elects itself, but only once its own vote is persisted", () => {
    const c = new TestCluster([1]);
    const node = c.node(1);
    node.campaign();
    expect(node.status().role).toBe("candidate");
    const ready = node.ready();
    expect(ready.hardState).toMatchObject({ term: 1, vote: 1 });
    expect(node.status().role).toBe("candidate");
    c.member(1).storage.saveReady(ready);
    node.advance(ready);
    expect(node.status().role).toBe("leader");
  });

  it.each([1, 2, 3, 4, 5])("refuses votes to a candidate whose log is behind (election restriction, seed %i)", (seed) => {
    const c = new TestCluster([1, 2, 3], { seed });
    c.elect(1);
    c.isolate(3);
    c.propose(1, "a");
    c.stabilize();
    c.heal();
    c.isolate(1);
    // Whoever times out first, node 2 refuses node 3 (its log lacks "a"), so only node 2 can win.
    expect(c.electAmong([3, 2])).toBe(2);
    c.stabilize();
    expect(c.appliedTexts(2)).toEqual(["a"]);
    expect(c.appliedTexts(3)).toEqual(["a"]);
  });

  it("grants at most one vote per term", () => {
    const c = new TestCluster([1, 2, 3]);
    const vote = (from: number): VoteRequest => ({ type: "vote", from, to: 2, term: 1, lastIndex: 0, lastTerm: 0, transfer: false });
    c.node(2).step(vote(1));
    c.node(2).step(vote(3));
    const ready = c.node(2).ready();
    const answers = ready.messagesAfterPersist.filter((m) => m.type === "vote-response");
    expect(answers.map((m) => [m.to, m.type === "vote-response" && m.granted])).toEqual([
      [1, true],
      [3, false],
    ]);
    expect(ready.hardState?.vote).toBe(1);
  });
});

describe("pre-vote", () => {
  it("keeps a partitioned node from raising its term and disrupting the leader when it returns", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(3);
    c.tick(3, 10 * ELECTION_TICKS);
    c.stabilize();
    expect(c.node(3).status().term).toBe(1);
    c.heal();
    for (let i = 0; i < 3 * ELECTION_TICKS; i++) {
      c.tickAll();
      c.stabilize();
    }
    expect(c.node(1).status()).toMatchObject({ role: "leader", term: 1 });
    expect(c.node(3).status()).toMatchObject({ role: "follower", term: 1, leader: 1 });
  });

  it("a pre-candidate moves to the higher term a refusal reports", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(1);
    const leader = c.electAmong([2, 3]);
    // Check-quorum makes node 1 step down; it then pre-votes at term 2 into the partition.
    for (let i = 0; i < 10 * ELECTION_TICKS && c.node(1).status().role !== "pre-candidate"; i++) c.tick(1);
    expect(c.node(1).status()).toMatchObject({ role: "pre-candidate", term: 1 });
    c.heal();
    c.isolate(leader);
    c.stabilize();
    // The other follower refused with its term 2; node 1 adopted it without an election.
    expect(c.node(1).status()).toMatchObject({ role: "follower", term: 2 });
  });
});

describe("check-quorum and the leader lease", () => {
  it("an isolated leader steps down after an election timeout", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(1);
    // Check-quorum looks back one full period, so the leader notices within two.
    c.tick(1, ELECTION_TICKS);
    expect(c.node(1).status().role).toBe("leader");
    c.tick(1, ELECTION_TICKS);
    expect(c.node(1).status()).toMatchObject({ role: "follower", term: 1, leader: undefined });
  });

  it("a leader that hears from a majority stays leader", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(3);
    for (let i = 0; i < 5 * ELECTION_TICKS; i++) {
      c.tick(1);
      c.stabilize();
    }
    expect(c.node(1).status().role).toBe("leader");
  });

  it("followers with a live leader ignore higher-term votes unless they are a transfer", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    const vote = (transfer: boolean): VoteRequest => ({ type: "vote", from: 3, to: 2, term: 5, lastIndex: 1, lastTerm: 1, transfer });
    c.node(2).step(vote(false));
    expect(c.node(2).status()).toMatchObject({ term: 1, leader: 1 });
    expect(c.node(2).hasReady()).toBe(false);
    c.node(2).step(vote(true));
    expect(c.node(2).status()).toMatchObject({ term: 5, vote: 3 });
  });

  it("a deposed leader learns the new term from a follower's answer", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(1);
    const leader = c.electAmong([2, 3]);
    c.heal();
    // Node 1 still thinks it leads term 1; its heartbeat is answered with term 2.
    expect(c.node(1).status()).toMatchObject({ role: "leader", term: 1 });
    c.tick(1);
    c.stabilize();
    expect(c.node(1).status()).toMatchObject({ role: "follower", term: 2 });
    c.tick(leader);
    c.stabilize();
    expect(c.node(1).status().leader).toBe(leader);
  });
});
