/**
 * Goal: the KIP-848 heartbeat state machine — joins and leaves bump the group epoch and recompute
 * the target assignment; members are handed partitions incrementally (revoke first, assign only
 * released partitions); stale epochs and replaced static members are fenced; static members get
 * their assignment back without moving anyone else; regex subscriptions follow topic changes.
 * Method: a shard driven directly, every write committed at once; replaying the records written
 * into a fresh shard must give the same groups.
 */
import { describe, expect, it } from "vitest";
import { TributaryError } from "@tributary/client/internal/errors";
import { heartbeat, owned, partitionsOf, ShardDriver, topic } from "./testing/group-test-kit.js";

const GROUP = "payments";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TributaryError) return error.code;
    throw error;
  }
  return undefined;
}

function join(driver: ShardDriver, topics: string[], extra: Partial<Parameters<typeof heartbeat>[0]> = {}) {
  return driver.heartbeat(heartbeat({ groupId: GROUP, subscription: { topicNames: topics, topicRegex: undefined }, ownedPartitions: [], ...extra })).response;
}

describe("joining and leaving", () => {
  it("gives a first member every partition at group epoch 1", () => {
    const driver = new ShardDriver([topic("orders", 4)]);
    const response = join(driver, ["orders"]);
    expect(response.memberId).toBe("member-1");
    expect(response.memberEpoch).toBe(1);
    expect(partitionsOf(response.assignment)).toEqual(["orders-0", "orders-1", "orders-2", "orders-3"]);
    const group = driver.shard.group(GROUP)!;
    expect([group.groupEpoch, group.assignmentEpoch, group.state()]).toEqual([1, 1, "Stable"]);
  });

  it("hands partitions to a second member only after the first revoked them", () => {
    const driver = new ShardDriver([topic("orders", 4)]);
    const a = join(driver, ["orders"]);
    const b = join(driver, ["orders"]);
    // B's target is half the partitions, but A still owns them: B waits at the new epoch.
    expect(b.memberEpoch).toBe(2);
    expect(partitionsOf(b.assignment)).toEqual([]);
    expect(driver.shard.group(GROUP)!.members.get(b.memberId)!.state).toBe("unreleased-partitions");
    expect(driver.shard.group(GROUP)!.state()).toBe("Reconciling");

    // A is told to keep half: it stays at epoch 1 until it shows it let go of the rest.
    const aOwned = driver.shard.group(GROUP)!.members.get(a.memberId)!.assigned;
    const revoking = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: owned(aOwned) })).response;
    expect(revoking.memberEpoch).toBe(1);
    expect(partitionsOf(revoking.assignment)).toEqual(["orders-0", "orders-1"]);
    expect(driver.shard.group(GROUP)!.members.get(a.memberId)!.state).toBe("unrevoked-partitions");

    // B asks again: still nothing, A has not released.
    const bAgain = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 })).response;
    expect(partitionsOf(bAgain.assignment)).toEqual([]);

    // A reports it owns only what it keeps: it moves to epoch 2, and B gets the released partitions.
    const released = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: owned(revoking.assignment!) })).response;
    expect(released.memberEpoch).toBe(2);
    const bGets = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 })).response;
    expect(partitionsOf(bGets.assignment)).toEqual(["orders-2", "orders-3"]);
    expect(driver.shard.group(GROUP)!.state()).toBe("Stable");
  });

  it("gives a leaving member's partitions to the others at a new epoch", () => {
    const driver = new ShardDriver([topic("orders", 2)]);
    const a = join(driver, ["orders"]);
    const b = join(driver, ["orders"]);
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: [{ topicId: "id-orders", topicName: "", partitions: [0] }] }));
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 }));
    const left = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: -1 }));
    expect(left.response.memberEpoch).toBe(-1);
    expect(left.timers).toContainEqual({ kind: "cancel-all", groupId: GROUP, memberId: b.memberId });
    expect(driver.shard.group(GROUP)!.groupEpoch).toBe(3);
    const after = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 2 })).response;
    expect(after.memberEpoch).toBe(3);
    expect(partitionsOf(after.assignment)).toEqual(["orders-0", "orders-1"]);
  });

  it("treats a second leave, or a leave from an unknown group, as done", () => {
    const driver = new ShardDriver([topic("orders", 1)]);
    expect(driver.heartbeat(heartbeat({ groupId: "nobody", memberId: "m", memberEpoch: -1 })).records).toEqual([]);
    const a = join(driver, ["orders"]);
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: -1 }));
    expect(driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: -1 })).records).toEqual([]);
    expect(driver.shard.group(GROUP)!.state()).toBe("Empty");
  });

  it("leaves members beyond the partition count with empty assignments", () => {
    const driver = new ShardDriver([topic("orders", 2)]);
    const members = [join(driver, ["orders"]), join(driver, ["orders"]), join(driver, ["orders"])];
    const group = driver.shard.group(GROUP)!;
    const targets = members.map((member) => partitionsOf(group.targetOf(member.memberId)).length).sort();
    expect(targets).toEqual([0, 1, 1]);
  });

  it("answers the assignment again to a member whose response was lost (previous epoch, owned within its assignment)", () => {
    const driver = new ShardDriver([topic("orders", 2)]);
    const a = join(driver, ["orders"]);
    join(driver, ["orders"]); // group epoch 2; A must revoke one partition
    const aGroup = () => driver.shard.group(GROUP)!.members.get(a.memberId)!;
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: owned(aGroup().assigned) }));
    const moved = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: owned(aGroup().assigned) })).response;
    expect(moved.memberEpoch).toBe(2);
    // The response moving A to epoch 2 was lost: A heartbeats with epoch 1 and what it owns.
    const retried = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: owned(aGroup().assigned) })).response;
    expect(retried.memberEpoch).toBe(2);
    expect(partitionsOf(retried.assignment)).toEqual(partitionsOf(moved.assignment));
  });
});

describe("fencing", () => {
  it("fences a heartbeat with a newer or a stale epoch, and one from an unknown member", () => {
    const driver = new ShardDriver([topic("orders", 2)]);
    const a = join(driver, ["orders"]);
    expect(codeOf(() => driver.shard.handleHeartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 7 }), driver.topics))).toBe("FENCED_MEMBER_EPOCH");
    join(driver, ["orders"]);
    const aOwned = driver.shard.group(GROUP)!.members.get(a.memberId)!.assigned;
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: [{ topicId: "id-orders", topicName: "", partitions: [0] }] }));
    expect(driver.shard.group(GROUP)!.members.get(a.memberId)!.memberEpoch).toBe(2);
    // Epoch 1 is A's previous epoch, but it claims a partition it no longer has: a zombie.
    expect(partitionsOf(aOwned)).toEqual(["orders-0", "orders-1"]);
    expect(codeOf(() => driver.shard.handleHeartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: owned(aOwned) }), driver.topics))).toBe("FENCED_MEMBER_EPOCH");
    expect(codeOf(() => driver.shard.handleHeartbeat(heartbeat({ groupId: GROUP, memberId: "ghost", memberEpoch: 3 }), driver.topics))).toBe("UNKNOWN_MEMBER_ID");
    expect(codeOf(() => driver.shard.handleHeartbeat(heartbeat({ groupId: "no-such-group", memberId: "ghost", memberEpoch: 3 }), driver.topics))).toBe("UNKNOWN_MEMBER_ID");
  });

  it("lets a fenced member rejoin with epoch 0 under its id and get its assignment back", () => {
    const driver = new ShardDriver([topic("orders", 2)]);
    const a = join(driver, ["orders"]);
    const rejoined = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 0, ownedPartitions: [] })).response;
    expect(rejoined.memberEpoch).toBe(1);
    expect(partitionsOf(rejoined.assignment)).toEqual(["orders-0", "orders-1"]);
  });

  it("rejects malformed heartbeats", () => {
    const driver = new ShardDriver([topic("orders", 2)]);
    const run = (fields: Partial<Parameters<typeof heartbeat>[0]>) => codeOf(() => driver.shard.handleHeartbeat(heartbeat({ groupId: GROUP, ...fields }), driver.topics));
    expect(run({ groupId: "" })).toBe("INVALID_REQUEST");
    expect(run({ memberEpoch: 3 })).toBe("INVALID_REQUEST");
    expect(run({ memberEpoch: -3, memberId: "m" })).toBe("INVALID_REQUEST");
    expect(run({ memberEpoch: -2, memberId: "m" })).toBe("INVALID_REQUEST");
    expect(run({ serverAssignor: "sticky" })).toBe("UNSUPPORTED_ASSIGNOR");
    expect(run({ subscription: { topicNames: [], topicRegex: "orders-(" } })).toBe("INVALID_REQUEST");
    expect(run({ subscription: { topicNames: [], topicRegex: "(?=x)" } })).toBe("INVALID_REQUEST");
    expect(run({ sessionTimeoutMs: 10 })).toBe("INVALID_SESSION_TIMEOUT");
  });
});

describe("static membership", () => {
  function staticJoin(driver: ShardDriver, instanceId: string) {
    return join(driver, ["orders"], { instanceId });
  }

  it("gives a static member that left with -2 its assignment back under a new id, without moving the others", () => {
    const driver = new ShardDriver([topic("orders", 4)]);
    const s = staticJoin(driver, "instance-a");
    const d = join(driver, ["orders"]);
    const group = () => driver.shard.group(GROUP)!;
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: s.memberId, memberEpoch: 1, ownedPartitions: owned(group().targetOf(s.memberId)) }));
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: d.memberId, memberEpoch: 2 }));
    expect(group().state()).toBe("Stable");
    const sAssignment = partitionsOf(group().members.get(s.memberId)!.assigned);
    const dAssignment = partitionsOf(group().members.get(d.memberId)!.assigned);
    const epochBefore = group().groupEpoch;

    const left = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: s.memberId, memberEpoch: -2, instanceId: "instance-a" }));
    expect(left.response.memberEpoch).toBe(-2);
    expect(left.timers).toContainEqual({ kind: "session", groupId: GROUP, memberId: s.memberId, timeoutMs: 45_000 });
    expect(group().members.get(s.memberId)!.memberEpoch).toBe(-2);
    expect(group().groupEpoch).toBe(epochBefore);

    const back = staticJoin(driver, "instance-a");
    expect(back.memberId).not.toBe(s.memberId);
    expect(back.memberEpoch).toBe(epochBefore);
    expect(partitionsOf(back.assignment)).toEqual(sAssignment);
    expect(group().groupEpoch).toBe(epochBefore);
    expect(group().members.has(s.memberId)).toBe(false);
    expect(partitionsOf(group().members.get(d.memberId)!.assigned)).toEqual(dAssignment);
    expect(group().state()).toBe("Stable");
  });

  it("refuses a second live member with the same instance id, and fences the replaced one", () => {
    const driver = new ShardDriver([topic("orders", 2)]);
    const s = staticJoin(driver, "instance-a");
    expect(codeOf(() => driver.shard.handleHeartbeat(heartbeat({ groupId: GROUP, instanceId: "instance-a", subscription: { topicNames: ["orders"], topicRegex: undefined } }), driver.topics))).toBe(
      "UNRELEASED_INSTANCE_ID",
    );
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: s.memberId, memberEpoch: -2, instanceId: "instance-a" }));
    const replacement = staticJoin(driver, "instance-a");
    expect(codeOf(() => driver.shard.handleHeartbeat(heartbeat({ groupId: GROUP, memberId: s.memberId, memberEpoch: 1, instanceId: "instance-a" }), driver.topics))).toBe("FENCED_INSTANCE_ID");
    expect(codeOf(() => driver.shard.handleHeartbeat(heartbeat({ groupId: GROUP, memberId: s.memberId, memberEpoch: -1, instanceId: "instance-a" }), driver.topics))).toBe("FENCED_INSTANCE_ID");
    expect(driver.shard.group(GROUP)!.staticMember("instance-a")!.memberId).toBe(replacement.memberId);
  });
});

describe("subscriptions", () => {
  it("follows a regex subscription as topics come and go", () => {
    const driver = new ShardDriver([topic("orders-eu", 2), topic("payments", 2)]);
    const a = driver.heartbeat(heartbeat({ groupId: GROUP, subscription: { topicNames: [], topicRegex: "orders-.*" }, ownedPartitions: [] })).response;
    expect(partitionsOf(a.assignment)).toEqual(["orders-eu-0", "orders-eu-1"]);
    driver.setTopics([topic("orders-eu", 2), topic("orders-us", 1), topic("payments", 2)]);
    const grown = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: a.memberEpoch })).response;
    expect(grown.memberEpoch).toBe(2);
    expect(partitionsOf(grown.assignment)).toEqual(["orders-eu-0", "orders-eu-1", "orders-us-0"]);
  });

  it("bumps the epoch when a subscribed topic grows, and not on a heartbeat that changes nothing", () => {
    const driver = new ShardDriver([topic("orders", 1)]);
    const a = join(driver, ["orders"]);
    const quiet = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1 }));
    expect(quiet.records).toEqual([]);
    expect(quiet.response.assignment).toBeUndefined();
    driver.setTopics([topic("orders", 3)]);
    const grown = driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1 })).response;
    expect(grown.memberEpoch).toBe(2);
    expect(partitionsOf(grown.assignment)).toEqual(["orders-0", "orders-1", "orders-2"]);
  });

  it("uses the assignor most members ask for", () => {
    const driver = new ShardDriver([topic("a", 3), topic("b", 3)]);
    join(driver, ["a", "b"], { serverAssignor: "range" });
    join(driver, ["a", "b"], { serverAssignor: "range" });
    const description = driver.shard.describeGroup(GROUP)!;
    expect(description.assignor).toBe("range");
    // Range: per topic, the first member gets partitions 0-1 and the second 2.
    const targets = description.members.map((member) => partitionsOf(member.targetAssignment));
    expect(targets).toEqual([
      ["a-0", "a-1", "b-0", "b-1"],
      ["a-2", "b-2"],
    ]);
  });
});

describe("replay", () => {
  it("rebuilds the same groups from the records written", () => {
    const driver = new ShardDriver([topic("orders", 4), topic("audit", 2)]);
    const a = join(driver, ["orders"], { instanceId: "i-a" });
    const b = join(driver, ["orders", "audit"]);
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: a.memberId, memberEpoch: 1, ownedPartitions: owned(driver.shard.group(GROUP)!.targetOf(a.memberId)) }));
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2 }));
    driver.heartbeat(heartbeat({ groupId: "other", subscription: { topicNames: ["audit"], topicRegex: undefined } }));
    driver.apply(driver.shard.handleOffsetCommit({ groupId: GROUP, memberId: b.memberId, memberEpoch: 2, entries: [{ topic: "audit", partition: 1, offset: 42n, leaderEpoch: 3, metadata: "m" }] }, driver.topics, 1_000));
    const copy = driver.replayed();
    for (const groupId of [GROUP, "other"]) expect(copy.describeGroup(groupId)).toEqual(driver.shard.describeGroup(groupId));
    expect(copy.listGroups()).toEqual(driver.shard.listGroups());
    expect(copy.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined })).toEqual(driver.shard.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined }));
  });
});
