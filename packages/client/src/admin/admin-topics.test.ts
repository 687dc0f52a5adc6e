/**
 * Admin topic operations against gRPC fake brokers: request mapping, per-item results and
 * errors (only failed items are retried), waiting for leaders, and metadata in KafkaJS's shape.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryAggregateError } from "../cluster/aggregate-error.js";
import { TributaryError } from "../errors/tributary-error.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { testAdmin } from "../testing/test-admin.js";
import { NO_ERROR, errorToWire } from "../wire/wire-errors.js";
import type { Admin } from "./admin.js";

let fake: FakeCluster;
let admin: Admin;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
  admin = testAdmin(fake.addresses);
});

afterEach(async () => {
  await admin.disconnect();
  await fake.stop();
});

/** scriptCreateTopics makes every broker answer CreateTopics from `answer`, creating topics that succeed. */
function scriptCreateTopics(answer: (name: string) => TributaryError | null, leaderless = false): void {
  for (const broker of fake.brokers) {
    broker.handle("CreateTopics", (request) => ({
      error: NO_ERROR,
      topics: request.topics.map((topic) => {
        const error = answer(topic.name);
        const count = topic.numPartitions > 0 ? topic.numPartitions : Math.max(topic.assignments.length, 1);
        if (error === null && !request.validateOnly) {
          fake.createTopic(topic.name, count);
          if (leaderless) for (let partition = 0; partition < count; partition++) fake.partition(topic.name, partition).leader = -1;
        }
        return { name: topic.name, topicId: `id-${topic.name}`, error: errorToWire(error), numPartitions: count, replicationFactor: 1, configs: [] };
      }),
    }));
  }
}

const createRequests = () => fake.brokers.flatMap((broker) => broker.requestsOf("CreateTopics"));

describe("createTopics", () => {
  it("sends the topic specs and waits until every new partition has a leader", async () => {
    scriptCreateTopics(() => null, true);
    let metadataCalls = 0;
    for (const broker of fake.brokers) {
      // The partitions get their leader while the admin client polls metadata.
      broker.requestFault = (_broker, method) => {
        if (method === "Metadata" && ++metadataCalls === 3) for (let partition = 0; partition < 3; partition++) fake.partition("orders", partition).leader = 1;
        return undefined;
      };
    }
    const created = await admin.createTopics({
      topics: [{ topic: "orders", numPartitions: 3, replicationFactor: 2, configEntries: [{ name: "cleanup.policy", value: "compact" }] }],
      timeout: 2_000,
    });
    expect(created).toBe(true);
    expect(createRequests()[0]).toMatchObject({
      validateOnly: false,
      timeoutMs: 2_000,
      topics: [{ name: "orders", numPartitions: 3, replicationFactor: 2, assignments: [], configs: [{ name: "cleanup.policy", value: "compact" }] }],
    });
    expect((await admin.describeTopics(["orders"]))[0]?.partitions.every((partition) => partition.leader === 1)).toBe(true);
  });

  it("sends an explicit assignment with broker defaults for count and replication", async () => {
    scriptCreateTopics(() => null);
    await admin.createTopics({ topics: [{ topic: "placed", numPartitions: 9, replicaAssignment: [{ partition: 0, replicas: [2, 1] }] }], waitForLeaders: false });
    expect(createRequests()[0]?.topics[0]).toMatchObject({ numPartitions: -1, replicationFactor: -1, assignments: [{ partition: 0, brokerIds: [2, 1] }] });
  });

  it("answers false when a topic already exists, creating the others", async () => {
    fake.createTopic("old", 1);
    scriptCreateTopics((name) => (name === "old" ? new TributaryError("TOPIC_ALREADY_EXISTS") : null));
    expect(await admin.createTopics({ topics: [{ topic: "old" }, { topic: "new" }] })).toBe(false);
    expect(fake.topics.has("new")).toBe(true);
  });

  it("retries only the topics that failed with a retriable error", async () => {
    let refusals = 0;
    scriptCreateTopics((name) => (name === "b" && refusals++ === 0 ? new TributaryError("NOT_CONTROLLER", "election in progress") : null));
    await admin.createTopics({ topics: [{ topic: "a" }, { topic: "b" }], waitForLeaders: false });
    expect(createRequests().map((request) => request.topics.map((topic) => topic.name))).toEqual([["a", "b"], ["b"]]);
  });

  it("throws an aggregate naming each topic refused for good and what to do", async () => {
    scriptCreateTopics((name) => (name === "ok" ? null : new TributaryError("INVALID_REPLICATION_FACTOR", `replication factor 5 for ${name} exceeds 2 live brokers`)));
    const error = (await admin.createTopics({ topics: [{ topic: "ok" }, { topic: "x" }, { topic: "y" }] }).catch((caught: unknown) => caught)) as TributaryAggregateError;
    expect(error).toBeInstanceOf(TributaryAggregateError);
    expect(error.code).toBe("INVALID_REPLICATION_FACTOR");
    expect(error.failures.map((failure) => failure.item)).toEqual(["x", "y"]);
    expect(error.message).toMatch(/createTopics failed for 2 items: x: INVALID_REPLICATION_FACTOR \(replication factor 5 for x exceeds 2 live brokers\)/);
  });

  it("gives up waiting for leaders after the timeout with LEADER_NOT_AVAILABLE naming the partitions", async () => {
    scriptCreateTopics(() => null, true);
    const error = (await admin.createTopics({ topics: [{ topic: "stuck", numPartitions: 2 }], timeout: 100 }).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("LEADER_NOT_AVAILABLE");
    expect(error.message).toMatch(/stuck-0, stuck-1 had no leader within 100 ms/);
  });

  it("retries an RPC-level NOT_CONTROLLER", async () => {
    scriptCreateTopics(() => null);
    let failed = false;
    for (const broker of fake.brokers) {
      broker.requestFault = (_broker, method) => {
        if (method !== "CreateTopics" || failed) return undefined;
        failed = true;
        return { kind: "rpcError", error: new TributaryError("NOT_CONTROLLER", "no active controller", { leaderHint: { nodeId: 3 } }) };
      };
    }
    expect(await admin.createTopics({ topics: [{ topic: "later" }], waitForLeaders: false })).toBe(true);
    expect(createRequests()).toHaveLength(2);
  });
});

describe("deleteTopics and createPartitions", () => {
  it("does not retry deleting an unknown topic, and names it", async () => {
    for (const broker of fake.brokers) {
      broker.handle("DeleteTopics", (request) => ({
        error: NO_ERROR,
        topics: request.names.map((name) => ({ name, error: errorToWire(name === "ghost" ? new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", "no topic ghost") : null) })),
      }));
    }
    const error = (await admin.deleteTopics({ topics: ["real", "ghost"] }).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(error.message).toBe("no topic ghost");
    expect(fake.brokers.flatMap((broker) => broker.requestsOf("DeleteTopics"))).toHaveLength(1);
  });

  it("numbers explicit assignments from the current partition count", async () => {
    fake.createTopic("grow", 2);
    for (const broker of fake.brokers) {
      broker.handle("CreatePartitions", (request) => ({ error: NO_ERROR, topics: request.topics.map((topic) => ({ name: topic.name, error: NO_ERROR })) }));
    }
    await admin.createPartitions({ topicPartitions: [{ topic: "grow", count: 4, assignments: [[1], [2]] }] });
    const request = fake.brokers.flatMap((broker) => broker.requestsOf("CreatePartitions"))[0];
    expect(request?.topics[0]).toMatchObject({ name: "grow", count: 4, assignments: [{ partition: 2, brokerIds: [1] }, { partition: 3, brokerIds: [2] }] });
  });
});

describe("metadata", () => {
  it("lists topics without internal ones", async () => {
    fake.createTopic("b", 1);
    fake.createTopic("a", 1);
    fake.createTopic("__consumer_offsets", 1);
    expect(await admin.listTopics()).toEqual(["a", "b"]);
  });

  it("answers fetchTopicMetadata in KafkaJS's shape and describeTopics with health flags", async () => {
    fake.createTopic("t", 2);
    fake.partition("t", 1).leader = -1;
    fake.partition("t", 0).replicas = [1, 2];
    const metadata = await admin.fetchTopicMetadata({ topics: ["t"] });
    expect(metadata.topics[0]?.partitions[0]).toEqual({ partitionErrorCode: 0, partitionId: 0, leader: 1, leaderEpoch: 0, replicas: [1, 2], isr: [1], offlineReplicas: [] });
    const [described] = await admin.describeTopics(["t"]);
    expect(described?.partitions.map((partition) => [partition.leader, partition.offline, partition.underReplicated])).toEqual([
      [1, false, true],
      [null, true, false],
    ]);
  });

  it("names missing topics", async () => {
    const error = (await admin.describeTopics(["nope", "nada"]).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(error.message).toBe('topic "nope", "nada" does not exist');
  });
});
