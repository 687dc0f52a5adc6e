/**
 * Log replication: the commit rule (Raft §5.4.2 and its Figure 8), catch-up with reject hints,
 * in-flight and byte bounds on appends. Method: prepared logs in a hand-driven {@link TestCluster},
 * with some messages rewritten or dropped in flight to build the paper's scenarios exactly.
 */
import { describe, expect, it } from "vitest";
import type { AppendRequest, Message } from "./message.js";
import { entrySizeBytes } from "./entry.js";
import { preparedStorage, TestCluster } from "./sim/test-cluster.js";

const ELECTION_TICKS = 10;

/** Delivers until quiet, rewriting every queued message with `rewrite` first. */
function stabilizeRewriting(c: TestCluster, rewrite: (m: Message) => Message | undefined): void {
  for (let round = 0; round < 1000; round++) {
    c.processReadies();
    c.queue = c.queue.flatMap((m) => rewrite(m) ?? []);
    if (c.queue.length === 0) return;
    c.deliver();
  }
  throw new Error("did not stabilize");
}

function appendsTo(c: TestCluster, to: number): AppendRequest[] {
  return c.delivered.filter((m): m is AppendRequest => m.type === "append" && m.to === to && m.entries.length > 0);
}

describe("commit rule (Raft §5.4.2, Figure 8)", () => {
  it("never commits an earlier term's entry by counting replicas, which a later leader could overwrite", () => {
    // Figure 8 (c): S1 leads term 4 holding x = (2, term 2); S5 holds y = (2, term 3).
    const logs: Record<number, (number | [number, string])[]> = {
      1: [1, [2, "x"]],
      2: [1, [2, "x"]],
      3: [1],
      4: [1],
      5: [1, [3, "y"]],
    };
    const c = new TestCluster([1, 2, 3, 4, 5], { storage: (id) => preparedStorage(logs[id]!, { term: 3, commit: 1 }) });
    c.cut(1, 5);
    // S1 wins term 4 (S5's log is more up to date and refuses), then replicates x to S2-S4 but,
    // as in the figure, none of its own term-4 entries get through.
    const withoutTerm4 = (m: Message): Message | undefined =>
      m.type === "append" ? { ...m, entries: m.entries.filter((e) => e.term < 4) } : m;
    c.node(1).campaign();
    stabilizeRewriting(c, withoutTerm4);
    expect(c.node(1).status()).toMatchObject({ role: "leader", term: 4 });
    for (const id of [1, 2, 3, 4]) expect(c.node(id).log.maybeTerm(2)).toBe(2);
    // x is on 4 of 5 voters, yet it is not committed: it is not from the leader's term.
    for (const id of [1, 2, 3, 4]) expect(c.node(id).status().commit).toBe(1);

    // Figure 8 (d): S1 crashes; S5 (last term 3) is elected and overwrites x everywhere.
    c.isolate(1);
    for (const id of [2, 3, 4]) c.tick(id, ELECTION_TICKS); // their lease on S1 runs out
    c.queue = [];
    c.heal();
    c.isolate(1);
    c.node(5).campaign(); // refused at term 4, which S5 adopts
    c.stabilize();
    c.node(5).campaign();
    c.stabilize();
    expect(c.node(5).status()).toMatchObject({ role: "leader", term: 5 });
    for (const id of [2, 3, 4, 5]) {
      expect(c.node(id).log.maybeTerm(2)).toBe(3);
      expect(c.appliedTexts(id)).toEqual(["t1i1", "y"]);
    }
    // Nobody ever applied x, so overwriting it broke no promise.
    for (const id of [1, 2, 3, 4, 5]) expect(c.appliedTexts(id)).not.toContain("x");
  });

  it("commits an earlier term's entries together with one of its own term", () => {
    const c = new TestCluster([1, 2, 3], { storage: (id) => preparedStorage(id === 3 ? [1] : [1, 1, 1], { term: 1, commit: 1 }) });
    c.node(1).campaign();
    c.stabilize();
    expect(c.node(1).status()).toMatchObject({ role: "leader", term: 2, commit: 4 });
    for (const id of [1, 2, 3]) expect(c.appliedTexts(id)).toEqual(["t1i1", "t1i2", "t1i3"]);
  });
});

describe("reject hints", () => {
  it("a follower with a long divergent suffix catches up in one rejection", () => {
    // Leader side: 50 entries of term 1, then 50 of term 3. Follower: 50 of term 1, then 100 of
    // term 2 from a leader that never committed them. Without hints: one rejection per entry.
    const leaderLog = [...Array<number>(50).fill(1), ...Array<number>(50).fill(3)];
    const followerLog = [...Array<number>(50).fill(1), ...Array<number>(100).fill(2)];
    const c = new TestCluster([1, 2, 3], {
      storage: (id) => preparedStorage(id === 3 ? followerLog : leaderLog, { term: 3, commit: 50 }),
    });
    c.node(1).campaign();
    c.stabilize();
    const rejections = c.delivered.filter((m) => m.type === "append-response" && m.from === 3 && m.reject);
    expect(rejections).toHaveLength(1);
    expect(c.node(3).log.lastIndex()).toBe(101);
    expect(c.node(3).log.maybeTerm(100)).toBe(3);
  });

  it("the hint skips one conflicting term per round trip", () => {
    // Follower terms 1,2,2,4,4,4 vs leader 1,3,3,5,5,5: each of the follower's terms costs at most
    // one rejection, not one per entry.
    const c = new TestCluster([1, 2, 3], {
      storage: (id) => preparedStorage(id === 3 ? [1, 2, 2, 4, 4, 4] : [1, 3, 3, 5, 5, 5], { term: 5, commit: 1 }),
    });
    c.node(1).campaign();
    c.stabilize();
    const rejections = c.delivered.filter((m) => m.type === "append-response" && m.from === 3 && m.reject);
    expect(rejections.length).toBeLessThanOrEqual(2);
    expect([2, 3, 4, 5, 6].map((i) => c.node(3).log.maybeTerm(i))).toEqual([3, 3, 5, 5, 5]);
  });

  it("a follower that is merely behind is caught up without probing back entry by entry", () => {
    const c = new TestCluster([1, 2, 3], {
      storage: (id) => preparedStorage(Array<number>(id === 3 ? 5 : 40).fill(1), { term: 1, commit: 5 }),
    });
    c.node(1).campaign();
    c.stabilize();
    const rejections = c.delivered.filter((m) => m.type === "append-response" && m.from === 3 && m.reject);
    expect(rejections).toHaveLength(1);
    expect(c.node(3).log.lastIndex()).toBe(41);
  });
});

describe("flow control", () => {
  it("keeps at most maxInflightAppends appends outstanding to a follower that does not answer", () => {
    const c = new TestCluster([1, 2, 3], { limits: { maxInflightAppends: 3 } });
    c.elect(1);
    c.cut(3, 1); // node 3 receives but its answers are lost
    const before = appendsTo(c, 3).length;
    for (let i = 0; i < 20; i++) {
      c.propose(1, `v${i}`);
      c.deliver();
    }
    c.stabilize();
    expect(appendsTo(c, 3).length - before).toBe(3);
    expect(c.node(1).status().voters?.find((v) => v.id === 3)?.flow).toBe("replicate");
    // Once it answers again, it catches up.
    c.heal();
    for (let i = 0; i < 5; i++) {
      c.tick(1);
      c.stabilize();
    }
    expect(c.appliedTexts(3)).toHaveLength(20);
  });

  it("probes one append at a time until the follower's position is known", () => {
    const c = new TestCluster([1, 2, 3], { storage: (id) => preparedStorage(id === 3 ? [] : [1, 1], { term: 1 }) });
    c.cut(3, 1);
    c.node(1).campaign();
    c.stabilize();
    for (let i = 0; i < 5; i++) c.propose(1, `v${i}`);
    c.stabilize();
    expect(appendsTo(c, 3)).toHaveLength(1);
  });

  it("bounds the entry bytes of one append by maxAppendBytes (at least one entry)", () => {
    const maxAppendBytes = 100;
    const c = new TestCluster([1, 2, 3], { limits: { maxAppendBytes } });
    c.elect(1);
    c.isolate(3);
    for (let i = 0; i < 10; i++) c.propose(1, "x".repeat(30));
    c.propose(1, "y".repeat(300));
    c.stabilize();
    c.heal();
    for (let i = 0; i < 10; i++) {
      c.tick(1);
      c.stabilize();
    }
    const appends = appendsTo(c, 3);
    expect(appends.length).toBeGreaterThan(3);
    for (const m of appends) {
      const bytes = m.entries.reduce((sum, e) => sum + entrySizeBytes(e), 0);
      expect(bytes <= maxAppendBytes || m.entries.length === 1).toBe(true);
    }
    expect(c.appliedTexts(3)).toHaveLength(11);
  });

  it("refuses proposals beyond maxUncommittedBytes until commits catch up", () => {
    const c = new TestCluster([1, 2, 3], { limits: { maxUncommittedBytes: 200 } });
    c.elect(1);
    c.isolate(1);
    // Each entry counts 16 + 40 bytes: three fit in 200.
    const results = Array.from({ length: 10 }, (_, i) => c.propose(1, `${i}`.padEnd(40)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results[9]).toMatchObject({ ok: false, reason: "uncommitted-limit" });
    c.heal();
    c.stabilize();
    expect(c.propose(1, "later").ok).toBe(true);
  });
});
