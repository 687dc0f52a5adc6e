/**
 * Goal: topic creation, deletion and growth write the records Kafka would, and refuse each bad
 * request with the error from the shared table, per topic.
 * Method: a MetadataHarness with a few unfenced brokers; each test runs manager calls and checks
 * responses, records and the resulting image.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { MetadataHarness } from "./testing/metadata-harness.js";
import type { CreateTopicRequest, CreateTopicResult } from "./topic-control.js";

let harness: MetadataHarness;

beforeEach(() => {
  harness = new MetadataHarness({ options: { topicPartitionsMax: 100, defaultNumPartitions: 2, defaultReplicationFactor: 2 } });
  for (const id of [1, 2, 3]) harness.startBroker(id);
});

function create(...requests: CreateTopicRequest[]): CreateTopicResult[] {
  return harness.run(harness.control.topics.createTopics(requests));
}

function errorOf(request: CreateTopicRequest): string | undefined {
  const [result] = create(request);
  return result?.error?.code;
}

describe("createTopics", () => {
  it("creates a topic: a TopicRecord, its configs, then its partitions with leaders spread over brokers", () => {
    const result = harness.control.topics.createTopics([{ name: "orders", numPartitions: 6, replicationFactor: 3, configs: { "retention.ms": "1000" } }]);
    expect(result.records.map((r) => r.type)).toEqual(["topic", "config", ...Array<string>(6).fill("partition")]);
    harness.run(result);
    expect(result.response[0]).toMatchObject({ name: "orders", error: null, topicId: "topic-1", numPartitions: 6, replicationFactor: 3 });
    const topic = harness.image.topics.topicByName("orders");
    expect(topic?.partitions).toHaveLength(6);
    for (const partition of topic?.partitions ?? []) {
      expect(partition.isr).toEqual(partition.replicas);
      expect(partition.leader).toBe(partition.replicas[0]);
      expect(partition).toMatchObject({ leaderEpoch: 0, partitionEpoch: 0 });
    }
    const leaders = (topic?.partitions ?? []).map((p) => p.leader).sort();
    expect(leaders).toEqual([1, 1, 2, 2, 3, 3]);
    expect(harness.image.configs.overrides("topic", "orders").get("retention.ms")).toBe("1000");
    const described = result.response[0]?.error === null ? result.response[0].configs : [];
    expect(described.find((c) => c.name === "retention.ms")).toEqual({ name: "retention.ms", value: "1000", source: "TOPIC" });
    expect(described.find((c) => c.name === "cleanup.policy")).toEqual({ name: "cleanup.policy", value: "delete", source: "DEFAULT" });
  });

  it("uses num.partitions and default.replication.factor when counts are absent or -1", () => {
    const [result] = create({ name: "a" }, { name: "b", numPartitions: -1, replicationFactor: -1 });
    expect(result).toMatchObject({ numPartitions: 2, replicationFactor: 2 });
    expect(harness.image.topics.topicByName("b")?.partitions).toHaveLength(2);
  });

  it.each([
    ["", "INVALID_TOPIC_EXCEPTION"],
    [".", "INVALID_TOPIC_EXCEPTION"],
    ["..", "INVALID_TOPIC_EXCEPTION"],
    ["a b", "INVALID_TOPIC_EXCEPTION"],
    ["x".repeat(250), "INVALID_TOPIC_EXCEPTION"],
  ])("refuses the name %j", (name, code) => {
    expect(errorOf({ name, numPartitions: 1, replicationFactor: 1 })).toBe(code);
  });

  it("accepts a 249-character name and names with dots, dashes and underscores", () => {
    expect(errorOf({ name: "x".repeat(249) })).toBeUndefined();
    expect(errorOf({ name: "a-b_c.d" })).toBeUndefined();
  });

  it("refuses an existing topic, one colliding on '.' vs '_', and a name given twice", () => {
    create({ name: "a.b" });
    expect(errorOf({ name: "a.b" })).toBe("TOPIC_ALREADY_EXISTS");
    expect(errorOf({ name: "a_b" })).toBe("INVALID_TOPIC_EXCEPTION");
    const [first, second] = create({ name: "x.y" }, { name: "x_y" });
    expect(first?.error).toBeNull();
    expect(second?.error?.code).toBe("INVALID_TOPIC_EXCEPTION");
    const twice = create({ name: "dup" }, { name: "dup" });
    expect(twice.map((r) => r.error?.code)).toEqual(["INVALID_REQUEST", "INVALID_REQUEST"]);
    expect(harness.image.topics.topicByName("dup")).toBeUndefined();
  });

  it("refuses replication factors below 1 or above the active brokers, and creates nothing without brokers", () => {
    expect(errorOf({ name: "t", replicationFactor: 4 })).toBe("INVALID_REPLICATION_FACTOR");
    expect(errorOf({ name: "t", replicationFactor: 0 })).toBe("INVALID_REPLICATION_FACTOR");
    harness.heartbeat(3, { wantFence: true });
    expect(errorOf({ name: "t", replicationFactor: 3 })).toBe("INVALID_REPLICATION_FACTOR");
    const empty = new MetadataHarness();
    expect(empty.run(empty.control.topics.createTopics([{ name: "t" }]))[0]?.error?.code).toBe("NOT_ENOUGH_LIVE_BROKERS");
  });

  it("refuses partition counts outside [1, topicPartitionsMax]", () => {
    expect(errorOf({ name: "t", numPartitions: 0 })).toBe("INVALID_PARTITIONS");
    expect(errorOf({ name: "t", numPartitions: 101 })).toBe("INVALID_PARTITIONS");
    expect(errorOf({ name: "t", numPartitions: 100, replicationFactor: 1 })).toBeUndefined();
  });

  it("refuses unknown configs, bad values, and min.insync.replicas above the replication factor", () => {
    expect(errorOf({ name: "t", configs: { "retention.msec": "1" } })).toBe("INVALID_CONFIG");
    expect(errorOf({ name: "t", configs: { "retention.ms": "soon" } })).toBe("INVALID_CONFIG");
    expect(errorOf({ name: "t", configs: { "cleanup.policy": "archive" } })).toBe("INVALID_CONFIG");
    expect(errorOf({ name: "t", configs: { "unclean.leader.election.enable": "yes" } })).toBe("INVALID_CONFIG");
    expect(errorOf({ name: "t", configs: { "segment.bytes": "13" } })).toBe("INVALID_CONFIG");
    expect(errorOf({ name: "t", replicationFactor: 2, configs: { "min.insync.replicas": "3" } })).toBe("INVALID_CONFIG");
    expect(errorOf({ name: "t", replicationFactor: 2, configs: { "min.insync.replicas": "2", "cleanup.policy": "compact,delete" } })).toBeUndefined();
  });

  it("with validateOnly checks everything and writes nothing", () => {
    const result = harness.control.topics.createTopics([{ name: "t", numPartitions: 3 }, { name: "." }], { validateOnly: true });
    expect(result.records).toEqual([]);
    expect(result.response[0]).toMatchObject({ error: null, topicId: null, numPartitions: 3 });
    expect(result.response[1]?.error?.code).toBe("INVALID_TOPIC_EXCEPTION");
  });

  it("creates the good topics of a request and reports the bad ones", () => {
    const results = create({ name: "good" }, { name: "bad", replicationFactor: 9 });
    expect(results.map((r) => r.error?.code ?? null)).toEqual([null, "INVALID_REPLICATION_FACTOR"]);
    expect(harness.image.topics.topicByName("good")).toBeDefined();
    expect(harness.image.topics.topicByName("bad")).toBeUndefined();
  });

  it("takes manual assignments, leaving fenced replicas out of the ISR", () => {
    harness.register(4);
    const [result] = create({ name: "m", assignments: [[4, 1], [2, 3]] });
    expect(result).toMatchObject({ error: null, numPartitions: 2, replicationFactor: 2 });
    expect(harness.image.topics.topicByName("m")?.partitions.map((p) => [p.replicas, p.isr, p.leader])).toEqual([
      [[4, 1], [1], 1],
      [[2, 3], [2, 3], 2],
    ]);
  });

  it("refuses manual assignments that are empty, repeat a broker, differ in size, name unknown brokers, or have no active broker", () => {
    harness.register(4);
    expect(errorOf({ name: "m", assignments: [[]] })).toBe("INVALID_REPLICA_ASSIGNMENT");
    expect(errorOf({ name: "m", assignments: [[1, 1]] })).toBe("INVALID_REPLICA_ASSIGNMENT");
    expect(errorOf({ name: "m", assignments: [[1, 2], [3]] })).toBe("INVALID_REPLICA_ASSIGNMENT");
    expect(errorOf({ name: "m", assignments: [[1, 9]] })).toBe("INVALID_REPLICA_ASSIGNMENT");
    expect(errorOf({ name: "m", assignments: [[4]] })).toBe("INVALID_REPLICA_ASSIGNMENT");
    expect(errorOf({ name: "m", assignments: [] })).toBe("INVALID_PARTITIONS");
    expect(errorOf({ name: "m", numPartitions: 1, assignments: [[1]] })).toBe("INVALID_REQUEST");
  });
});

describe("deleteTopics", () => {
  it("deletes topics by name, with their partitions", () => {
    harness.createTopic("a", 2, 2);
    const result = harness.control.topics.deleteTopics(["a"]);
    expect(result.records).toEqual([{ type: "remove-topic", topicId: "topic-1" }]);
    expect(harness.run(result)).toEqual([{ name: "a", error: null }]);
    expect(harness.image.topics.topicByName("a")).toBeUndefined();
    expect(harness.image.topics.partitionCount).toBe(0);
  });

  it("reports unknown topics and topics named twice", () => {
    harness.createTopic("a", 1, 1);
    const results = harness.run(harness.control.topics.deleteTopics(["nope", "a", "a"]));
    expect(results.map((r) => r.error?.code)).toEqual(["UNKNOWN_TOPIC_OR_PARTITION", "INVALID_REQUEST", "INVALID_REQUEST"]);
    expect(harness.image.topics.topicByName("a")).toBeDefined();
  });
});

describe("createPartitions", () => {
  it("grows a topic, keeping its replication factor", () => {
    const topicId = harness.createTopic("g", 2, 2);
    const result = harness.control.topics.createPartitions([{ name: "g", count: 5 }]);
    expect(harness.run(result)).toEqual([{ name: "g", error: null }]);
    const partitions = harness.image.topics.topicById(topicId)?.partitions ?? [];
    expect(partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3, 4]);
    expect(partitions.every((p) => p.replicas.length === 2 && p.leader === p.replicas[0])).toBe(true);
  });

  it("takes manual assignments for the new partitions only", () => {
    const topicId = harness.createTopic("g", 1, 2);
    expect(harness.run(harness.control.topics.createPartitions([{ name: "g", count: 2, assignments: [[3, 1]] }]))[0]?.error).toBeNull();
    expect(harness.image.topics.partition(topicId, 1)?.replicas).toEqual([3, 1]);
  });

  it("refuses shrinking or keeping the count, unknown topics, bad assignments, too many partitions", () => {
    harness.createTopic("g", 2, 2);
    const codes = harness
      .run(
        harness.control.topics.createPartitions([
          { name: "g", count: 2 },
          { name: "nope", count: 3 },
        ]),
      )
      .map((r) => r.error?.code);
    expect(codes).toEqual(["INVALID_PARTITIONS", "UNKNOWN_TOPIC_OR_PARTITION"]);
    const one = (count: number, assignments?: number[][]): string | undefined =>
      harness.run(harness.control.topics.createPartitions([{ name: "g", count, ...(assignments === undefined ? {} : { assignments }) }]))[0]?.error?.code;
    expect(one(1)).toBe("INVALID_PARTITIONS");
    expect(one(101)).toBe("INVALID_PARTITIONS");
    expect(one(4, [[1, 2]])).toBe("INVALID_REPLICA_ASSIGNMENT");
    expect(one(3, [[1]])).toBe("INVALID_REPLICA_ASSIGNMENT");
    expect(harness.image.topics.topicByName("g")?.partitions).toHaveLength(2);
  });

  it("with validateOnly writes nothing", () => {
    harness.createTopic("g", 1, 1);
    const result = harness.control.topics.createPartitions([{ name: "g", count: 3 }], { validateOnly: true });
    expect(result.records).toEqual([]);
    expect(result.response).toEqual([{ name: "g", error: null }]);
  });
});
