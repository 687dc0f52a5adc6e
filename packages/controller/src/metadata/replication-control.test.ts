/**
 * Goal: AlterPartition accepts exactly the ISR changes KIP-497 allows, checks its fencing tokens in
 * Kafka's order, and answers with the committed state; preferred leaders come back automatically.
 * Method: a MetadataHarness with three brokers and one RF-3 topic; each rejection is provoked alone.
 */
import { TributaryError } from "@tributary/client/internal/errors";
import { beforeEach, describe, expect, it } from "vitest";
import { applyPartitionChange } from "./partition-state.js";
import type { AlterPartitionRequest } from "./replication-control.js";
import { MetadataHarness } from "./testing/metadata-harness.js";

let harness: MetadataHarness;
let topicId: string;

beforeEach(() => {
  harness = new MetadataHarness();
  for (const id of [1, 2, 3]) harness.startBroker(id);
  topicId = harness.createTopic("t", 1, 3);
});

const epochOf = (brokerId: number): number => harness.image.cluster.broker(brokerId)?.brokerEpoch ?? -1;

/** request builds an AlterPartition from the current leader with the current epochs, then applies `fields`. */
function request(newIsr: number[], fields: Partial<AlterPartitionRequest> = {}): AlterPartitionRequest {
  const partition = harness.image.topics.partition(topicId, 0);
  const leader = partition?.leader ?? -1;
  return {
    brokerId: leader,
    brokerEpoch: epochOf(leader),
    topicId,
    partition: 0,
    leaderEpoch: partition?.leaderEpoch ?? -1,
    partitionEpoch: partition?.partitionEpoch ?? -1,
    newIsr: newIsr.map((brokerId) => ({ brokerId, brokerEpoch: epochOf(brokerId) })),
    ...fields,
  };
}

function codeOf(alter: AlterPartitionRequest): string {
  try {
    harness.control.replication.alterPartition(alter);
  } catch (error) {
    if (error instanceof TributaryError) return error.code;
    throw error;
  }
  return "NONE";
}

describe("alterPartition", () => {
  it("shrinks and expands the ISR, bumping only the partition epoch, and answers the committed state", () => {
    const leader = harness.image.topics.partition(topicId, 0)?.leader ?? -1;
    const others = [1, 2, 3].filter((id) => id !== leader);
    const shrink = harness.control.replication.alterPartition(request([leader]));
    expect(shrink.records).toEqual([{ type: "partition-change", topicId, partition: 0, isr: [leader] }]);
    expect(shrink.response).toEqual({ topicId, partition: 0, leader, leaderEpoch: 0, isr: [leader], partitionEpoch: 1 });
    harness.run(shrink);
    expect(harness.image.topics.partition(topicId, 0)).toMatchObject({ isr: [leader], leaderEpoch: 0, partitionEpoch: 1 });
    const expand = harness.run(harness.control.replication.alterPartition(request([leader, ...others])));
    expect(expand).toMatchObject({ isr: [leader, ...others], partitionEpoch: 2 });
  });

  it("writes nothing for an unchanged ISR", () => {
    const result = harness.control.replication.alterPartition(request([...(harness.image.topics.partition(topicId, 0)?.isr ?? [])]));
    expect(result.records).toEqual([]);
    expect(result.response.partitionEpoch).toBe(0);
  });

  it("refuses senders that are unknown or stale", () => {
    expect(codeOf(request([1], { brokerId: 9 }))).toBe("BROKER_ID_NOT_REGISTERED");
    expect(codeOf(request([1], { brokerEpoch: 0 }))).toBe("STALE_BROKER_EPOCH");
  });

  it("refuses unknown topics and partitions", () => {
    expect(codeOf(request([1], { topicId: "nope" }))).toBe("UNKNOWN_TOPIC_ID");
    expect(codeOf(request([1], { partition: 1 }))).toBe("UNKNOWN_TOPIC_OR_PARTITION");
  });

  it("refuses old leader epochs as fenced, and newer ones as a sign that this controller is stale", () => {
    const leader = harness.image.topics.partition(topicId, 0)?.leader ?? -1;
    harness.heartbeat(leader, { wantFence: true });
    const newLeader = harness.image.topics.partition(topicId, 0)?.leader ?? -1;
    expect(codeOf(request([newLeader], { leaderEpoch: 0 }))).toBe("FENCED_LEADER_EPOCH");
    expect(codeOf(request([newLeader], { leaderEpoch: 5 }))).toBe("NOT_CONTROLLER");
  });

  it("refuses a sender that is not the leader", () => {
    const follower = harness.image.topics.partition(topicId, 0)?.isr.find((id) => id !== harness.image.topics.partition(topicId, 0)?.leader) ?? -1;
    expect(codeOf(request([follower], { brokerId: follower, brokerEpoch: epochOf(follower) }))).toBe("INVALID_REQUEST");
  });

  it("refuses old partition epochs with INVALID_UPDATE_VERSION and newer ones with NOT_CONTROLLER", () => {
    const leader = harness.image.topics.partition(topicId, 0)?.leader ?? -1;
    harness.run(harness.control.replication.alterPartition(request([leader])));
    expect(codeOf(request([leader], { partitionEpoch: 0 }))).toBe("INVALID_UPDATE_VERSION");
    expect(codeOf(request([leader], { partitionEpoch: 7 }))).toBe("NOT_CONTROLLER");
  });

  it("refuses an ISR without the leader, outside the replicas, empty, or with a broker twice", () => {
    const leader = harness.image.topics.partition(topicId, 0)?.leader ?? -1;
    const other = [1, 2, 3].find((id) => id !== leader) ?? -1;
    harness.startBroker(4);
    expect(codeOf(request([other]))).toBe("INVALID_REQUEST");
    expect(codeOf(request([leader, 4]))).toBe("INVALID_REQUEST");
    expect(codeOf(request([]))).toBe("INVALID_REQUEST");
    expect(codeOf(request([leader, leader]))).toBe("INVALID_REQUEST");
  });

  it("refuses fenced, shutting-down, unregistered and re-incarnated members (KIP-903) with REPLICA_NOT_AVAILABLE", () => {
    const leader = harness.image.topics.partition(topicId, 0)?.leader ?? -1;
    const [a, b] = [1, 2, 3].filter((id) => id !== leader) as [number, number];
    harness.run(harness.control.replication.alterPartition(request([leader])));
    harness.heartbeat(a, { wantFence: true });
    expect(codeOf(request([leader, a]))).toBe("REPLICA_NOT_AVAILABLE");
    expect(codeOf(request([leader, b], { newIsr: [{ brokerId: leader, brokerEpoch: epochOf(leader) }, { brokerId: b, brokerEpoch: epochOf(b) - 1 }] }))).toBe(
      "REPLICA_NOT_AVAILABLE",
    );
    harness.heartbeat(b, { wantShutDown: true });
    expect(harness.image.cluster.broker(b)?.state).not.toBe("unfenced");
    expect(codeOf(request([leader, b]))).toBe("REPLICA_NOT_AVAILABLE");
    harness.run(harness.control.cluster.unregisterBroker(a));
    expect(codeOf(request([leader, a], { newIsr: [{ brokerId: leader, brokerEpoch: epochOf(leader) }, { brokerId: a, brokerEpoch: 1 }] }))).toBe("REPLICA_NOT_AVAILABLE");
  });
});

describe("maybeBalanceLeaders", () => {
  it("moves leadership back to a preferred replica that is in the ISR and active", () => {
    const partition = harness.image.topics.partition(topicId, 0);
    const preferred = partition?.replicas[0] ?? -1;
    harness.heartbeat(preferred, { wantFence: true });
    expect(harness.image.topics.partition(topicId, 0)?.leader).not.toBe(preferred);
    expect(harness.control.replication.maybeBalanceLeaders().records).toEqual([]);
    harness.heartbeat(preferred);
    // Back and unfenced, but not yet in the ISR: still no move.
    expect(harness.control.replication.maybeBalanceLeaders().records).toEqual([]);
    const current = harness.image.topics.partition(topicId, 0);
    harness.run(harness.control.replication.alterPartition(request([...(current?.isr ?? []), preferred])));
    const balance = harness.control.replication.maybeBalanceLeaders();
    expect(balance.records).toEqual([{ type: "partition-change", topicId, partition: 0, leader: preferred }]);
    expect(harness.run(balance)).toEqual({ moved: 1 });
    const after = harness.image.topics.partition(topicId, 0);
    expect(after?.leader).toBe(preferred);
    expect(after?.leaderEpoch).toBe((current?.leaderEpoch ?? 0) + 1);
  });

  it("moves at most leaderBalanceMovesMax leaderships per call", () => {
    const small = new MetadataHarness({ options: { leaderBalanceMovesMax: 2 } });
    for (const id of [1, 2]) small.startBroker(id);
    small.createTopic("many", 6, 2);
    small.heartbeat(1, { wantFence: true });
    small.heartbeat(1);
    for (const partition of [...(small.image.topics.topicByName("many")?.partitions ?? [])]) {
      if (partition.isr.includes(1)) continue;
      small.run(
        small.control.replication.alterPartition({
          brokerId: partition.leader,
          brokerEpoch: small.image.cluster.broker(partition.leader)?.brokerEpoch ?? -1,
          topicId: partition.topicId,
          partition: partition.partition,
          leaderEpoch: partition.leaderEpoch,
          partitionEpoch: partition.partitionEpoch,
          newIsr: [...partition.isr, 1].map((brokerId) => ({ brokerId, brokerEpoch: small.image.cluster.broker(brokerId)?.brokerEpoch ?? -1 })),
        }),
      );
    }
    expect(small.run(small.control.replication.maybeBalanceLeaders())).toEqual({ moved: 2 });
    expect(small.run(small.control.replication.maybeBalanceLeaders())).toEqual({ moved: 1 });
    expect(small.run(small.control.replication.maybeBalanceLeaders())).toEqual({ moved: 0 });
  });
});

describe("applyPartitionChange", () => {
  it("is where epochs are bumped: leader named → leader epoch + 1; any change → partition epoch + 1", () => {
    const state = { topicId: "T", partition: 0, replicas: [1, 2], isr: [1, 2], leader: 1, leaderEpoch: 4, partitionEpoch: 9 };
    expect(applyPartitionChange(state, { type: "partition-change", topicId: "T", partition: 0, isr: [1] })).toMatchObject({ leaderEpoch: 4, partitionEpoch: 10 });
    expect(applyPartitionChange(state, { type: "partition-change", topicId: "T", partition: 0, leader: 2 })).toMatchObject({ leader: 2, leaderEpoch: 5, partitionEpoch: 10 });
  });
});
