import type { Cluster } from "../cluster/cluster.js";
import type { ItemFailure } from "../cluster/aggregate-error.js";
import { partitionKey } from "../cluster/route-to-leaders.js";
import type { TopicPartitions__Output } from "../generated/tributary/v1/TopicPartitions.js";
import { TributaryError } from "../errors/tributary-error.js";
import { errorFromWire } from "../wire/wire-errors.js";
import { throwFailures, throwIfCoordinatorMoved, throwTopLevel, withCoordinator } from "./admin-calls.js";
import type {
  CommittedPartitionOffset,
  FetchOffsetsOptions,
  GroupDescription,
  GroupLag,
  ListedGroupEntry,
  ResetOffsetsByTimestampOptions,
  ResetOffsetsOptions,
  SetOffsetsOptions,
  TopicCommittedOffsets,
  TopicPartitionsEntry,
} from "./admin-types.js";
import { computeLag } from "./group-lag.js";
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets } from "../cluster/list-offsets.js";
import { fetchTopicOffsetsByTimestamp } from "./offset-operations.js";

/**
 * listGroups asks every broker for the groups it coordinates (each coordinator knows only its
 * own) and merges the answers.
 */
export async function listGroups(cluster: Cluster): Promise<{ groups: ListedGroupEntry[] }> {
  if (cluster.brokerNodes().length === 0) await cluster.refreshMetadata("all");
  const answers = await Promise.all(
    cluster.brokerNodes().map((node) =>
      cluster.retrier.run(
        async () => {
          const response = await cluster.connectionToNode(node.nodeId).listGroups({ states: [] });
          throwTopLevel(response.error);
          return response.groups;
        },
        { operation: `ListGroups(broker ${node.nodeId})` },
      ),
    ),
  );
  const groups = new Map<string, ListedGroupEntry>();
  for (const group of answers.flat()) groups.set(group.groupId, { groupId: group.groupId, protocolType: group.protocolType, state: group.state });
  return { groups: [...groups.values()].sort((a, b) => a.groupId.localeCompare(b.groupId)) };
}

function topicPartitions(entries: readonly TopicPartitions__Output[]): TopicPartitionsEntry[] {
  return entries.map((entry) => ({ topic: entry.topic, partitions: entry.partitions }));
}

/** describeGroups describes groups, each asked of its own coordinator. */
export async function describeGroups(cluster: Cluster, groupIds: readonly string[]): Promise<{ groups: GroupDescription[] }> {
  const answers = await Promise.all(
    groupIds.map((groupId) =>
      withCoordinator(cluster, groupId, "DescribeGroups", async (connection): Promise<GroupDescription | ItemFailure> => {
        const response = await connection.describeGroups({ groupIds: [groupId] });
        const group = response.groups.find((entry) => entry.groupId === groupId);
        const error = group === undefined ? null : errorFromWire(group.error);
        throwIfCoordinatorMoved(error);
        if (group === undefined) return { item: `group ${groupId}`, error: new TributaryError("UNKNOWN_SERVER_ERROR", `the DescribeGroups response did not mention ${groupId}`) };
        if (error !== null) return { item: `group ${groupId}`, error };
        return {
          groupId,
          state: group.state,
          assignor: group.assignor,
          groupEpoch: group.groupEpoch,
          assignmentEpoch: group.assignmentEpoch,
          coordinatorId: group.coordinatorId,
          members: group.members.map((member) => ({
            memberId: member.memberId,
            instanceId: member.instanceId ?? null,
            clientId: member.clientId,
            clientHost: member.clientHost,
            memberEpoch: member.memberEpoch,
            subscribedTopicNames: member.subscribedTopicNames,
            subscribedTopicRegex: member.subscribedTopicRegex ?? null,
            assignment: topicPartitions(member.assignment),
            targetAssignment: topicPartitions(member.targetAssignment),
          })),
        };
      }),
    ),
  );
  throwFailures("describeGroups", answers.filter((answer): answer is ItemFailure => "error" in answer));
  return { groups: answers.filter((answer): answer is GroupDescription => !("error" in answer)) };
}

/** deleteGroups deletes groups (they must have no members), each on its own coordinator. */
export async function deleteGroups(cluster: Cluster, groupIds: readonly string[]): Promise<{ groupId: string }[]> {
  const answers = await Promise.all(
    groupIds.map((groupId) =>
      withCoordinator(cluster, groupId, "DeleteGroups", async (connection): Promise<ItemFailure | undefined> => {
        const response = await connection.deleteGroups({ groupIds: [groupId] });
        const error = errorFromWire(response.results.find((result) => result.groupId === groupId)?.error);
        throwIfCoordinatorMoved(error);
        cluster.invalidateCoordinator(groupId);
        return error === null ? undefined : { item: `group ${groupId}`, error };
      }),
    ),
  );
  throwFailures("deleteGroups", answers.filter((answer): answer is ItemFailure => answer !== undefined));
  return groupIds.map((groupId) => ({ groupId }));
}

/**
 * fetchOffsets reads a group's committed offsets: for the named topics, every partition (-1n
 * where nothing is committed); without topics, every offset the group committed.
 */
export async function fetchOffsets(cluster: Cluster, options: FetchOffsetsOptions): Promise<TopicCommittedOffsets[]> {
  const wanted = await Promise.all(
    (options.topics ?? []).map(async (topic) => ({ topic, partitions: (await cluster.requireTopic(topic)).partitions.map((partition) => partition.partition) })),
  );
  const { groupId } = options;
  const { byTopic, failures } = await withCoordinator(cluster, groupId, "OffsetFetch", async (connection) => {
    const response = await connection.offsetFetch({ groupId, memberId: "", memberEpoch: -1, topics: wanted.map((entry) => ({ topic: entry.topic, partitions: entry.partitions })) });
    const error = errorFromWire(response.error);
    throwIfCoordinatorMoved(error);
    if (error !== null) throw error;
    const offsets = new Map<string, CommittedPartitionOffset[]>();
    const partitionFailures: ItemFailure[] = [];
    for (const topic of response.topics) {
      for (const partition of topic.partitions) {
        const partitionError = errorFromWire(partition.error);
        if (partitionError !== null) {
          partitionFailures.push({ item: partitionKey(topic.name, partition.partition), error: partitionError });
          continue;
        }
        offsets.set(topic.name, [
          ...(offsets.get(topic.name) ?? []),
          { partition: partition.partition, offset: BigInt(partition.committedOffset), leaderEpoch: partition.committedLeaderEpoch, metadata: partition.metadata ?? null },
        ]);
      }
    }
    return { byTopic: offsets, failures: partitionFailures };
  });
  throwFailures("fetchOffsets", failures);
  for (const { topic, partitions } of wanted) {
    const known = new Set((byTopic.get(topic) ?? []).map((entry) => entry.partition));
    const none = partitions.filter((partition) => !known.has(partition)).map((partition) => ({ partition, offset: -1n, leaderEpoch: -1, metadata: null }));
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), ...none]);
  }
  return [...byTopic]
    .map(([topic, partitions]) => ({ topic, partitions: partitions.sort((a, b) => a.partition - b.partition) }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

/**
 * setOffsets commits explicit offsets for a group, as an administrator: the coordinator refuses
 * it (NON_EMPTY_GROUP or a member error) while the group has members.
 */
export async function setOffsets(cluster: Cluster, options: SetOffsetsOptions): Promise<void> {
  const { groupId, topic } = options;
  const failures = await withCoordinator(cluster, groupId, "OffsetCommit", async (connection) => {
    const response = await connection.offsetCommit({
      groupId,
      memberId: "",
      memberEpoch: -1,
      topics: [{ name: topic, partitions: options.partitions.map((entry) => ({ partition: entry.partition, committedOffset: String(entry.offset), committedLeaderEpoch: -1 })) }],
    });
    const error = errorFromWire(response.error);
    throwIfCoordinatorMoved(error);
    if (error !== null) throw error;
    const partitionFailures: ItemFailure[] = [];
    for (const result of response.topics) {
      for (const partition of result.partitions) {
        const partitionError = errorFromWire(partition.error);
        throwIfCoordinatorMoved(partitionError);
        if (partitionError !== null) partitionFailures.push({ item: partitionKey(result.name, partition.partition), error: partitionError });
      }
    }
    return partitionFailures;
  });
  throwFailures("setOffsets", failures);
}

/** resetOffsets moves a group to the latest (default) or earliest offsets of every partition of a topic. */
export async function resetOffsets(cluster: Cluster, options: ResetOffsetsOptions): Promise<void> {
  const info = await cluster.requireTopic(options.topic);
  const items = info.partitions.map((partition) => ({ topic: options.topic, partition: partition.partition }));
  const offsets = await listOffsets(cluster, items, options.earliest === true ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP);
  await setOffsets(cluster, {
    groupId: options.groupId,
    topic: options.topic,
    partitions: items.map((item) => ({ partition: item.partition, offset: offsets.get(partitionKey(item.topic, item.partition)) ?? 0n })),
  });
}

/** resetOffsetsByTimestamp moves a group to the first offsets at or after a time (the end where none is). */
export async function resetOffsetsByTimestamp(cluster: Cluster, options: ResetOffsetsByTimestampOptions): Promise<void> {
  const offsets = await fetchTopicOffsetsByTimestamp(cluster, options.topic, options.timestamp);
  await setOffsets(cluster, { groupId: options.groupId, topic: options.topic, partitions: offsets });
}

/**
 * fetchGroupLag reports a group's committed offset, log end and lag per partition (the
 * `kafka-consumer-groups --describe` table), for the named topics or those it committed to.
 */
export async function fetchGroupLag(cluster: Cluster, options: FetchOffsetsOptions): Promise<GroupLag> {
  const committed = await fetchOffsets(cluster, options);
  const items = committed.flatMap((topic) => topic.partitions.map((partition) => ({ topic: topic.topic, partition: partition.partition, committed: partition.offset })));
  const ends = await listOffsets(cluster, items, LATEST_TIMESTAMP);
  let totalLag = 0n;
  const partitions = items.map((item) => {
    const logEndOffset = ends.get(partitionKey(item.topic, item.partition)) ?? -1n;
    const lag = computeLag(item.committed, logEndOffset);
    if (lag !== null) totalLag += lag;
    return { topic: item.topic, partition: item.partition, committedOffset: item.committed, logEndOffset, lag };
  });
  return { groupId: options.groupId, partitions, totalLag };
}
