/**
 * Brokers on a real process cluster: produce with acks=all to an RF=3 partition and read it back;
 * SIGKILL the leader and find every acknowledged record on the new leader exactly once, in order,
 * with contiguous offsets.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TestCluster } from "./harness/cluster.js";
import { createTopic, produceValuesToLeader, readAll } from "./harness/records.js";

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

describe("broker replication (3 controllers, 3 brokers)", () => {
  it("keeps every acknowledged record across a leader SIGKILL", async () => {
    cluster = await TestCluster.start({ brokers: 3 });
    await createTopic(cluster, "orders", 1, 3, { "min.insync.replicas": "2" });
    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i++) {
      const values = [`a-${i}-0`, `a-${i}-1`];
      expect(await produceValuesToLeader(cluster, "orders", 0, values)).toBe(BigInt(i * 2));
      acknowledged.push(...values);
    }
    const leader = await cluster.partitionLeader("orders", 0);
    expect((await readAll(leader, "orders", 0)).map((record) => record.value)).toEqual(acknowledged);

    await leader.process.kill9();
    const next = await cluster.partitionLeader("orders", 0);
    expect(next.nodeId).not.toBe(leader.nodeId);
    for (let i = 0; i < 5; i++) {
      const values = [`b-${i}`];
      await produceValuesToLeader(cluster, "orders", 0, values);
      acknowledged.push(...values);
    }
    const records = await readAll(await cluster.partitionLeader("orders", 0), "orders", 0);
    expect(records.map((record) => record.value)).toEqual(acknowledged);
    expect(records.map((record) => record.offset)).toEqual(acknowledged.map((_, index) => BigInt(index)));
  });
});
