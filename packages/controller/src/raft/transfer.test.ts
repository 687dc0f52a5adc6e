/**
 * Leadership transfer (thesis §3.10): a leader hands over to a caught-up voter with TimeoutNow, so a
 * clean shutdown costs one round trip instead of an election timeout. Method: a hand-driven
 * {@link TestCluster}; no node ticks unless the test says so, which proves no timeout was needed.
 */
import { describe, expect, it } from "vitest";
import { TestCluster } from "./sim/test-cluster.js";

describe("leadership transfer", () => {
  it("hands leadership to a caught-up follower without any tick", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.propose(1, "a");
    c.stabilize();
    const before = c.delivered.length;
    expect(c.node(1).transferLeadership(2)).toEqual({ ok: true, transferee: 2 });
    expect(c.propose(1, "during")).toEqual({ ok: false, reason: "transfer-in-progress", transferee: 2 });
    c.stabilize();
    expect(c.node(2).status()).toMatchObject({ role: "leader", term: 2 });
    expect(c.node(1).status()).toMatchObject({ role: "follower", term: 2, leader: 2 });
    const during = c.delivered.slice(before);
    expect(during.filter((m) => m.type === "timeout-now")).toHaveLength(1);
    expect(during.some((m) => m.type === "pre-vote")).toBe(false);
    c.propose(2, "b");
    c.stabilize();
    for (const id of [1, 2, 3]) expect(c.appliedTexts(id)).toEqual(["a", "b"]);
  });

  it("brings a lagging transferee up to date before sending TimeoutNow", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(3);
    for (let i = 0; i < 5; i++) c.propose(1, `v${i}`);
    c.stabilize();
    c.heal();
    c.node(1).transferLeadership(3);
    c.stabilize();
    expect(c.node(3).status()).toMatchObject({ role: "leader", term: 2 });
    expect(c.appliedTexts(3)).toEqual(["v0", "v1", "v2", "v3", "v4"]);
  });

  it("picks the most caught-up follower when none is named", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.isolate(2);
    c.propose(1, "a");
    c.stabilize();
    expect(c.node(1).transferLeadership()).toEqual({ ok: true, transferee: 3 });
  });

  it("is abandoned after an election timeout, and proposals are accepted again", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    c.cut(1, 2);
    c.node(1).transferLeadership(2);
    c.stabilize();
    expect(c.node(1).status().transferee).toBe(2);
    c.tick(1, 10);
    expect(c.node(1).status()).toMatchObject({ role: "leader", transferee: undefined });
    expect(c.propose(1, "a").ok).toBe(true);
  });

  it("refuses on a follower, to itself and to a non-voter", () => {
    const c = new TestCluster([1, 2, 3]);
    c.elect(1);
    expect(c.node(2).transferLeadership(3)).toEqual({ ok: false, reason: "not-leader", leader: 1 });
    expect(c.node(1).transferLeadership(1)).toMatchObject({ ok: false, reason: "invalid-transferee" });
    expect(c.node(1).transferLeadership(9)).toMatchObject({ ok: false, reason: "invalid-transferee" });
  });
});
