/**
 * Replication under faults, on real processes: a follower killed and written past catches up and
 * rejoins the ISR; divergent leader suffixes are truncated by epoch so replicas end identical
 * (KIP-101, KIP-279); min.insync.replicas refuses writes with one replica left and accepts them
 * again when a second returns; a paused leader is replaced and, resumed, cannot acknowledge the
 * write it took while deposed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TestCluster } from "./harness/cluster.js";
import { createTopic, partitionState, produceValues, produceValuesToLeader, readAll, waitForIsr } from "./harness/records.js";
import { replicaLogBytes } from "./harness/replica-files.js";
import { waitFor } from "./harness/wait.js";

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

const FAST = { controllerProperties: { "broker.session.timeout.ms": "3000" }, brokerProperties: { "replica.lag.time.max.ms": "3000", "broker.heartbeat.interval.ms": "300" } };

async function expectIdenticalReplicas(c: TestCluster, topic: string, brokers: readonly number[]): Promise<void> {
  await waitForIsr(c, topic, 0, brokers);
  const leader = await c.partitionLeader(topic, 0);
  const committed = await readAll(leader, topic, 0);
  await Promise.all(c.brokers.map((broker) => broker.process.kill9()));
  const logs = brokers.map((id) => replicaLogBytes(c.broker(id).logDir, topic, 0));
  for (const log of logs.slice(1)) expect(log.equals(logs[0]!)).toBe(true);
  expect(committed.length).toBeGreaterThan(0);
}

describe("replication under faults", () => {
  it("a follower killed and written past catches up and rejoins the ISR", async () => {
    cluster = await TestCluster.start({ brokers: 3, ...FAST });
    await createTopic(cluster, "catch-up", 1, 3, { "min.insync.replicas": "2" });
    await produceValuesToLeader(cluster, "catch-up", 0, ["before"]);
    const leader = await cluster.partitionLeader("catch-up", 0);
    const follower = cluster.brokers.find((broker) => broker.nodeId !== leader.nodeId)!;
    await follower.process.kill9();
    await waitForIsr(cluster, "catch-up", 0, cluster.brokers.filter((b) => b !== follower).map((b) => b.nodeId));
    for (let i = 0; i < 20; i++) await produceValuesToLeader(cluster, "catch-up", 0, [`while-down-${i}`]);
    follower.process.start();
    await waitForIsr(cluster, "catch-up", 0, [101, 102, 103]);
    await expectIdenticalReplicas(cluster, "catch-up", [101, 102, 103]);
  });

  it("truncates a deposed leader's unreplicated suffix by epoch, twice over, and ends with identical replicas", async () => {
    cluster = await TestCluster.start({ brokers: 3, ...FAST });
    await createTopic(cluster, "diverge", 1, 3, { "min.insync.replicas": "1" });
    const acknowledged: string[] = [];
    for (let round = 0; round < 2; round++) {
      await produceValuesToLeader(cluster, "diverge", 0, [`committed-${round}`]);
      acknowledged.push(`committed-${round}`);
      const leader = await cluster.partitionLeader("diverge", 0);
      const followers = cluster.brokers.filter((broker) => broker.nodeId !== leader.nodeId);
      // Only the leader gets these: its followers are frozen (briefly: the ISR must not shrink).
      for (const follower of followers) follower.process.pause();
      // A fetch already parked at the leader would still carry the next write to a frozen
      // follower's socket; let parked fetches (replica.fetch.wait.max.ms=200) run out first.
      // Nothing outside the processes announces this, so it is a bounded wait.
      await new Promise((resolve) => setTimeout(resolve, 600));
      await produceValues(leader, "diverge", 0, [`only-on-old-leader-${round}-a`, `only-on-old-leader-${round}-b`], { acks: 1 });
      await leader.process.kill9();
      for (const follower of followers) follower.process.resume();
      await waitFor("a new leader", async () => {
        const state = await partitionState(cluster!, "diverge", 0);
        return state.leader >= 0 && state.leader !== leader.nodeId ? true : undefined;
      });
      await produceValuesToLeader(cluster, "diverge", 0, [`new-leader-${round}`]);
      acknowledged.push(`new-leader-${round}`);
      leader.process.start();
      await waitForIsr(cluster, "diverge", 0, [101, 102, 103]);
    }
    const records = await readAll(await cluster.partitionLeader("diverge", 0), "diverge", 0);
    const values = records.map((record) => record.value);
    // acks=1 writes that reached no follower are gone; every acks=all write is there, once, in order.
    expect(values.filter((value) => !value.startsWith("only-on-old-leader"))).toEqual(acknowledged);
    expect(new Set(values).size).toBe(values.length);
    await expectIdenticalReplicas(cluster, "diverge", [101, 102, 103]);
  });

  it("min.insync.replicas=2 refuses acks=all writes with one replica left and accepts them when a second returns", async () => {
    cluster = await TestCluster.start({ brokers: 3, ...FAST });
    await createTopic(cluster, "min-isr", 1, 3, { "min.insync.replicas": "2" });
    await produceValuesToLeader(cluster, "min-isr", 0, ["first"]);
    const leader = await cluster.partitionLeader("min-isr", 0);
    const others = cluster.brokers.filter((broker) => broker.nodeId !== leader.nodeId);
    await Promise.all(others.map((broker) => broker.process.kill9()));
    await waitForIsr(cluster, "min-isr", 0, [leader.nodeId]);
    await expect(produceValues(leader, "min-isr", 0, ["refused"])).rejects.toMatchObject({ code: "NOT_ENOUGH_REPLICAS" });
    others[0]!.process.start();
    await waitForIsr(cluster, "min-isr", 0, [leader.nodeId, others[0]!.nodeId]);
    await produceValuesToLeader(cluster, "min-isr", 0, ["accepted"]);
    const records = await readAll(await cluster.partitionLeader("min-isr", 0), "min-isr", 0);
    expect(records.map((record) => record.value)).toEqual(["first", "accepted"]);
  });

  it("a paused leader is replaced and, resumed, rejoins as a follower without acknowledging a stale write", async () => {
    cluster = await TestCluster.start({ brokers: 3, ...FAST });
    await createTopic(cluster, "paused", 1, 3, { "min.insync.replicas": "2" });
    await produceValuesToLeader(cluster, "paused", 0, ["before-pause"]);
    const leader = await cluster.partitionLeader("paused", 0);
    leader.process.pause();
    await waitFor("a new leader", async () => {
      const state = await partitionState(cluster!, "paused", 0);
      return state.leader >= 0 && state.leader !== leader.nodeId ? true : undefined;
    });
    await produceValuesToLeader(cluster, "paused", 0, ["after-failover"]);
    // A write sent to the deposed leader waits in its socket while it is paused.
    const stale = produceValues(leader, "paused", 0, ["stale"], { timeoutMs: 8_000 });
    leader.process.resume();
    await expect(stale).rejects.toMatchObject({ code: expect.stringMatching(/NOT_LEADER_OR_FOLLOWER|REQUEST_TIMED_OUT|NOT_ENOUGH_REPLICAS_AFTER_APPEND/) });
    await waitForIsr(cluster, "paused", 0, [101, 102, 103]);
    const records = await readAll(await cluster.partitionLeader("paused", 0), "paused", 0);
    expect(records.map((record) => record.value)).toEqual(["before-pause", "after-failover"]);
    await expectIdenticalReplicas(cluster, "paused", [101, 102, 103]);
  });
});
