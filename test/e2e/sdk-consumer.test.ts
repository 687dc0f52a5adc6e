/**
 * Consumer groups on a real cluster: members join and leave under load and every record is
 * consumed, with no partition handed to a member before its previous owner released it; a
 * replaced member's commits are fenced; committed offsets survive the coordinator's broker being
 * killed.
 */
import { LogLevel, Tributary, type Consumer } from "@tributary/client";
import { errorFromWire, unaryCall } from "@tributary/client/internal/wire";
import { afterEach, describe, expect, it } from "vitest";
import { TestCluster } from "./harness/cluster.js";
import { waitFor } from "./harness/wait.js";

let cluster: TestCluster | undefined;
const consumers: Consumer[] = [];
afterEach(async () => {
  for (const consumer of consumers.splice(0)) await consumer.disconnect().catch(() => undefined);
  await cluster?.stop();
  cluster = undefined;
});

function clientFor(c: TestCluster): Tributary {
  return new Tributary({ brokers: c.brokers.map((broker) => broker.address), clientId: "e2e-consumer", logLevel: LogLevel.NOTHING });
}

async function produce(client: Tributary, topic: string, values: readonly string[]): Promise<void> {
  const producer = client.producer({ lingerMs: 2 });
  await producer.connect();
  await Promise.all(values.map((value, index) => producer.send({ topic, messages: [{ key: `k${index}`, value }] })));
  await producer.disconnect();
}

describe("consumer groups on a real cluster", () => {
  it("rebalances as members join and leave under load, consuming everything and never owning a partition twice", async () => {
    cluster = await TestCluster.start({ brokers: 3, brokerProperties: { "group.consumer.heartbeat.interval.ms": "300" } });
    const client = clientFor(cluster);
    const admin = client.admin();
    await admin.createTopics({ topics: [{ topic: "events", numPartitions: 6, replicationFactor: 3 }] });
    await admin.disconnect();

    const owner = new Map<string, string>();
    // A member that is leaving releases everything in its leave heartbeat, which no event marks;
    // its partitions may go to others from then on (the processing check still covers it).
    const leaving = new Set<string>();
    const violations: string[] = [];
    const consumed = new Map<string, number>();
    const processing = new Map<number, string>();
    const start = async (name: string) => {
      const consumer = client.consumer({ groupId: "g-events", fromBeginning: true, heartbeatIntervalMs: 500, autoCommitIntervalMs: 500 });
      consumers.push(consumer);
      consumer.on("consumer.group_join", ({ payload }) => {
        for (const { topic, partitions } of payload.revoked) for (const p of partitions) if (owner.get(`${topic}-${p}`) === name) owner.delete(`${topic}-${p}`);
        for (const { topic, partitions } of payload.assigned) {
          for (const p of partitions) {
            const previous = owner.get(`${topic}-${p}`);
            if (previous !== undefined && previous !== name && !leaving.has(previous)) violations.push(`${topic}-${p} given to ${name} while ${previous} owned it`);
            owner.set(`${topic}-${p}`, name);
          }
        }
      });
      await consumer.subscribe({ topics: ["events"], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          const other = processing.get(partition);
          if (other !== undefined && other !== name) violations.push(`partition ${partition} processed by ${name} and ${other} at once`);
          processing.set(partition, name);
          const value = message.value?.toString() ?? "";
          consumed.set(value, (consumed.get(value) ?? 0) + 1);
          await new Promise((resolve) => setImmediate(resolve));
          processing.delete(partition);
        },
      });
      return consumer;
    };

    const values = Array.from({ length: 3_000 }, (_, i) => `e-${i}`);
    const a = await start("a");
    await produce(client, "events", values.slice(0, 1_000));
    const owns = (name: string) => () => ([...owner.values()].includes(name) ? true : undefined);
    await waitFor("a to own partitions", owns("a"), 30_000, 50);
    await start("b");
    // b gets partitions only as a releases them: a hand-over between two live members.
    await waitFor("b to own partitions", owns("b"), 30_000, 50);
    await produce(client, "events", values.slice(1_000, 2_000));
    await start("c");
    await waitFor("c to own partitions", owns("c"), 30_000, 50);
    leaving.add("a");
    await a.disconnect();
    await produce(client, "events", values.slice(2_000));
    await waitFor("every record to be consumed", () => (values.every((value) => consumed.has(value)) ? true : undefined), 90_000, 100);
    expect(violations.join("\n")).toBe("");
  });

  it("fences the commits of a replaced static member and keeps committed offsets across a coordinator kill", async () => {
    cluster = await TestCluster.start({ brokers: 3 });
    const client = clientFor(cluster);
    const admin = client.admin();
    await admin.createTopics({ topics: [{ topic: "ledger", numPartitions: 1, replicationFactor: 3 }] });
    await produce(client, "ledger", Array.from({ length: 10 }, (_, i) => `l-${i}`));

    const broker = cluster.anyBroker();
    const found = await waitFor("the coordinator", async () => {
      const response = await unaryCall(broker.client, "FindCoordinator", { key: "g-ledger" }, 5_000);
      return errorFromWire(response.error) === null ? response : undefined;
    });
    const coordinator = cluster.broker(found.nodeId);
    const heartbeat = (memberId: string, memberEpoch: number) =>
      unaryCall(coordinator.client, "ConsumerGroupHeartbeat", { groupId: "g-ledger", memberId, memberEpoch, instanceId: "static-1", rebalanceTimeoutMs: 10_000, subscribedTopicNames: ["ledger"], ownedPartitionsPresent: true }, 5_000);
    // The coordinator may still be loading its offsets partition (COORDINATOR_LOAD_IN_PROGRESS).
    const first = await waitFor("a join", async () => {
      const response = await heartbeat("", 0);
      return errorFromWire(response.error) === null ? response : undefined;
    });
    const commit = (memberId: string, memberEpoch: number, offset: string) =>
      unaryCall(coordinator.client, "OffsetCommit", { groupId: "g-ledger", memberId, memberEpoch, topics: [{ name: "ledger", partitions: [{ partition: 0, committedOffset: offset, committedLeaderEpoch: -1 }] }] }, 5_000);
    const ok = await commit(first.memberId, first.memberEpoch, "4");
    expect(errorFromWire(ok.topics[0]?.partitions[0]?.error ?? ok.error)).toBeNull();

    // The static member leaves for a restart (-2) and a new incarnation takes its place.
    await heartbeat(first.memberId, -2);
    const second = await waitFor("the replacement's join", async () => {
      const response = await heartbeat("", 0);
      return errorFromWire(response.error) === null ? response : undefined;
    });
    expect(second.memberId).not.toBe(first.memberId);
    const stale = await commit(first.memberId, first.memberEpoch, "9").then(
      (response) => errorFromWire(response.topics[0]?.partitions[0]?.error ?? response.error)?.code,
      (error: { code?: string }) => error.code,
    );
    expect(["UNKNOWN_MEMBER_ID", "FENCED_MEMBER_EPOCH", "FENCED_INSTANCE_ID"]).toContain(stale);

    // The coordinator's broker dies; the offset committed through it is still the group's.
    await coordinator.process.kill9();
    const offsets = await waitFor("the group's offsets from the new coordinator", async () => {
      const fetched = await admin.fetchOffsets({ groupId: "g-ledger", topics: ["ledger"] }).catch(() => undefined);
      return fetched?.[0]?.partitions[0];
    }, 60_000, 200);
    expect(offsets.offset).toBe(4n);
    await admin.disconnect();
  });
});
