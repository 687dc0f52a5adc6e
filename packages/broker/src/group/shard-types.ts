import type { TributaryError } from "@tributary/client/internal/errors";
import type { Assignment } from "./assignment.js";
import type { GroupState } from "./consumer-group.js";
import type { GroupRecord } from "./group-records.js";

/** OwnedTopicPartitions is one topic of what a member says it owns: by id, or by name when the id is empty. */
export interface OwnedTopicPartitions {
  readonly topicId: string;
  readonly topicName: string;
  readonly partitions: readonly number[];
}

/**
 * HeartbeatRequest is a ConsumerGroupHeartbeat as the state machine takes it. Absent (undefined)
 * fields mean "unchanged since the last heartbeat" (KIP-848 sends them only when they change).
 */
export interface HeartbeatRequest {
  readonly groupId: string;
  /** Empty to join and get an id from the coordinator. */
  readonly memberId: string;
  /** 0 to join, -1 to leave, -2 to leave as a static member that will return, else the member's epoch. */
  readonly memberEpoch: number;
  readonly instanceId: string | undefined;
  readonly rackId: string | undefined;
  readonly rebalanceTimeoutMs: number | undefined;
  readonly sessionTimeoutMs: number | undefined;
  /** The subscription, replacing the previous one as a whole (names and regex together). */
  readonly subscription: { readonly topicNames: readonly string[]; readonly topicRegex: string | undefined } | undefined;
  /** The assignor asked for; "" for the group's default. */
  readonly serverAssignor: string | undefined;
  /** What the member owns now; undefined when this heartbeat does not say. */
  readonly ownedPartitions: readonly OwnedTopicPartitions[] | undefined;
  readonly clientId: string;
  readonly clientHost: string;
}

/** HeartbeatResponse is the answer to a successful heartbeat. */
export interface HeartbeatResponse {
  readonly memberId: string;
  readonly memberEpoch: number;
  readonly heartbeatIntervalMs: number;
  /** What the member should own, when it may not know it yet; undefined otherwise. */
  readonly assignment: Assignment | undefined;
}

/** OffsetCommitEntry is one partition of an OffsetCommit. */
export interface OffsetCommitEntry {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly leaderEpoch: number;
  readonly metadata: string;
}

/** OffsetCommitRequest is an OffsetCommit; an empty member id is an administrative commit. */
export interface OffsetCommitRequest {
  readonly groupId: string;
  readonly memberId: string;
  readonly memberEpoch: number;
  readonly entries: readonly OffsetCommitEntry[];
}

/** OffsetFetchRequest asks for committed offsets: of `topics`, or every one of the group when undefined. */
export interface OffsetFetchRequest {
  readonly groupId: string;
  readonly memberId: string;
  readonly memberEpoch: number;
  readonly topics: readonly { readonly topic: string; readonly partitions: readonly number[] }[] | undefined;
}

/** FetchedOffset is one committed offset, or offset -1 when the group has none for the partition. */
export interface FetchedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly leaderEpoch: number;
  readonly metadata: string | undefined;
}

/** DescribedMember is one member as DescribeGroups reports it. */
export interface DescribedMember {
  readonly memberId: string;
  readonly instanceId: string | undefined;
  readonly clientId: string;
  readonly clientHost: string;
  readonly memberEpoch: number;
  readonly subscribedTopicNames: readonly string[];
  readonly subscribedTopicRegex: string | undefined;
  readonly assignment: Assignment;
  readonly targetAssignment: Assignment;
}

/** GroupDescription is one group as DescribeGroups reports it. */
export interface GroupDescription {
  readonly groupId: string;
  readonly state: GroupState;
  readonly assignor: string;
  readonly groupEpoch: number;
  readonly assignmentEpoch: number;
  readonly members: readonly DescribedMember[];
}

/**
 * TimerChange is a timer the runtime must set or cancel once a result's records have committed.
 * The state machine holds no clocks; it says which deadlines its transitions start or end:
 * - "session": (re)start the member's session timeout (every heartbeat, KIP-848);
 * - "rebalance": start the member's rebalance timeout for revoking at `memberEpoch`;
 * - "cancel-rebalance": the member is not revoking anything any more;
 * - "cancel-all": the member is gone.
 */
export type TimerChange =
  | { readonly kind: "session"; readonly groupId: string; readonly memberId: string; readonly timeoutMs: number }
  | { readonly kind: "rebalance"; readonly groupId: string; readonly memberId: string; readonly memberEpoch: number; readonly timeoutMs: number }
  | { readonly kind: "cancel-rebalance"; readonly groupId: string; readonly memberId: string }
  | { readonly kind: "cancel-all"; readonly groupId: string; readonly memberId: string };

/**
 * ShardResult is what a state machine operation returns, as the controller's managers do
 * (DESIGN.md decision 5): the records to write, the response to give once they are committed,
 * and the timers to change then. Nothing is changed by computing it; replaying `records` is the
 * only way the state moves.
 */
export interface ShardResult<R> {
  readonly records: readonly GroupRecord[];
  readonly response: R;
  readonly timers: readonly TimerChange[];
}

/** ItemErrors is a per-item outcome list: null for success. */
export type ItemErrors = readonly (TributaryError | null)[];
