import type { Assignment } from "./assignment.js";
import type { TopicMetadata } from "./topics-view.js";

/**
 * MemberState is where a member is in reconciling toward its target assignment (KIP-848's
 * MemberState):
 * - "stable": it owns exactly what it was given at its epoch;
 * - "unrevoked-partitions": it must first give up `pendingRevocation`; its epoch stays put until
 *   a heartbeat shows it no longer owns them;
 * - "unreleased-partitions": it is at the target epoch but waits for partitions that another member
 *   has not released yet.
 */
export type MemberState = "stable" | "unrevoked-partitions" | "unreleased-partitions";

/** GroupMetadataValue is a group's epoch, bumped when membership, subscriptions or their topics change. */
export interface GroupMetadataValue {
  readonly groupEpoch: number;
}

/** MemberSubscriptionValue is what a member declared about itself (KIP-848's ConsumerGroupMemberMetadata). */
export interface MemberSubscriptionValue {
  readonly instanceId: string | undefined;
  readonly rackId: string | undefined;
  readonly clientId: string;
  readonly clientHost: string;
  readonly subscribedTopicNames: readonly string[];
  readonly subscribedTopicRegex: string | undefined;
  /** The assignor the member asked for, undefined for the group's default. */
  readonly serverAssignor: string | undefined;
  readonly rebalanceTimeoutMs: number;
  readonly sessionTimeoutMs: number;
}

/**
 * SubscriptionMetadataValue is every topic some member subscribes to, with its partition count when
 * the group epoch was last bumped (KIP-848's ConsumerGroupPartitionMetadata): a change of it is
 * what bumps the group epoch when topics are created, deleted or grow.
 */
export interface SubscriptionMetadataValue {
  readonly topics: readonly TopicMetadata[];
}

/** TargetAssignmentValue is the partitions the assignor chose for one member. */
export interface TargetAssignmentValue {
  readonly assignment: Assignment;
}

/** TargetAssignmentMetadataValue is the group epoch the target assignment was computed at. */
export interface TargetAssignmentMetadataValue {
  readonly assignmentEpoch: number;
}

/** CurrentAssignmentValue is where one member's reconciliation stands (KIP-848's ConsumerGroupCurrentMemberAssignment). */
export interface CurrentAssignmentValue {
  /** The member's epoch: 0 before its first assignment, -2 after a static member left to return. */
  readonly memberEpoch: number;
  readonly previousMemberEpoch: number;
  readonly state: MemberState;
  /** What the member owns and has been told it owns. */
  readonly assigned: Assignment;
  /** What the member still owns but has been told to give up. */
  readonly pendingRevocation: Assignment;
}

/** OffsetCommitValue is one committed offset. */
export interface OffsetCommitValue {
  readonly offset: bigint;
  /** The leader epoch of the last consumed record, -1 when unknown. */
  readonly leaderEpoch: number;
  readonly metadata: string;
  /** Wall-clock time of the commit, for describing and (later) offset expiry. */
  readonly commitTimestampMs: number;
}

/**
 * GroupRecord is one record of a group coordinator's state in `__consumer_offsets`. Each kind has a
 * key (the record kind, the group and what identifies the entry within it) and a value; a null
 * value is a tombstone that deletes the entry, so the topic can be compacted by key. Replaying a
 * partition's records in order rebuilds exactly the state its coordinator acknowledged.
 */
export type GroupRecord =
  | { readonly type: "offset-commit"; readonly groupId: string; readonly topic: string; readonly partition: number; readonly value: OffsetCommitValue | null }
  | { readonly type: "group-metadata"; readonly groupId: string; readonly value: GroupMetadataValue | null }
  | { readonly type: "subscription-metadata"; readonly groupId: string; readonly value: SubscriptionMetadataValue | null }
  | { readonly type: "member-subscription"; readonly groupId: string; readonly memberId: string; readonly value: MemberSubscriptionValue | null }
  | { readonly type: "target-assignment-metadata"; readonly groupId: string; readonly value: TargetAssignmentMetadataValue | null }
  | { readonly type: "target-assignment-member"; readonly groupId: string; readonly memberId: string; readonly value: TargetAssignmentValue | null }
  | { readonly type: "current-assignment"; readonly groupId: string; readonly memberId: string; readonly value: CurrentAssignmentValue | null };

/** GroupRecordType names the kinds of {@link GroupRecord}. */
export type GroupRecordType = GroupRecord["type"];
