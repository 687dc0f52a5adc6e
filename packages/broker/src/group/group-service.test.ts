/**
 * Goal: the group calls on the wire — FindCoordinator asks the controller for `__consumer_offsets`
 * once (compacted, RF limited by live brokers, min.insync.replicas = min(2, RF), kept forever)
 * and answers COORDINATOR_NOT_AVAILABLE until its partition has a leader, then that leader's address
 * on the caller's listener; heartbeats are read with proto3's "absent means unchanged" rules; errors
 * travel in the response. Method: the handlers called directly over a real coordinator and a metadata
 * image built from records.
 */
import { describe, expect, it } from "vitest";
import type { CreateTopicsRequest } from "@tributary/client/internal/generated/tributary/v1/CreateTopicsRequest";
import { MetadataImage, type MetadataRecord } from "@tributary/controller/internal/metadata";
import { CoordinatorLocator } from "./coordinator-locator.js";
import { groupService } from "./group-service.js";
import { clientHostOf, heartbeatFromWire } from "./group-wire.js";
import { OFFSETS_TOPIC, offsetsPartitionFor } from "./offsets-topic.js";
import { openOffsetsReplica, startCoordinator } from "./testing/coordinator-harness.js";
import { topic } from "./testing/group-test-kit.js";
import { topicsViewFrom } from "./topics-view.js";

function imageOf(records: MetadataRecord[]): MetadataImage {
  const image = new MetadataImage();
  records.forEach((record, index) => image.replay(record, index + 1));
  return image;
}

const BROKERS: MetadataRecord[] = [1, 2].flatMap((brokerId): MetadataRecord[] => [
  {
    type: "register-broker",
    brokerId,
    incarnationId: `incarnation-${brokerId}`,
    endpoints: [
      { listener: "INTERNAL", host: `broker-${brokerId}`, port: 9092 },
      { listener: "EXTERNAL", host: "localhost", port: 19090 + brokerId },
    ],
    rack: null,
    brokerEpoch: null,
  },
  { type: "unfence-broker", brokerId, brokerEpoch: brokerId * 2 - 1 },
]);

function call<Request, Response>(handler: (call: never, callback: (error: unknown, response?: Response) => void) => void, request: Request): Promise<Response> {
  return new Promise((resolve, reject) => handler({ request, getPeer: () => "ipv4:10.1.2.3:50000" } as never, (error, response) => (error ? reject(error) : resolve(response!))));
}

async function serviceWith(image: () => MetadataImage, created: CreateTopicsRequest[]) {
  const rig = startCoordinator(1, await openOffsetsReplica(1), [topic("orders", 2)]);
  await rig.coordinator.idle();
  const locator = new CoordinatorLocator({
    image,
    // The controller never answers: a second lookup meanwhile must not send a second request.
    channel: { call: (_method: string, request: unknown) => (created.push(request as CreateTopicsRequest), new Promise(() => {})) } as never,
    offsetsTopicPartitions: 4,
    offsetsTopicReplicationFactor: 3,
  });
  const handlers = groupService({ brokerId: 1, coordinator: rig.coordinator, locator, clientListener: "EXTERNAL", topics: () => topicsViewFrom([topic("orders", 2)]), isServing: () => true, onBug: (error) => { throw error; } });
  return { rig, handlers };
}

describe("FindCoordinator", () => {
  it("asks the controller for the offsets topic, one request at a time, and answers COORDINATOR_NOT_AVAILABLE meanwhile", async () => {
    const created: CreateTopicsRequest[] = [];
    const image = imageOf(BROKERS);
    const { handlers } = await serviceWith(() => image, created);
    const first = await call<unknown, { error: { name: string } }>(handlers.FindCoordinator as never, { key: "payments", keyType: "COORDINATOR_KEY_TYPE_GROUP" });
    const second = await call<unknown, { error: { name: string } }>(handlers.FindCoordinator as never, { key: "payments", keyType: "COORDINATOR_KEY_TYPE_GROUP" });
    expect([first.error.name, second.error.name]).toEqual(["COORDINATOR_NOT_AVAILABLE", "COORDINATOR_NOT_AVAILABLE"]);
    expect(created).toHaveLength(1);
    const request = created[0]!.topics![0]!;
    expect(request).toMatchObject({ name: OFFSETS_TOPIC, numPartitions: 4, replicationFactor: 2 });
    expect(Object.fromEntries(request.configs!.map((entry) => [entry.name, entry.value]))).toMatchObject({ "cleanup.policy": "compact", "min.insync.replicas": "2", "retention.ms": "-1" });
  });

  it("answers the leader of the group's offsets partition on the caller's listener", async () => {
    const partitions = 4;
    const group = "payments";
    const index = offsetsPartitionFor(group, partitions);
    const image = imageOf([
      ...BROKERS,
      { type: "topic", name: OFFSETS_TOPIC, topicId: "offsets-id" },
      ...Array.from({ length: partitions }, (_, partition): MetadataRecord => ({ type: "partition", topicId: "offsets-id", partition, replicas: [1, 2], isr: [1, 2], leader: partition === index ? 2 : 1, leaderEpoch: 0, partitionEpoch: 0 })),
    ]);
    const { handlers } = await serviceWith(() => image, []);
    const found = await call<unknown, { error: { name: string }; nodeId: number; host: string; port: number }>(handlers.FindCoordinator as never, { key: group, keyType: "COORDINATOR_KEY_TYPE_GROUP" });
    expect(found).toMatchObject({ error: { name: "NONE" }, nodeId: 2, host: "localhost", port: 19092 });
    const transactional = await call<unknown, { error: { name: string } }>(handlers.FindCoordinator as never, { key: group, keyType: "COORDINATOR_KEY_TYPE_TRANSACTION" });
    expect(transactional.error.name).toBe("INVALID_REQUEST");
  });
});

describe("group calls on the wire", () => {
  it("joins through ConsumerGroupHeartbeat with topic names in the assignment and errors in the response", async () => {
    const { handlers } = await serviceWith(() => new MetadataImage(), []);
    const joined = await call<unknown, { error: { name: string }; memberId: string; memberEpoch: number; assignment: { partitions: { topic: string; partitions: number[] }[] } }>(
      handlers.ConsumerGroupHeartbeat as never,
      { groupId: "g", memberId: "", memberEpoch: 0, subscribedTopicNames: ["orders"], ownedPartitions: [], ownedPartitionsPresent: true, rebalanceTimeoutMs: 30_000, clientId: "app", sessionTimeoutMs: 0 },
    );
    expect(joined.error.name).toBe("NONE");
    expect(joined.assignment.partitions).toEqual([{ topicId: "id-orders", topic: "orders", partitions: [0, 1] }]);
    const fenced = await call<unknown, { error: { name: string } }>(handlers.ConsumerGroupHeartbeat as never, { groupId: "g", memberId: joined.memberId, memberEpoch: 9, subscribedTopicNames: [], ownedPartitions: [], ownedPartitionsPresent: false, rebalanceTimeoutMs: -1, clientId: "", sessionTimeoutMs: 0 });
    expect(fenced.error.name).toBe("FENCED_MEMBER_EPOCH");
    const commit = await call<unknown, { error: { name: string }; topics: { partitions: { error: { name: string } }[] }[] }>(handlers.OffsetCommit as never, {
      groupId: "g",
      memberId: joined.memberId,
      memberEpoch: 0,
      topics: [{ name: "orders", partitions: [{ partition: 0, committedOffset: "5", committedLeaderEpoch: 0 }] }],
    });
    expect([commit.error.name, commit.topics[0]!.partitions[0]!.error.name]).toEqual(["FENCED_MEMBER_EPOCH", "FENCED_MEMBER_EPOCH"]);
    const described = await call<unknown, { groups: { state: string; members: { clientHost: string }[] }[] }>(handlers.DescribeGroups as never, { groupIds: ["g", "nobody"] });
    expect(described.groups.map((group) => group.state)).toEqual(["Stable", "Dead"]);
    expect(described.groups[0]!.members[0]!.clientHost).toBe("/10.1.2.3");
  });

  it("reads absent heartbeat fields as unchanged", () => {
    const base = { groupId: "g", memberId: "m", memberEpoch: 4, rebalanceTimeoutMs: -1, subscribedTopicNames: [], ownedPartitions: [], ownedPartitionsPresent: false, clientId: "", sessionTimeoutMs: 0 };
    const quiet = heartbeatFromWire(base, "/h");
    expect([quiet.subscription, quiet.ownedPartitions, quiet.rebalanceTimeoutMs, quiet.sessionTimeoutMs, quiet.instanceId, quiet.serverAssignor]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    const join = heartbeatFromWire({ ...base, memberId: "", memberEpoch: 0 }, "/h");
    expect([join.subscription, join.ownedPartitions]).toEqual([{ topicNames: [], topicRegex: undefined }, []]);
    const regex = heartbeatFromWire({ ...base, subscribedTopicRegex: "orders-.*", instanceId: "", ownedPartitionsPresent: true }, "/h");
    expect([regex.subscription, regex.instanceId, regex.ownedPartitions]).toEqual([{ topicNames: [], topicRegex: "orders-.*" }, undefined, []]);
    expect(clientHostOf("ipv6:[::1]:5000")).toBe("/::1");
  });
});
