import { TributaryError } from "@tributary/client/internal/errors";
import { ASSIGNORS, DEFAULT_ASSIGNOR } from "./assignors.js";
import type { ConsumerGroupMember } from "./consumer-group-member.js";
import type { MemberSubscriptionValue } from "./group-records.js";
import type { PartitionAssignor } from "./partition-assignor.js";
import type { TopicRegexCache } from "./topic-regex.js";
import type { TopicMetadata, TopicsView } from "./topics-view.js";

/**
 * subscribedTopics resolves a member's subscription against the topics that exist: its named
 * topics plus the topics its regex matches. Names of missing topics are skipped (they count once
 * created). A stored regex that no longer compiles matches nothing rather than stalling the group.
 */
export function subscribedTopics(member: MemberSubscriptionValue, topics: TopicsView, regexes: TopicRegexCache): TopicMetadata[] {
  const found = new Map<string, TopicMetadata>();
  for (const name of member.subscribedTopicNames) {
    const topic = topics.byName(name);
    if (topic !== undefined) found.set(topic.name, topic);
  }
  if (member.subscribedTopicRegex !== undefined) {
    try {
      for (const topic of regexes.matching(member.subscribedTopicRegex, topics)) found.set(topic.name, topic);
    } catch (error) {
      if (!(error instanceof TributaryError)) throw error;
    }
  }
  return [...found.values()];
}

/**
 * subscriptionMetadataOf is every topic some member subscribes to, sorted by name: the value of a
 * subscription-metadata record. When it differs from the stored one the group epoch is bumped,
 * which is how topic creation, deletion and partition growth reach the assignment (KIP-848).
 */
export function subscriptionMetadataOf(members: Iterable<ConsumerGroupMember>, topics: TopicsView, regexes: TopicRegexCache): TopicMetadata[] {
  const found = new Map<string, TopicMetadata>();
  for (const member of members) for (const topic of subscribedTopics(member, topics, regexes)) found.set(topic.name, topic);
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** subscriptionMetadataEqual compares a computed subscription metadata list with the stored one. */
export function subscriptionMetadataEqual(computed: readonly TopicMetadata[], stored: ReadonlyMap<string, TopicMetadata>): boolean {
  if (computed.length !== stored.size) return false;
  return computed.every((topic) => {
    const other = stored.get(topic.name);
    return other !== undefined && other.topicId === topic.topicId && other.partitionCount === topic.partitionCount;
  });
}

/** subscriptionsDiffer tells whether two subscriptions would assign differently: topics, regex or assignor. */
export function subscriptionsDiffer(a: MemberSubscriptionValue, b: MemberSubscriptionValue): boolean {
  return (
    a.subscribedTopicRegex !== b.subscribedTopicRegex ||
    a.serverAssignor !== b.serverAssignor ||
    a.subscribedTopicNames.length !== b.subscribedTopicNames.length ||
    a.subscribedTopicNames.some((name, index) => name !== b.subscribedTopicNames[index])
  );
}

/**
 * preferredAssignor is the assignor most members ask for (Kafka's ConsumerGroup
 * computePreferredServerAssignor), ties to the smaller name; the default when none asks.
 */
export function preferredAssignor(members: Iterable<ConsumerGroupMember>): PartitionAssignor {
  const votes = new Map<string, number>();
  for (const member of members) if (member.serverAssignor !== undefined) votes.set(member.serverAssignor, (votes.get(member.serverAssignor) ?? 0) + 1);
  let best: string | undefined;
  for (const [name, count] of votes) {
    const bestCount = best === undefined ? 0 : votes.get(best)!;
    if (count > bestCount || (count === bestCount && best !== undefined && name < best)) best = name;
  }
  return (best === undefined ? undefined : ASSIGNORS.get(best)) ?? DEFAULT_ASSIGNOR;
}
