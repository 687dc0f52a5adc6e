/**
 * Goal: offsets are fenced by member epoch (KIP-848) and validated per partition; admin commits
 * reach only empty groups; fetches answer -1 for partitions never committed; empty groups can be
 * deleted with their offsets and non-empty ones cannot. Method: a shard driven directly.
 */
import { describe, expect, it } from "vitest";
import { TributaryError } from "@tributary/client/internal/errors";
import type { OffsetCommitEntry } from "./shard-types.js";
import { heartbeat, ShardDriver, topic } from "./testing/group-test-kit.js";

const GROUP = "ledger";

function entry(partition: number, offset: bigint, metadata = ""): OffsetCommitEntry {
  return { topic: "orders", partition, offset, leaderEpoch: 2, metadata };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TributaryError) return error.code;
    throw error;
  }
  return undefined;
}

function setup() {
  const driver = new ShardDriver([topic("orders", 3)]);
  const member = driver.heartbeat(heartbeat({ groupId: GROUP, subscription: { topicNames: ["orders"], topicRegex: undefined }, ownedPartitions: [] })).response;
  const commit = (memberId: string, memberEpoch: number, entries: OffsetCommitEntry[]) =>
    driver.apply(driver.shard.handleOffsetCommit({ groupId: GROUP, memberId, memberEpoch, entries }, driver.topics, 1_000)).response;
  return { driver, member, commit };
}

describe("offset commits", () => {
  it("accepts a member's commit at its epoch and fences any other epoch or member", () => {
    const { driver, member, commit } = setup();
    expect(commit(member.memberId, 1, [entry(0, 5n)])).toEqual([null]);
    expect(codeOf(() => commit(member.memberId, 0, [entry(0, 6n)]))).toBe("FENCED_MEMBER_EPOCH");
    expect(codeOf(() => commit(member.memberId, 2, [entry(0, 6n)]))).toBe("FENCED_MEMBER_EPOCH");
    expect(codeOf(() => commit("stranger", 1, [entry(0, 6n)]))).toBe("UNKNOWN_MEMBER_ID");
    expect(driver.shard.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined })).toEqual([{ topic: "orders", partition: 0, offset: 5n, leaderEpoch: 2, metadata: "" }]);
  });

  it("refuses admin commits to a group with members, and takes them once it is empty", () => {
    const { driver, member, commit } = setup();
    expect(codeOf(() => commit("", -1, [entry(1, 9n)]))).toBe("NON_EMPTY_GROUP");
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: member.memberId, memberEpoch: -1 }));
    expect(commit("", -1, [entry(1, 9n)])).toEqual([null]);
    expect(driver.shard.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: [{ topic: "orders", partitions: [1] }] })[0]!.offset).toBe(9n);
  });

  it("judges each partition on its own: unknown partitions, long metadata and negative offsets fail alone", () => {
    const { member, commit, driver } = setup();
    const errors = commit(member.memberId, 1, [entry(0, 1n), entry(3, 1n), entry(1, 1n, "x".repeat(5_000)), entry(2, -5n), { ...entry(0, 1n), topic: "nope" }]);
    expect(errors.map((error) => error?.code ?? null)).toEqual([null, "UNKNOWN_TOPIC_OR_PARTITION", "INVALID_COMMIT_OFFSET_SIZE", "INVALID_REQUEST", "UNKNOWN_TOPIC_OR_PARTITION"]);
    expect(driver.shard.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined })).toHaveLength(1);
  });

  it("fetches -1 for partitions without a commit, and checks the member when one is named", () => {
    const { driver, member } = setup();
    expect(driver.shard.fetchOffsets({ groupId: GROUP, memberId: member.memberId, memberEpoch: 1, topics: [{ topic: "orders", partitions: [2] }] })).toEqual([
      { topic: "orders", partition: 2, offset: -1n, leaderEpoch: -1, metadata: undefined },
    ]);
    expect(codeOf(() => driver.shard.fetchOffsets({ groupId: GROUP, memberId: member.memberId, memberEpoch: 4, topics: undefined }))).toBe("FENCED_MEMBER_EPOCH");
    expect(driver.shard.fetchOffsets({ groupId: "unknown", memberId: "", memberEpoch: -1, topics: undefined })).toEqual([]);
  });
});

describe("group administration", () => {
  it("deletes only empty groups, with their offsets, and reports unknown ones", () => {
    const { driver, member, commit } = setup();
    commit(member.memberId, 1, [entry(0, 5n)]);
    driver.apply(driver.shard.handleOffsetCommit({ groupId: "offsets-only", memberId: "", memberEpoch: -1, entries: [entry(2, 1n)] }, driver.topics, 1_000));
    const refused = driver.apply(driver.shard.handleDeleteGroups([GROUP, "offsets-only", "missing"]));
    expect(refused.response.map((error) => error?.code ?? null)).toEqual(["NON_EMPTY_GROUP", null, "GROUP_ID_NOT_FOUND"]);
    expect(driver.shard.describeGroup("offsets-only")).toBeUndefined();
    driver.heartbeat(heartbeat({ groupId: GROUP, memberId: member.memberId, memberEpoch: -1 }));
    expect(driver.shard.listGroups()).toEqual([{ groupId: GROUP, state: "Empty" }]);
    expect(driver.apply(driver.shard.handleDeleteGroups([GROUP])).response).toEqual([null]);
    expect(driver.shard.listGroups()).toEqual([]);
    expect(driver.shard.fetchOffsets({ groupId: GROUP, memberId: "", memberEpoch: -1, topics: undefined })).toEqual([]);
    // The tombstones replay to the same nothing.
    expect(driver.replayed().listGroups()).toEqual([]);
  });

  it("describes members with their assignment and target", () => {
    const { driver, member } = setup();
    const description = driver.shard.describeGroup(GROUP)!;
    expect(description).toMatchObject({ groupId: GROUP, state: "Stable", assignor: "uniform", groupEpoch: 1, assignmentEpoch: 1 });
    expect(description.members).toHaveLength(1);
    expect(description.members[0]).toMatchObject({ memberId: member.memberId, memberEpoch: 1, clientId: "test-client", subscribedTopicNames: ["orders"] });
    expect(description.members[0]!.assignment).toEqual(description.members[0]!.targetAssignment);
  });
});
