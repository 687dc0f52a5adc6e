/**
 * The SDK's producer and admin against a real cluster: topics created and described through the
 * admin client; an idempotent producer keeps sending while the partition leaders are killed, and
 * every acknowledged record is in the log exactly once, in the order sent per key.
 */
import { LogLevel, Tributary } from "@tributary/client";
import { afterEach, describe, expect, it } from "vitest";
import { TestCluster } from "./harness/cluster.js";
import { readAll } from "./harness/records.js";

let cluster: TestCluster | undefined;
let client: Tributary | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
  client = undefined;
});

describe("SDK producer and admin on a real cluster", () => {
  it("creates and describes topics, and produces idempotently across leader kills without duplicates", async () => {
    cluster = await TestCluster.start({ brokers: 3 });
    client = new Tributary({ brokers: cluster.brokers.map((broker) => broker.address), clientId: "e2e", logLevel: LogLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "payments", numPartitions: 3, replicationFactor: 3, configEntries: [{ name: "min.insync.replicas", value: "2" }] }] });
    const described = await admin.fetchTopicMetadata({ topics: ["payments"] });
    expect(described.topics[0]?.partitions).toHaveLength(3);
    for (const partition of described.topics[0]!.partitions) expect([...partition.isr].sort()).toEqual([101, 102, 103]);
    await admin.disconnect();

    const producer = client.producer({ idempotent: true, acks: -1, lingerMs: 5, deliveryTimeoutMs: 60_000 });
    await producer.connect();
    const acknowledged = new Set<string>();
    const sends: Promise<void>[] = [];
    let killed = 0;
    for (let i = 0; i < 600; i++) {
      const value = `v-${i}`;
      sends.push(
        producer.send({ topic: "payments", messages: [{ key: `k-${i % 3}`, value }] }).then(() => {
          acknowledged.add(value);
        }),
      );
      if (i % 200 === 100 && killed < 2) {
        killed++;
        const leader = await cluster.partitionLeader("payments", killed - 1);
        await leader.process.kill9();
        void leader.process.exited().then(() => leader.process.start());
      }
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(sends);
    await producer.disconnect();
    expect(acknowledged.size).toBe(600);

    const seen: string[] = [];
    for (let partition = 0; partition < 3; partition++) {
      const records = await readAll(await cluster.partitionLeader("payments", partition), "payments", partition);
      seen.push(...records.map((record) => record.value));
      // Per key (one partition each), values were sent in increasing order and must stay so.
      const numbers = records.map((record) => Number(record.value.slice(2)));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
  });
});
