/**
 * The Controller gRPC service on a real single-voter controller node: every kind of bad input gets
 * its specific error, nothing is written, and the controller keeps serving afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { credentials } from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, loadProtos, unaryCall } from "@tributary/client/internal/wire";
import type { ControllerClient } from "@tributary/client/internal/generated/tributary/v1/Controller";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controllerConfigFromProperties } from "../config/controller-config.js";
import { formatDirectory } from "../storage/meta-properties.js";
import { ControllerNode } from "./controller-node.js";

let dir: string;
let node: ControllerNode;
let client: ControllerClient;
let brokerEpoch: string;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tributary-controller-service-"));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const config = controllerConfigFromProperties(
    new Map(
      Object.entries({
        "node.id": "1",
        "controller.quorum.voters": `1@127.0.0.1:${port}`,
        listeners: `CONTROLLER://127.0.0.1:${port}`,
        "metadata.log.dir": join(dir, "c1"),
        "default.replication.factor": "1",
      }),
    ),
  );
  await formatDirectory(config.dataDir, { clusterId: "svc-test", nodeId: 1 });
  node = await ControllerNode.start({ config, logger: quiet, onFatal: (error) => { throw error; } });
  const { proto } = loadProtos();
  client = new proto.tributary.v1.Controller(`127.0.0.1:${port}`, credentials.createInsecure(), CHANNEL_OPTIONS);
  await node.controller.whenActive();
  brokerEpoch = (await unaryCall(client, "RegisterBroker", { clusterId: "svc-test", brokerId: 7, incarnationId: "a", endpoints: [{ listener: "PLAINTEXT", host: "h", port: 1 }] }, 5_000)).brokerEpoch;
  await unaryCall(client, "BrokerHeartbeat", { brokerId: 7, brokerEpoch, currentMetadataOffset: "1000" }, 5_000);
});

afterAll(async () => {
  client.close();
  await node.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe("the controller service refuses bad input with specific errors", () => {
  it("for brokers: another cluster, unknown broker, stale epoch", async () => {
    expect(await errorOf(unaryCall(client, "RegisterBroker", { clusterId: "other", brokerId: 8, incarnationId: "b", endpoints: [{ listener: "P", host: "h", port: 1 }] }, 5_000))).toBe("INCONSISTENT_CLUSTER_ID");
    expect(await errorOf(unaryCall(client, "BrokerHeartbeat", { brokerId: 99, brokerEpoch: "1", currentMetadataOffset: "0" }, 5_000))).toBe("BROKER_ID_NOT_REGISTERED");
    expect(await errorOf(unaryCall(client, "BrokerHeartbeat", { brokerId: 7, brokerEpoch: String(Number(brokerEpoch) - 1), currentMetadataOffset: "0" }, 5_000))).toBe("STALE_BROKER_EPOCH");
    expect(await errorOf(unaryCall(client, "AllocateProducerIds", { brokerId: 7, brokerEpoch: "999999" }, 5_000))).toBe("STALE_BROKER_EPOCH");
    expect(await errorOf(unaryCall(client, "BrokerHeartbeat", { brokerId: 7, brokerEpoch: "99999999999999999999", currentMetadataOffset: "0" }, 5_000))).toBe("INVALID_REQUEST");
  });

  it("for topics: names, replication factors, partition counts, configs", async () => {
    const create = async (topic: Record<string, unknown>) => {
      const response = await unaryCall(client, "CreateTopics", { topics: [{ numPartitions: 1, replicationFactor: 1, ...topic }] }, 5_000);
      return response.topics[0]?.error?.name;
    };
    expect(await create({ name: "bad name!" })).toBe("INVALID_TOPIC_EXCEPTION");
    expect(await create({ name: ".." })).toBe("INVALID_TOPIC_EXCEPTION");
    expect(await create({ name: "x".repeat(250) })).toBe("INVALID_TOPIC_EXCEPTION");
    expect(await create({ name: "too-many-replicas", replicationFactor: 3 })).toBe("INVALID_REPLICATION_FACTOR");
    expect(await create({ name: "no-partitions", numPartitions: -5 })).toBe("INVALID_PARTITIONS");
    expect(await create({ name: "huge", numPartitions: 1_000_000 })).toBe("INVALID_PARTITIONS");
    expect(await create({ name: "unknown-config", configs: [{ name: "retention.msec", value: "1" }] })).toBe("INVALID_CONFIG");
    expect(await create({ name: "bad-config", configs: [{ name: "retention.ms", value: "soon" }] })).toBe("INVALID_CONFIG");
    expect(await create({ name: "good" })).toBe("NONE");
    expect(await create({ name: "good" })).toBe("TOPIC_ALREADY_EXISTS");
    const deleted = await unaryCall(client, "DeleteTopics", { names: ["missing"] }, 5_000);
    expect(deleted.topics[0]?.error?.name).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    const shrunk = await unaryCall(client, "CreatePartitions", { topics: [{ name: "good", count: 1 }] }, 5_000);
    expect(shrunk.topics[0]?.error?.name).toBe("INVALID_PARTITIONS");
  });

  it("for ISR changes: stale epochs and unknown partitions", async () => {
    const topicId = node.controller.image.topics.topicByName("good")!.topicId;
    const alter = async (fields: Record<string, unknown>, topic = topicId) => {
      const response = await unaryCall(client, "AlterPartition", {
        brokerId: 7,
        brokerEpoch,
        topics: [{ topicId: topic, partitions: [{ partition: 0, leaderEpoch: 0, partitionEpoch: 0, newIsr: [{ brokerId: 7, brokerEpoch }], ...fields }] }],
      }, 5_000);
      return response.topics[0]?.partitions[0]?.error?.name;
    };
    expect(await alter({}, "no-such-topic")).toBe("UNKNOWN_TOPIC_ID");
    expect(await alter({ partition: 9 })).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(await alter({ leaderEpoch: -1 })).toBe("FENCED_LEADER_EPOCH");
    expect(await alter({ newIsr: [{ brokerId: 7, brokerEpoch: "1" }] })).toBe("REPLICA_NOT_AVAILABLE");
    expect(await errorOf(unaryCall(client, "AlterPartition", {
      brokerId: 7,
      brokerEpoch,
      topics: [{ topicId, partitions: [{ partition: 0 }, { partition: 0 }] }],
    }, 5_000))).toBe("INVALID_REQUEST");
  });

  it("and keeps serving afterwards", async () => {
    const response = await unaryCall(client, "CreateTopics", { topics: [{ name: "still-works", numPartitions: 2, replicationFactor: 1 }] }, 5_000);
    expect(response.topics[0]?.error?.name).toBe("NONE");
    const cluster = await unaryCall(client, "DescribeCluster", {}, 5_000);
    expect(cluster.brokers.map((broker) => broker.brokerId)).toEqual([7]);
    const quorum = await unaryCall(client, "DescribeQuorum", {}, 5_000);
    expect(quorum.leaderId).toBe(1);
  });
});
