/**
 * Goal: the coordinator runtime on real partition logs — writes are acknowledged only once
 * replicated, a write that fails applies nothing (and one that may have reached the log anyway is
 * picked up by a reload), a new leader replays the log into the same groups and offsets, requests
 * for a loading shard get COORDINATOR_LOAD_IN_PROGRESS and for an unloaded one NOT_COORDINATOR,
 * and session and rebalance timeouts remove members on virtual time.
 * Method: `__consumer_offsets-0` on an in-memory disk, led by one broker and then another; a fake
 * scheduler for every timer; followers simulated by fetching from the leader.
 */
import { describe, expect, it } from "vitest";
import { TributaryError } from "@tributary/client/internal/errors";
import { encodeGroupRecordBatch } from "./group-record-codec.js";
import type { HeartbeatResponse } from "./shard-types.js";
import { heartbeat, owned, partitionsOf, topic } from "./testing/group-test-kit.js";
import { openOffsetsReplica, settle, startCoordinator, type CoordinatorRig } from "./testing/coordinator-harness.js";

const TOPICS = [topic("orders", 4)];
const GROUP = "billing";

async function codeOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TributaryError) return error.code;
    throw error;
  }
  return undefined;
}

async function loadedRig(brokerId = 1): Promise<CoordinatorRig> {
  const rig = startCoordinator(brokerId, await openOffsetsReplica(brokerId), TOPICS);
  await rig.coordinator.idle();
  expect(rig.coordinator.loadedShards()).toEqual([0]);
  return rig;
}

function join(rig: CoordinatorRig, fields: Partial<Parameters<typeof heartbeat>[0]> = {}): Promise<HeartbeatResponse> {
  return rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, subscription: { topicNames: ["orders"], topicRegex: undefined }, ownedPartitions: [], ...fields }));
}

describe("writes", () => {
  it("appends a join to the offsets partition before answering it", async () => {
    const rig = await loadedRig();
    const before = rig.replica.partition.log.logEndOffset;
    const response = await join(rig);
    expect(response.memberEpoch).toBe(1);
    expect(rig.replica.partition.log.logEndOffset).toBeGreaterThan(before);
    expect(rig.replica.partition.log.highWatermark).toBe(rig.replica.partition.log.logEndOffset);
  });

  it("applies nothing when a write is refused, and answers COORDINATOR_NOT_AVAILABLE", async () => {
    const replica = await openOffsetsReplica(1, { replicas: [1, 2], isr: [1] }, undefined, 2);
    const rig = startCoordinator(1, replica, TOPICS);
    await rig.coordinator.idle();
    // One in-sync replica of the two min.insync.replicas wants: nothing can be written.
    expect(await codeOf(() => join(rig))).toBe("COORDINATOR_NOT_AVAILABLE");
    expect(replica.partition.log.logEndOffset).toBe(0n);
    expect(rig.coordinator.describeGroup(GROUP)).toBeUndefined();
  });

  it("answers a write that is not replicated in time with an error, then reloads and picks it up once it is", async () => {
    const replica = await openOffsetsReplica(1, { replicas: [1, 2], isr: [1, 2] }, undefined, 2);
    const rig = startCoordinator(1, replica, TOPICS);
    await rig.coordinator.idle();
    const commit = rig.coordinator.commitOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, entries: [{ topic: "orders", partition: 1, offset: 99n, leaderEpoch: 1, metadata: "" }] });
    const outcome = commit.then(
      () => "acknowledged",
      (error: TributaryError) => error.code,
    );
    await settle(() => rig.waiters.size > 0);
    expect(replica.partition.log.logEndOffset).toBe(1n);
    rig.scheduler.advanceMs(10_000);
    expect(await outcome).toBe("COORDINATOR_NOT_AVAILABLE");
    // Nothing was applied, and the shard reloads: it waits for the record to be committed.
    expect(await codeOf(() => rig.coordinator.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined }))).toBe("COORDINATOR_LOAD_IN_PROGRESS");
    // The follower catches up: the record is committed, and the reload replays it.
    await replica.partition.readForFollower({ replicaId: 2, replicaEpoch: 1, fetchOffset: 1n, durableEndOffset: 1n, currentLeaderEpoch: 1, lastFetchedEpoch: -1, maxBytes: 1 << 20 });
    await rig.coordinator.idle();
    expect(rig.coordinator.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined })).toEqual([{ topic: "orders", partition: 1, offset: 99n, leaderEpoch: 1, metadata: "" }]);
  });

  it("answers a heartbeat that changes nothing while a write waits for replication", async () => {
    const replica = await openOffsetsReplica(1, { replicas: [1, 2], isr: [1, 2] });
    const rig = startCoordinator(1, replica, TOPICS);
    await rig.coordinator.idle();
    const follow = () => replica.partition.readForFollower({ replicaId: 2, replicaEpoch: 1, fetchOffset: replica.partition.log.logEndOffset, durableEndOffset: replica.partition.log.logEndOffset, currentLeaderEpoch: 1, lastFetchedEpoch: -1, maxBytes: 1 << 20 });
    const joining = join(rig);
    await settle(() => rig.waiters.size > 0);
    await follow();
    const member = await joining;
    let committed = false;
    const commit = rig.coordinator.commitOffsets({ groupId: GROUP, memberId: member.memberId, memberEpoch: 1, entries: [{ topic: "orders", partition: 0, offset: 3n, leaderEpoch: 1, metadata: "" }] }).then(() => (committed = true));
    await settle(() => rig.waiters.size > 0);
    const steady = await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: member.memberId, memberEpoch: 1 }));
    expect(steady.memberEpoch).toBe(1);
    expect(committed).toBe(false);
    await follow();
    await commit;
    expect(committed).toBe(true);
  });
});

describe("leadership", () => {
  it("reloads the same groups and offsets on the next leader, and the old one answers NOT_COORDINATOR", async () => {
    const first = await loadedRig(1);
    const a = await join(first, { instanceId: "static-a" });
    const b = await join(first);
    await first.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: a.memberEpoch, ownedPartitions: owned(first.coordinator.shard(0)!.group(GROUP)!.targetOf(a.memberId)) }));
    await first.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: b.memberEpoch }));
    await first.coordinator.commitOffsets({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2, entries: [{ topic: "orders", partition: 3, offset: 1234n, leaderEpoch: 7, metadata: "cursor" }] });
    await first.coordinator.commitOffsets({ groupId: "archive", memberId: "", memberEpoch: -1, entries: [{ topic: "orders", partition: 0, offset: 5n, leaderEpoch: -1, metadata: "" }] });
    const description = first.coordinator.describeGroup(GROUP);
    const offsets = first.coordinator.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined });
    const listed = first.coordinator.listGroups();
    expect(description?.state).toBe("Stable");

    // Leadership moves to broker 2: broker 1 unloads.
    await first.replica.partition.applyRegistration({ topicId: "offsets-id", replicas: [1, 2], isr: [1, 2], leader: 2, leaderEpoch: 2, partitionEpoch: 2 });
    first.source.changed(first.replica.partition);
    expect(await codeOf(() => first.coordinator.describeGroup(GROUP))).toBe("NOT_COORDINATOR");
    expect(await codeOf(() => first.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 })))).toBe("NOT_COORDINATOR");

    // Broker 2 leads a replica holding the same records (here: the same disk, reopened).
    await first.replica.partition.log.close();
    const next = startCoordinator(2, await openOffsetsReplica(2, { leaderEpoch: 2, partitionEpoch: 2 }, first.replica.env), TOPICS);
    await next.coordinator.idle();
    expect(next.coordinator.describeGroup(GROUP)).toEqual(description);
    expect(next.coordinator.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined })).toEqual(offsets);
    expect(next.coordinator.listGroups()).toEqual(listed);
    // Members carry on with their epochs at the new coordinator.
    const carriedOn = await next.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 }));
    expect(carriedOn.memberEpoch).toBe(2);
    expect(await codeOf(() => next.coordinator.commitOffsets({ groupId: GROUP, memberId: b.memberId, memberEpoch: 1, entries: [] }))).toBe("FENCED_MEMBER_EPOCH");
  });

  it("answers COORDINATOR_LOAD_IN_PROGRESS until the new leader's log is committed, then replays all of it", async () => {
    // Broker 1 led and appended a commit that its follower, broker 2, never acknowledged.
    const old = await openOffsetsReplica(1, { replicas: [1, 2], isr: [1, 2] });
    const record = { type: "offset-commit" as const, groupId: GROUP, topic: "orders", partition: 0, value: { offset: 10n, leaderEpoch: -1, metadata: "", commitTimestampMs: 1 } };
    await old.partition.appendAsLeader(await encodeGroupRecordBatch([record], 1), -1);
    expect(old.partition.log.highWatermark).toBe(0n);
    await old.partition.log.close();
    // Broker 2 leads with those records in its log; they commit once broker 1 fetches.
    const replica = await openOffsetsReplica(2, { replicas: [1, 2], isr: [1, 2], leaderEpoch: 2, partitionEpoch: 2 }, old.env);
    const next = startCoordinator(2, replica, TOPICS);
    await settle(() => next.waiters.size > 0);
    expect(await codeOf(() => next.coordinator.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined }))).toBe("COORDINATOR_LOAD_IN_PROGRESS");
    expect(await codeOf(() => join(next))).toBe("COORDINATOR_LOAD_IN_PROGRESS");
    expect(next.coordinator.listGroups().loadingShards).toBe(1);
    await replica.partition.readForFollower({ replicaId: 1, replicaEpoch: 1, fetchOffset: 1n, durableEndOffset: 1n, currentLeaderEpoch: 2, lastFetchedEpoch: -1, maxBytes: 1 << 20 });
    await next.coordinator.idle();
    expect(next.coordinator.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: [{ topic: "orders", partitions: [0, 1] }] })).toEqual([
      { topic: "orders", partition: 0, offset: 10n, leaderEpoch: -1, metadata: "" },
      { topic: "orders", partition: 1, offset: -1n, leaderEpoch: -1, metadata: undefined },
    ]);
  });
});

describe("timeouts", () => {
  it("removes a member that stops heartbeating once its session times out, not before", async () => {
    const rig = await loadedRig();
    const a = await join(rig);
    const b = await join(rig);
    rig.scheduler.advanceMs(40_000);
    await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1 }));
    rig.scheduler.advanceMs(10_000); // b: 50 s without a heartbeat; a: 10 s since its last
    await rig.coordinator.idle();
    const members = rig.coordinator.describeGroup(GROUP)!.members.map((member) => member.memberId);
    expect(members).toEqual([a.memberId]);
    expect(members).not.toContain(b.memberId);
    expect(await codeOf(() => rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 })))).toBe("UNKNOWN_MEMBER_ID");
    rig.scheduler.advanceMs(45_000);
    await rig.coordinator.idle();
    expect(rig.coordinator.describeGroup(GROUP)!.state).toBe("Empty");
  });

  it("removes a member that does not revoke within its rebalance timeout and hands its partitions over", async () => {
    const rig = await loadedRig();
    const a = await join(rig, { rebalanceTimeoutMs: 20_000 });
    const b = await join(rig);
    // A is told to revoke two partitions and never reports that it did.
    const told = await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: owned(rig.coordinator.shard(0)!.group(GROUP)!.members.get(a.memberId)!.assigned) }));
    expect(partitionsOf(told.assignment)).toHaveLength(2);
    rig.scheduler.advanceMs(15_000);
    await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1 }));
    await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 }));
    rig.scheduler.advanceMs(5_000);
    await rig.coordinator.idle();
    expect(rig.coordinator.describeGroup(GROUP)!.members.map((member) => member.memberId)).toEqual([b.memberId]);
    const after = await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 }));
    expect(after.memberEpoch).toBe(3);
    expect(partitionsOf(after.assignment)).toEqual(["orders-0", "orders-1", "orders-2", "orders-3"]);
  });

  it("keeps a departed static member's partitions for its session, then rebalances", async () => {
    const rig = await loadedRig();
    const s = await join(rig, { instanceId: "static-1" });
    const d = await join(rig);
    await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: s.memberId, memberEpoch: 1, ownedPartitions: [{ topicId: "id-orders", topicName: "", partitions: [0, 1] }] }));
    await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: s.memberId, memberEpoch: -2, instanceId: "static-1" }));
    rig.scheduler.advanceMs(30_000);
    await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: d.memberId, memberEpoch: 2 }));
    expect(rig.coordinator.describeGroup(GROUP)!.members).toHaveLength(2);
    rig.scheduler.advanceMs(15_000);
    await rig.coordinator.idle();
    expect(rig.coordinator.describeGroup(GROUP)!.members.map((member) => member.memberId)).toEqual([d.memberId]);
    const all = await rig.coordinator.heartbeat(heartbeat({ groupId: GROUP, memberId: d.memberId, memberEpoch: 2 }));
    expect(partitionsOf(all.assignment)).toEqual(["orders-0", "orders-1", "orders-2", "orders-3"]);
  });

  it("gives a reloaded member a full session before it can time out", async () => {
    const first = await loadedRig(1);
    const a = await join(first);
    first.scheduler.advanceMs(44_000);
    await first.replica.partition.log.close();
    const next = startCoordinator(2, await openOffsetsReplica(2, { leaderEpoch: 2, partitionEpoch: 2 }, first.replica.env), TOPICS);
    await next.coordinator.idle();
    next.scheduler.advanceMs(44_000);
    await next.coordinator.idle();
    expect(next.coordinator.describeGroup(GROUP)!.members.map((member) => member.memberId)).toEqual([a.memberId]);
    next.scheduler.advanceMs(1_000);
    await next.coordinator.idle();
    expect(next.coordinator.describeGroup(GROUP)!.state).toBe("Empty");
  });
});

describe("routing", () => {
  it("answers NOT_COORDINATOR on a broker that follows the group's offsets partition", async () => {
    const replica = await openOffsetsReplica(1, { replicas: [1, 2], isr: [1, 2], leader: 2 });
    const rig = startCoordinator(1, replica, TOPICS);
    await rig.coordinator.idle();
    expect(rig.coordinator.loadedShards()).toEqual([]);
    expect(await codeOf(() => join(rig))).toBe("NOT_COORDINATOR");
    expect(rig.coordinator.listGroups()).toEqual({ groups: [], loadingShards: 0 });
  });
});
