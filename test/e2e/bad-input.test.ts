/**
 * Malformed and hostile requests to a broker and to the controllers, over gRPC: each gets a
 * specific error, every process stays up, and no stored record changes. (Values the protobuf
 * encoding itself cannot carry, such as a non-numeric int64, never reach a server.) docs/reliability.md lists
 * what is injected here and what held.
 */
import { encodeRecordBatch } from "@tributary/client";
import { errorFromWire, unaryCall } from "@tributary/client/internal/wire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestCluster, type BrokerHandle } from "./harness/cluster.js";
import { createTopic, produceValuesToLeader, readAll } from "./harness/records.js";

let cluster: TestCluster;
let broker: BrokerHandle;
let before: { offset: bigint; value: string }[];

beforeAll(async () => {
  cluster = await TestCluster.start({ controllers: 1, brokers: 1, controllerProperties: { "default.replication.factor": "1" } });
  await createTopic(cluster, "precious", 1, 1);
  for (let i = 0; i < 5; i++) await produceValuesToLeader(cluster, "precious", 0, [`record-${i}`]);
  broker = cluster.broker(101);
  before = await readAll(broker, "precious", 0);
}, 120_000);

afterAll(async () => {
  expect(broker.process.running).toBe(true);
  for (const controller of cluster.controllers) expect(controller.process.running).toBe(true);
  expect(await readAll(broker, "precious", 0)).toEqual(before);
  await cluster.stop();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "NONE";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

async function produceError(records: Uint8Array, fields: { topic?: string; partition?: number; acks?: number } = {}): Promise<string> {
  const response = await unaryCall(
    broker.client,
    "Produce",
    { acks: fields.acks ?? -1, timeoutMs: 5_000, topics: [{ name: fields.topic ?? "precious", partitions: [{ partition: fields.partition ?? 0, records }] }] },
    10_000,
  );
  return errorFromWire(response.topics[0]?.partitions[0]?.error)?.code ?? "NONE";
}

function fetchPartition(fields: Record<string, unknown>) {
  return { partition: 0, fetchOffset: "0", partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, lastFetchedEpoch: -1, logStartOffset: "-1", durableEndOffset: "-1", ...fields };
}

async function fetchError(partition: Record<string, unknown>, request: Record<string, unknown> = {}): Promise<string> {
  const response = await unaryCall(broker.client, "Fetch", { replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, topics: [{ name: "precious", partitions: [fetchPartition(partition)] }], ...request }, 10_000);
  return errorFromWire(response.topics[0]?.partitions[0]?.error)?.code ?? "NONE";
}

describe("bad input to a broker", () => {
  it("refuses corrupt, oversized and empty record batches", async () => {
    const good = await encodeRecordBatch({ records: [{ value: Buffer.from("x") }] });
    const badCrc = Buffer.from(good);
    badCrc[badCrc.length - 1]! ^= 0xff;
    expect(await produceError(badCrc)).toBe("CORRUPT_MESSAGE");
    const badMagic = Buffer.from(good);
    badMagic[16] = 1;
    expect(await produceError(badMagic)).toBe("CORRUPT_MESSAGE");
    expect(await produceError(good.subarray(0, good.length - 3))).toBe("CORRUPT_MESSAGE");
    expect(await produceError(Buffer.from("definitely not a record batch, but long enough to hold a header"))).toBe("CORRUPT_MESSAGE");
    const lyingLength = Buffer.from(good);
    lyingLength.writeInt32BE(0x7fffffff, 8);
    expect(await produceError(lyingLength)).toBe("CORRUPT_MESSAGE");
    expect(await produceError(new Uint8Array(0))).toBe("INVALID_RECORD");
    const huge = await encodeRecordBatch({ records: [{ value: Buffer.alloc(2 * 1024 * 1024, 7) }] });
    expect(await produceError(huge)).toBe("MESSAGE_TOO_LARGE");
  });

  it("refuses unknown topics and partitions and bad acks", async () => {
    const good = await encodeRecordBatch({ records: [{ value: Buffer.from("x") }] });
    expect(await produceError(good, { topic: "no-such-topic" })).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(await produceError(good, { partition: 7 })).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(await produceError(good, { partition: -1 })).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(await codeOf(produceError(good, { acks: 5 }))).toBe("INVALID_REQUIRED_ACKS");
  });

  it("refuses fetches at bad offsets and sizes, and from strangers, and caps a billion-byte fetch", async () => {
    expect(await fetchError({ fetchOffset: "-5" })).toBe("INVALID_REQUEST");
    expect(await fetchError({ fetchOffset: "9223372036854775807" })).toBe("OFFSET_OUT_OF_RANGE");
    expect(await fetchError({ fetchOffset: "1000000" })).toBe("OFFSET_OUT_OF_RANGE");
    expect(await fetchError({ partitionMaxBytes: -1 })).toBe("INVALID_FETCH_SIZE");
    expect(await fetchError({ currentLeaderEpoch: 99 })).toBe("UNKNOWN_LEADER_EPOCH");
    expect(await codeOf(fetchError({}, { maxBytes: -1 }))).toBe("INVALID_FETCH_SIZE");
    expect(await codeOf(fetchError({}, { replicaId: 999, replicaEpoch: "1" }))).toBe("BROKER_ID_NOT_REGISTERED");
    expect(await codeOf(fetchError({}, { replicaId: 101, replicaEpoch: "1" }))).toBe("STALE_BROKER_EPOCH");
    const response = await unaryCall(broker.client, "Fetch", { replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1_000_000_000, topics: [{ name: "precious", partitions: [fetchPartition({ partitionMaxBytes: 1_000_000_000 })] }] }, 10_000);
    expect(errorFromWire(response.topics[0]?.partitions[0]?.error)).toBeNull();
  });

  it("refuses bad offsets in ListOffsets and DeleteRecords", async () => {
    const listed = await unaryCall(broker.client, "ListOffsets", { replicaId: -1, topics: [{ name: "precious", partitions: [{ partition: 0, timestamp: "-7" }] }] }, 5_000);
    expect(errorFromWire(listed.topics[0]?.partitions[0]?.error)?.code).toBe("INVALID_REQUEST");
    const deleted = await unaryCall(broker.client, "DeleteRecords", { topics: [{ name: "precious", partitions: [{ partition: 0, offset: "1000" }] }] }, 5_000);
    expect(errorFromWire(deleted.topics[0]?.partitions[0]?.error)?.code).toBe("OFFSET_OUT_OF_RANGE");
  });

  it("refuses invalid topic administration", async () => {
    const created = await unaryCall(broker.client, "CreateTopics", { topics: [{ name: "bad/name", numPartitions: 1, replicationFactor: 1 }, { name: "too-wide", numPartitions: 1, replicationFactor: 5 }] }, 10_000);
    expect(created.topics.map((topic) => errorFromWire(topic.error)?.code)).toEqual(["INVALID_TOPIC_EXCEPTION", "INVALID_REPLICATION_FACTOR"]);
  });
});

describe("bad input to the controllers", () => {
  it("refuses foreign clusters, stale epochs and garbled Raft traffic", async () => {
    const controller = cluster.controllers[0]!;
    expect(await codeOf(unaryCall(controller.client, "RegisterBroker", { clusterId: "someone-else", brokerId: 5, incarnationId: "x", endpoints: [{ listener: "P", host: "h", port: 1 }] }, 5_000))).toBe("INCONSISTENT_CLUSTER_ID");
    expect(await codeOf(unaryCall(controller.client, "BrokerHeartbeat", { brokerId: 101, brokerEpoch: "0", currentMetadataOffset: "0" }, 5_000))).toBe("STALE_BROKER_EPOCH");
    expect(await codeOf(unaryCall(controller.client, "AlterPartition", { brokerId: 101, brokerEpoch: "0", topics: [] }, 5_000))).toMatch(/NONE|STALE_BROKER_EPOCH/);
    const { loadProtos, CHANNEL_OPTIONS } = await import("@tributary/client/internal/wire");
    const { credentials } = await import("@grpc/grpc-js");
    const raft = new (loadProtos().proto.tributary.v1.Raft)(controller.address, credentials.createInsecure(), CHANNEL_OPTIONS);
    try {
      const foreign = await unaryCall(raft, "Deliver", { clusterId: "someone-else", fromNodeId: 9, toNodeId: 1, messages: [] }, 5_000);
      expect(errorFromWire(foreign.error)?.code).toBe("INCONSISTENT_CLUSTER_ID");
      const garbled = await unaryCall(
        raft,
        "Deliver",
        { clusterId: cluster.clusterId, fromNodeId: 9, toNodeId: 1, messages: [{ type: "RAFT_MESSAGE_TYPE_APPEND", from: 9, to: 1, term: "999999999", logIndex: "-4" }, { type: "RAFT_MESSAGE_TYPE_UNSPECIFIED" }] },
        5_000,
      );
      expect(errorFromWire(garbled.error)).toBeNull();
    } finally {
      raft.close();
    }
    // The quorum still commits.
    const topics = await unaryCall(controller.client, "CreateTopics", { topics: [{ name: "after-garbage", numPartitions: 1, replicationFactor: 1 }] }, 10_000);
    expect(errorFromWire(topics.topics[0]?.error)).toBeNull();
  });
});
