import type { Assignment } from "./assignment.js";

/** AssignmentMemberSpec is what an assignor knows of one member. */
export interface AssignmentMemberSpec {
  readonly memberId: string;
  readonly instanceId: string | undefined;
  readonly rackId: string | undefined;
  /** The topic ids the member subscribes to that exist (names and regex matches resolved). */
  readonly subscribedTopicIds: ReadonlySet<string>;
  /** The member's current target assignment, for stickiness. */
  readonly currentTarget: Assignment;
}

/** AssignmentSpec is an assignor's input: the members and the partition count of every subscribed topic. */
export interface AssignmentSpec {
  readonly members: readonly AssignmentMemberSpec[];
  /** topic id -> partition count, for every topic some member subscribes to. */
  readonly partitionCounts: ReadonlyMap<string, number>;
}

/** GroupAssignment maps every member id of the spec to its new target assignment. */
export type GroupAssignment = ReadonlyMap<string, Assignment>;

/**
 * PartitionAssignor is a server-side assignor (KIP-848's ConsumerGroupPartitionAssignor): a pure,
 * deterministic function from the spec to a target assignment in which every partition of a
 * subscribed topic goes to exactly one member subscribed to its topic. The coordinator hands the
 * result over incrementally, so an assignor never has to care who owns what right now.
 */
export interface PartitionAssignor {
  readonly name: string;
  assign(spec: AssignmentSpec): GroupAssignment;
}

/** compareMemberIds orders members deterministically, so equal inputs give equal assignments. */
export function compareMemberIds(a: AssignmentMemberSpec, b: AssignmentMemberSpec): number {
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}
