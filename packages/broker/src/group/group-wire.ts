import type { ConsumerGroupAssignment } from "@tributary/client/internal/generated/tributary/v1/ConsumerGroupAssignment";
import type { ConsumerGroupHeartbeatRequest__Output } from "@tributary/client/internal/generated/tributary/v1/ConsumerGroupHeartbeatRequest";
import type { DescribedGroup } from "@tributary/client/internal/generated/tributary/v1/DescribedGroup";
import type { OffsetCommitRequest__Output } from "@tributary/client/internal/generated/tributary/v1/OffsetCommitRequest";
import type { OffsetFetchRequest__Output } from "@tributary/client/internal/generated/tributary/v1/OffsetFetchRequest";
import type { OffsetFetchTopicResult } from "@tributary/client/internal/generated/tributary/v1/OffsetFetchTopicResult";
import type { TopicPartitions } from "@tributary/client/internal/generated/tributary/v1/TopicPartitions";
import { NO_ERROR } from "@tributary/client/internal/wire";
import { assignmentToList, type Assignment } from "./assignment.js";
import { JOIN_MEMBER_EPOCH } from "./consumer-group-member.js";
import type { FetchedOffset, GroupDescription, HeartbeatRequest, OffsetCommitRequest, OffsetFetchRequest } from "./shard-types.js";
import type { TopicsView } from "./topics-view.js";

/** clientHostOf turns a gRPC peer ("ipv4:10.0.0.5:51234") into Kafka's client host form ("/10.0.0.5"). */
export function clientHostOf(peer: string): string {
  const address = peer.replace(/^ipv[46]:/, "");
  const host = address.startsWith("[") ? address.slice(1, address.indexOf("]")) : address.replace(/:\d+$/, "");
  return `/${host}`;
}

/**
 * heartbeatFromWire reads a ConsumerGroupHeartbeat. proto3 cannot tell an empty list from an absent
 * one, so the subscription counts as sent when it names topics or a regex (or on a join, when it is
 * always sent); rebalance and session timeouts of 0 or -1 mean unchanged; an empty instance or rack
 * id means none; owned partitions count only when `owned_partitions_present` says so (or on a join,
 * where the member owns nothing yet).
 */
export function heartbeatFromWire(request: ConsumerGroupHeartbeatRequest__Output, clientHost: string): HeartbeatRequest {
  const joining = request.memberEpoch === JOIN_MEMBER_EPOCH;
  const regex = request.subscribedTopicRegex ?? undefined;
  const names = request.subscribedTopicNames;
  const subscriptionSent = joining || names.length > 0 || regex !== undefined;
  return {
    groupId: request.groupId,
    memberId: request.memberId,
    memberEpoch: request.memberEpoch,
    instanceId: nonEmpty(request.instanceId),
    rackId: nonEmpty(request.rackId),
    rebalanceTimeoutMs: request.rebalanceTimeoutMs > 0 ? request.rebalanceTimeoutMs : undefined,
    sessionTimeoutMs: request.sessionTimeoutMs > 0 ? request.sessionTimeoutMs : undefined,
    subscription: subscriptionSent ? { topicNames: names, topicRegex: nonEmpty(regex) } : undefined,
    serverAssignor: request.serverAssignor ?? undefined,
    ownedPartitions: request.ownedPartitionsPresent
      ? request.ownedPartitions.map((topic) => ({ topicId: topic.topicId, topicName: topic.topic, partitions: topic.partitions }))
      : joining
        ? []
        : undefined,
    clientId: request.clientId,
    clientHost,
  };
}

/** assignmentToWire lists an assignment with each topic's id and name; topics deleted meanwhile are left out. */
export function assignmentToWire(assignment: Assignment, topics: TopicsView): TopicPartitions[] {
  return assignmentToList(assignment).flatMap(({ topicId, partitions }) => {
    const topic = topics.byId(topicId);
    return topic === undefined ? [] : [{ topicId, topic: topic.name, partitions: [...partitions] }];
  });
}

/** heartbeatAssignmentToWire is the response's assignment, or null when there is none to send. */
export function heartbeatAssignmentToWire(assignment: Assignment | undefined, topics: TopicsView): ConsumerGroupAssignment | null {
  return assignment === undefined ? null : { partitions: assignmentToWire(assignment, topics) };
}

/** offsetCommitFromWire reads an OffsetCommit; an offset that is not an integer becomes -1 and is refused per partition. */
export function offsetCommitFromWire(request: OffsetCommitRequest__Output): OffsetCommitRequest {
  return {
    groupId: request.groupId,
    memberId: request.memberId,
    memberEpoch: request.memberEpoch,
    entries: request.topics.flatMap((topic) =>
      topic.partitions.map((partition) => ({
        topic: topic.name,
        partition: partition.partition,
        offset: parseInt64(partition.committedOffset),
        leaderEpoch: partition.committedLeaderEpoch,
        metadata: partition.metadata ?? "",
      })),
    ),
  };
}

/** offsetFetchFromWire reads an OffsetFetch; topics named only by id are resolved to names. */
export function offsetFetchFromWire(request: OffsetFetchRequest__Output, topics: TopicsView): OffsetFetchRequest {
  return {
    groupId: request.groupId,
    memberId: request.memberId,
    memberEpoch: request.memberEpoch,
    topics:
      request.topics.length === 0
        ? undefined
        : request.topics.map((topic) => ({ topic: topic.topic !== "" ? topic.topic : (topics.byId(topic.topicId)?.name ?? topic.topicId), partitions: topic.partitions })),
  };
}

/** offsetFetchToWire groups fetched offsets by topic, in the order they come. */
export function offsetFetchToWire(offsets: readonly FetchedOffset[]): OffsetFetchTopicResult[] {
  const byTopic = new Map<string, OffsetFetchTopicResult & { partitions: NonNullable<OffsetFetchTopicResult["partitions"]> }>();
  for (const offset of offsets) {
    let topic = byTopic.get(offset.topic);
    if (topic === undefined) byTopic.set(offset.topic, (topic = { name: offset.topic, partitions: [] }));
    topic.partitions.push({
      partition: offset.partition,
      error: NO_ERROR,
      committedOffset: offset.offset.toString(),
      committedLeaderEpoch: offset.leaderEpoch,
      ...(offset.metadata === undefined ? {} : { metadata: offset.metadata }),
    });
  }
  return [...byTopic.values()];
}

/** describedGroupToWire renders a group description. */
export function describedGroupToWire(description: GroupDescription, coordinatorId: number, topics: TopicsView): DescribedGroup {
  return {
    groupId: description.groupId,
    error: NO_ERROR,
    state: description.state,
    assignor: description.assignor,
    groupEpoch: description.groupEpoch,
    assignmentEpoch: description.assignmentEpoch,
    coordinatorId,
    members: description.members.map((member) => ({
      memberId: member.memberId,
      ...(member.instanceId === undefined ? {} : { instanceId: member.instanceId }),
      clientId: member.clientId,
      clientHost: member.clientHost,
      memberEpoch: member.memberEpoch,
      subscribedTopicNames: [...member.subscribedTopicNames],
      ...(member.subscribedTopicRegex === undefined ? {} : { subscribedTopicRegex: member.subscribedTopicRegex }),
      assignment: assignmentToWire(member.assignment, topics),
      targetAssignment: assignmentToWire(member.targetAssignment, topics),
    })),
  };
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === undefined || value === null || value === "" ? undefined : value;
}

function parseInt64(value: string): bigint {
  try {
    return BigInt(value);
  } catch {
    return -1n;
  }
}
