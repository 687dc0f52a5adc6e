import { EMPTY_ASSIGNMENT, assignmentsEqual } from "./assignment.js";
import type { CurrentAssignmentValue, MemberSubscriptionValue } from "./group-records.js";

/** JOIN_MEMBER_EPOCH is the epoch a member heartbeats with to join or rejoin (KIP-848). */
export const JOIN_MEMBER_EPOCH = 0;
/** LEAVE_MEMBER_EPOCH is the epoch a member heartbeats with to leave the group. */
export const LEAVE_MEMBER_EPOCH = -1;
/**
 * LEAVE_STATIC_MEMBER_EPOCH is the epoch a static member heartbeats with when it stops but will
 * return: its assignment is kept for it until its session times out (KIP-848, after KIP-345).
 */
export const LEAVE_STATIC_MEMBER_EPOCH = -2;

/**
 * ConsumerGroupMember is one member as the coordinator knows it: what it subscribed to (from its
 * member-subscription record) and where its reconciliation stands (from its current-assignment
 * record). Values are immutable; a change makes a new member.
 */
export interface ConsumerGroupMember extends MemberSubscriptionValue, CurrentAssignmentValue {
  readonly memberId: string;
}

/** NEW_MEMBER_ASSIGNMENT is where a member starts: epoch 0, owning nothing. */
export const NEW_MEMBER_ASSIGNMENT: CurrentAssignmentValue = {
  memberEpoch: JOIN_MEMBER_EPOCH,
  previousMemberEpoch: JOIN_MEMBER_EPOCH,
  state: "stable",
  assigned: EMPTY_ASSIGNMENT,
  pendingRevocation: EMPTY_ASSIGNMENT,
};

/** subscriptionOf is the member-subscription record value of a member. */
export function subscriptionOf(member: ConsumerGroupMember): MemberSubscriptionValue {
  return {
    instanceId: member.instanceId,
    rackId: member.rackId,
    clientId: member.clientId,
    clientHost: member.clientHost,
    subscribedTopicNames: member.subscribedTopicNames,
    subscribedTopicRegex: member.subscribedTopicRegex,
    serverAssignor: member.serverAssignor,
    rebalanceTimeoutMs: member.rebalanceTimeoutMs,
    sessionTimeoutMs: member.sessionTimeoutMs,
  };
}

/** currentAssignmentOf is the current-assignment record value of a member. */
export function currentAssignmentOf(member: CurrentAssignmentValue): CurrentAssignmentValue {
  return {
    memberEpoch: member.memberEpoch,
    previousMemberEpoch: member.previousMemberEpoch,
    state: member.state,
    assigned: member.assigned,
    pendingRevocation: member.pendingRevocation,
  };
}

/** subscriptionsEqual tells whether two subscription values are the same. */
export function subscriptionsEqual(a: MemberSubscriptionValue, b: MemberSubscriptionValue): boolean {
  return (
    a.instanceId === b.instanceId &&
    a.rackId === b.rackId &&
    a.clientId === b.clientId &&
    a.clientHost === b.clientHost &&
    a.subscribedTopicRegex === b.subscribedTopicRegex &&
    a.serverAssignor === b.serverAssignor &&
    a.rebalanceTimeoutMs === b.rebalanceTimeoutMs &&
    a.sessionTimeoutMs === b.sessionTimeoutMs &&
    a.subscribedTopicNames.length === b.subscribedTopicNames.length &&
    a.subscribedTopicNames.every((name, index) => name === b.subscribedTopicNames[index])
  );
}

/** currentAssignmentsEqual tells whether two current-assignment values are the same. */
export function currentAssignmentsEqual(a: CurrentAssignmentValue, b: CurrentAssignmentValue): boolean {
  return (
    a.memberEpoch === b.memberEpoch &&
    a.previousMemberEpoch === b.previousMemberEpoch &&
    a.state === b.state &&
    assignmentsEqual(a.assigned, b.assigned) &&
    assignmentsEqual(a.pendingRevocation, b.pendingRevocation)
  );
}
