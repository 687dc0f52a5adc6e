import { TributaryError } from "@tributary/client/internal/errors";
import type { ConsumerGroupView } from "./consumer-group.js";
import type { GroupRecord } from "./group-records.js";
import type { OffsetStore } from "./offset-store.js";
import type { FetchedOffset, ItemErrors, OffsetCommitRequest, OffsetFetchRequest, ShardResult } from "./shard-types.js";
import type { TopicsView } from "./topics-view.js";

const INT64_MAX = 2n ** 63n - 1n;

/**
 * checkMemberForOffsets validates the member of an OffsetCommit or OffsetFetch (KIP-848: the member
 * epoch fences commits, so a member that lost its partitions cannot overwrite their new owner's
 * progress). An empty member id is a commit from outside group management (admin tools, manual
 * assignment): allowed only while the group has no members, else NON_EMPTY_GROUP.
 */
export function checkMemberForOffsets(group: ConsumerGroupView | undefined, groupId: string, memberId: string, memberEpoch: number): void {
  if (memberId === "") {
    if (group !== undefined && group.members.size > 0) {
      throw new TributaryError("NON_EMPTY_GROUP", `group ${groupId} has ${group.members.size} members; only its members may commit offsets`);
    }
    return;
  }
  const member = group?.members.get(memberId);
  if (member === undefined) throw new TributaryError("UNKNOWN_MEMBER_ID", `group ${groupId} has no member ${memberId}`);
  if (member.memberEpoch !== memberEpoch) {
    throw new TributaryError("FENCED_MEMBER_EPOCH", `member ${memberId} of group ${groupId} sent epoch ${memberEpoch}, but its epoch is ${member.memberEpoch}`);
  }
}

/**
 * offsetCommit computes an OffsetCommit: a group-level failure throws; otherwise each partition
 * gets a record or its own error (unknown partition, metadata too long, negative offset).
 */
export function offsetCommit(
  group: ConsumerGroupView | undefined,
  request: OffsetCommitRequest,
  topics: TopicsView,
  limits: { readonly offsetMetadataBytesMax: number; readonly nowMs: number },
): ShardResult<ItemErrors> {
  checkMemberForOffsets(group, request.groupId, request.memberId, request.memberEpoch);
  const records: GroupRecord[] = [];
  const errors = request.entries.map((entry): TributaryError | null => {
    const topic = topics.byName(entry.topic);
    if (topic === undefined || !Number.isInteger(entry.partition) || entry.partition < 0 || entry.partition >= topic.partitionCount) {
      return new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `no partition ${entry.topic}-${entry.partition}`);
    }
    if (Buffer.byteLength(entry.metadata, "utf8") > limits.offsetMetadataBytesMax) {
      return new TributaryError("INVALID_COMMIT_OFFSET_SIZE", `offset metadata for ${entry.topic}-${entry.partition} is longer than ${limits.offsetMetadataBytesMax} bytes`);
    }
    if (entry.offset < 0n || entry.offset > INT64_MAX) return new TributaryError("INVALID_REQUEST", `offset ${entry.offset} for ${entry.topic}-${entry.partition} is not a valid offset`);
    records.push({
      type: "offset-commit",
      groupId: request.groupId,
      topic: entry.topic,
      partition: entry.partition,
      value: { offset: entry.offset, leaderEpoch: Math.max(-1, entry.leaderEpoch), metadata: entry.metadata, commitTimestampMs: limits.nowMs },
    });
    return null;
  });
  return { records, response: errors, timers: [] };
}

/** offsetFetch reads committed offsets: the requested ones (-1 when none) or all of the group's. */
export function offsetFetch(group: ConsumerGroupView | undefined, offsets: OffsetStore, request: OffsetFetchRequest): FetchedOffset[] {
  if (request.memberId !== "") checkMemberForOffsets(group, request.groupId, request.memberId, request.memberEpoch);
  if (request.topics === undefined) {
    return offsets.offsetsOf(request.groupId).map(({ topic, partition, value }) => ({ topic, partition, offset: value.offset, leaderEpoch: value.leaderEpoch, metadata: value.metadata }));
  }
  return request.topics.flatMap(({ topic, partitions }) =>
    partitions.map((partition) => {
      const value = offsets.get(request.groupId, topic, partition);
      return value === undefined
        ? { topic, partition, offset: -1n, leaderEpoch: -1, metadata: undefined }
        : { topic, partition, offset: value.offset, leaderEpoch: value.leaderEpoch, metadata: value.metadata };
    }),
  );
}
