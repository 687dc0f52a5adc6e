import type { Assignment } from "./assignment.js";
import { currentAssignmentOf, subscriptionOf, type ConsumerGroupMember } from "./consumer-group-member.js";
import type { ConsumerGroupView } from "./consumer-group.js";
import type { CurrentAssignmentValue, GroupRecord } from "./group-records.js";
import { subscriptionMetadataEqual, subscriptionMetadataOf } from "./group-subscriptions.js";
import type { TopicRegexCache } from "./topic-regex.js";
import type { TopicMetadata, TopicsView } from "./topics-view.js";

/** memberSubscriptionRecord states a member's subscription. */
export function memberSubscriptionRecord(groupId: string, member: ConsumerGroupMember): GroupRecord {
  return { type: "member-subscription", groupId, memberId: member.memberId, value: subscriptionOf(member) };
}

/** currentAssignmentRecord states where a member's reconciliation stands. */
export function currentAssignmentRecord(groupId: string, memberId: string, value: CurrentAssignmentValue): GroupRecord {
  return { type: "current-assignment", groupId, memberId, value: currentAssignmentOf(value) };
}

/** targetAssignmentRecord states a member's target assignment. */
export function targetAssignmentRecord(groupId: string, memberId: string, assignment: Assignment): GroupRecord {
  return { type: "target-assignment-member", groupId, memberId, value: { assignment } };
}

/** groupEpochRecord states a group's epoch. */
export function groupEpochRecord(groupId: string, groupEpoch: number): GroupRecord {
  return { type: "group-metadata", groupId, value: { groupEpoch } };
}

/** subscriptionMetadataRecord states a group's subscribed topics. */
export function subscriptionMetadataRecord(groupId: string, topics: readonly TopicMetadata[]): GroupRecord {
  return { type: "subscription-metadata", groupId, value: { topics } };
}

/**
 * memberRemovalRecords delete a member: its current assignment first (so its partitions are free),
 * then its target, then the member itself (Kafka's consumerGroupFencingRecords order).
 */
export function memberRemovalRecords(groupId: string, memberId: string): GroupRecord[] {
  return [
    { type: "current-assignment", groupId, memberId, value: null },
    { type: "target-assignment-member", groupId, memberId, value: null },
    { type: "member-subscription", groupId, memberId, value: null },
  ];
}

/**
 * fenceMemberRecords remove a member and bump the group epoch, so the others get a new target
 * assignment without it (a leave, a session timeout, a rebalance timeout). The subscription
 * metadata is restated when the member was the last one subscribed to some topic.
 */
export function fenceMemberRecords(group: ConsumerGroupView, memberId: string, topics: TopicsView, regexes: TopicRegexCache): GroupRecord[] {
  const records = memberRemovalRecords(group.groupId, memberId);
  const remaining = [...group.members.values()].filter((member) => member.memberId !== memberId);
  const metadata = subscriptionMetadataOf(remaining, topics, regexes);
  if (!subscriptionMetadataEqual(metadata, group.subscriptionMetadata)) records.push(subscriptionMetadataRecord(group.groupId, metadata));
  records.push(groupEpochRecord(group.groupId, group.groupEpoch + 1));
  return records;
}
