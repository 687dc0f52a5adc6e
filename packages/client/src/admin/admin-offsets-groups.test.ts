/**
 * Admin offset and group operations against gRPC fake brokers: topic offsets from partition
 * leaders (earliest, latest, by time), record deletion routed to leaders with leader hints
 * followed, and group requests on the group's coordinator (found with FindCoordinator, found
 * again after NOT_COORDINATOR): committed offsets, resets, lag, list, describe and delete.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { testAdmin } from "../testing/test-admin.js";
import { testProducer } from "../testing/test-producer.js";
import { NO_ERROR, errorToWire } from "../wire/wire-errors.js";
import type { Admin } from "./admin.js";
import { computeLag } from "./group-lag.js";

let fake: FakeCluster;
let admin: Admin;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
  fake.createTopic("t", 2, [1, 2]);
  admin = testAdmin(fake.addresses);
});

afterEach(async () => {
  await admin.disconnect();
  await fake.stop();
});

async function produce(partition: number, timestamps: readonly number[]): Promise<void> {
  const producer = testProducer(fake.addresses);
  await producer.connect();
  for (const timestamp of timestamps) await producer.send({ topic: "t", messages: [{ partition, value: String(timestamp), timestamp }] });
  await producer.disconnect();
}

describe("topic offsets", () => {
  it("reports high watermark and log start per partition as bigint", async () => {
    await produce(0, [10, 20, 30]);
    fake.partition("t", 1).logStartOffset = 7n;
    expect(await admin.fetchTopicOffsets("t")).toEqual([
      { partition: 0, offset: 3n, high: 3n, low: 0n },
      { partition: 1, offset: 7n, high: 7n, low: 7n },
    ]);
    const requests = fake.broker(2).requestsOf("ListOffsets");
    expect(requests.every((request) => request.topics.every((topic) => topic.partitions.every((partition) => partition.partition === 1)))).toBe(true);
  });

  it("finds offsets by timestamp, falling back to the end where no record is that recent", async () => {
    await produce(0, [10, 20, 30]);
    expect(await admin.fetchTopicOffsetsByTimestamp("t", 15)).toEqual([
      { partition: 0, offset: 1n },
      { partition: 1, offset: 0n },
    ]);
    expect((await admin.fetchTopicOffsetsByTimestamp("t", 99))[0]?.offset).toBe(3n);
  });

  it("deletes records on each partition's leader, following a leader hint", async () => {
    for (const broker of fake.brokers) {
      broker.handle("DeleteRecords", (request) => ({
        topics: request.topics.map((topic) => ({
          name: topic.name,
          partitions: topic.partitions.map((wanted) => {
            const state = fake.partition(topic.name, wanted.partition);
            if (state.leader !== broker.nodeId) {
              const hint = { nodeId: state.leader, endpoint: fake.broker(state.leader).address, epoch: state.leaderEpoch };
              return { partition: wanted.partition, error: errorToWire(new TributaryError("NOT_LEADER_OR_FOLLOWER", "moved", { leaderHint: hint })), lowWatermark: "-1" };
            }
            state.logStartOffset = BigInt(wanted.offset);
            return { partition: wanted.partition, error: NO_ERROR, lowWatermark: wanted.offset };
          }),
        })),
      }));
    }
    await admin.connect();
    fake.moveLeader("t", 1, 1);
    const result = await admin.deleteTopicRecords({ topic: "t", partitions: [{ partition: 0, offset: 2n }, { partition: 1, offset: 5n }] });
    expect(result).toEqual([
      { partition: 0, lowWatermark: 2n },
      { partition: 1, lowWatermark: 5n },
    ]);
    expect(fake.broker(2).requestsOf("DeleteRecords")).toHaveLength(1);
    expect(fake.broker(1).requestsOf("DeleteRecords").flatMap((request) => request.topics[0]?.partitions.map((partition) => partition.partition))).toEqual([0, 1]);
  });
});

/** GroupStore scripts a coordinator's committed offsets. */
function scriptGroups(coordinatorId: number, committed: Map<string, bigint>): void {
  fake.coordinatorId = coordinatorId;
  for (const broker of fake.brokers) {
    const notCoordinator = () => errorToWire(new TributaryError("NOT_COORDINATOR", `broker ${broker.nodeId} does not coordinate the group`));
    broker.handle("OffsetFetch", (request) => {
      if (fake.coordinatorId !== broker.nodeId) return { error: notCoordinator(), topics: [] };
      const wanted = request.topics.length > 0 ? request.topics : [{ topic: "t", partitions: [...committed.keys()].map((key) => Number(key.split("-")[1])) }];
      return {
        error: NO_ERROR,
        topics: wanted.map((topic) => ({
          name: topic.topic,
          partitions: topic.partitions
            .filter((partition) => committed.has(`${topic.topic}-${partition}`))
            .map((partition) => ({ partition, error: NO_ERROR, committedOffset: String(committed.get(`${topic.topic}-${partition}`)), committedLeaderEpoch: 0 })),
        })),
      };
    });
    broker.handle("OffsetCommit", (request) => {
      if (fake.coordinatorId !== broker.nodeId) return { error: notCoordinator(), topics: [] };
      for (const topic of request.topics) for (const partition of topic.partitions) committed.set(`${topic.name}-${partition.partition}`, BigInt(partition.committedOffset));
      return { error: NO_ERROR, topics: request.topics.map((topic) => ({ name: topic.name, partitions: topic.partitions.map((partition) => ({ partition: partition.partition, error: NO_ERROR })) })) };
    });
  }
}

describe("group offsets", () => {
  it("fetches committed offsets from the coordinator, -1n where nothing is committed", async () => {
    scriptGroups(2, new Map([["t-0", 5n]]));
    expect(await admin.fetchOffsets({ groupId: "g", topics: ["t"] })).toEqual([
      {
        topic: "t",
        partitions: [
          { partition: 0, offset: 5n, leaderEpoch: 0, metadata: null },
          { partition: 1, offset: -1n, leaderEpoch: -1, metadata: null },
        ],
      },
    ]);
    expect(fake.broker(2).requestsOf("OffsetFetch")[0]).toMatchObject({ groupId: "g", memberId: "", memberEpoch: -1 });
  });

  it("finds the coordinator again after NOT_COORDINATOR", async () => {
    scriptGroups(1, new Map([["t-0", 1n]]));
    await admin.fetchOffsets({ groupId: "g" });
    fake.coordinatorId = 2;
    await admin.setOffsets({ groupId: "g", topic: "t", partitions: [{ partition: 1, offset: 9n }] });
    expect(fake.broker(1).requestsOf("OffsetCommit")).toHaveLength(1);
    expect(fake.broker(2).requestsOf("OffsetCommit")[0]?.topics[0]?.partitions[0]).toMatchObject({ partition: 1, committedOffset: "9", committedLeaderEpoch: -1 });
    const lookups = fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("FindCoordinator").length, 0);
    expect(lookups).toBe(2);
  });

  it("resets to the earliest or latest offsets and to a time", async () => {
    const committed = new Map<string, bigint>();
    scriptGroups(1, committed);
    await produce(0, [10, 20, 30]);
    fake.partition("t", 1).logStartOffset = 4n;
    await admin.resetOffsets({ groupId: "g", topic: "t", earliest: true });
    expect(Object.fromEntries(committed)).toEqual({ "t-0": 0n, "t-1": 4n });
    await admin.resetOffsets({ groupId: "g", topic: "t" });
    expect(Object.fromEntries(committed)).toEqual({ "t-0": 3n, "t-1": 4n });
    await admin.resetOffsetsByTimestamp({ groupId: "g", topic: "t", timestamp: 20 });
    expect(committed.get("t-0")).toBe(1n);
  });

  it("reports lag per partition and in total", async () => {
    scriptGroups(1, new Map([["t-0", 1n]]));
    await produce(0, [1, 2, 3]);
    const lag = await admin.fetchGroupLag({ groupId: "g", topics: ["t"] });
    expect(lag).toEqual({
      groupId: "g",
      partitions: [
        { topic: "t", partition: 0, committedOffset: 1n, logEndOffset: 3n, lag: 2n },
        { topic: "t", partition: 1, committedOffset: -1n, logEndOffset: 0n, lag: null },
      ],
      totalLag: 2n,
    });
    expect(computeLag(10n, 4n)).toBe(0n);
  });
});

describe("groups", () => {
  it("lists the groups of every broker, merged", async () => {
    fake.broker(1).handle("ListGroups", () => ({ error: NO_ERROR, groups: [{ groupId: "b", state: "Stable", protocolType: "consumer" }] }));
    fake.broker(2).handle("ListGroups", () => ({ error: NO_ERROR, groups: [{ groupId: "a", state: "Empty", protocolType: "consumer" }] }));
    expect(await admin.listGroups()).toEqual({
      groups: [
        { groupId: "a", protocolType: "consumer", state: "Empty" },
        { groupId: "b", protocolType: "consumer", state: "Stable" },
      ],
    });
  });

  it("describes groups on their coordinator and names the ones that failed", async () => {
    fake.broker(1).handle("DescribeGroups", (request) => ({
      groups: request.groupIds.map((groupId) =>
        groupId === "missing"
          ? { groupId, error: errorToWire(new TributaryError("GROUP_ID_NOT_FOUND", "no group missing")) }
          : {
              groupId,
              error: NO_ERROR,
              state: "Stable",
              assignor: "uniform",
              groupEpoch: 3,
              assignmentEpoch: 3,
              coordinatorId: 1,
              members: [{ memberId: "m1", clientId: "c", clientHost: "/10.0.0.1", memberEpoch: 3, subscribedTopicNames: ["t"], assignment: [{ topic: "t", topicId: "x", partitions: [0, 1] }] }],
            },
      ),
    }));
    const { groups } = await admin.describeGroups(["g"]);
    expect(groups[0]).toMatchObject({ groupId: "g", state: "Stable", groupEpoch: 3, members: [{ memberId: "m1", instanceId: null, assignment: [{ topic: "t", partitions: [0, 1] }] }] });
    const error = (await admin.describeGroups(["g", "missing"]).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("GROUP_ID_NOT_FOUND");
  });

  it("deletes groups and reports NON_EMPTY_GROUP with what to do", async () => {
    fake.broker(1).handle("DeleteGroups", (request) => ({
      results: request.groupIds.map((groupId) => ({ groupId, error: errorToWire(groupId === "busy" ? new TributaryError("NON_EMPTY_GROUP") : null) })),
    }));
    expect(await admin.deleteGroups(["idle"])).toEqual([{ groupId: "idle" }]);
    const error = (await admin.deleteGroups(["busy"]).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("NON_EMPTY_GROUP");
    expect(error.message).toMatch(/stop them first/);
  });
});
