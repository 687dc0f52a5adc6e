import type { Cluster } from "../cluster/cluster.js";
import type { TopicInfo } from "../cluster/cluster-metadata.js";
import { TributaryError } from "../errors/tributary-error.js";
import { errorFromWire as errorOf } from "../wire/wire-errors.js";
import { retryItems, throwFailures, throwTopLevel } from "./admin-calls.js";
import type {
  CreatePartitionsOptions,
  CreateTopicsOptions,
  DeleteTopicsOptions,
  PartitionDescription,
  TopicDescription,
  TopicMetadataEntry,
} from "./admin-types.js";
import { waitForLeaders } from "./wait-for-leaders.js";

/** DEFAULT_ADMIN_TIMEOUT_MS is KafkaJS's default admin timeout. */
export const DEFAULT_ADMIN_TIMEOUT_MS = 5_000;

/** listTopics lists every topic's name, internal topics excluded, sorted. */
export async function listTopics(cluster: Cluster): Promise<string[]> {
  await cluster.refreshMetadata("all");
  return [...cluster.metadata.topics.values()].filter((topic) => !topic.isInternal).map((topic) => topic.name).sort();
}

/**
 * createTopics creates topics and, by default, waits until every new partition has a leader.
 * Returns false when some topic already existed (the others are created), as KafkaJS does.
 *
 * @throws TributaryError (or TributaryAggregateError) for topics refused for another reason.
 */
export async function createTopics(cluster: Cluster, options: CreateTopicsOptions): Promise<boolean> {
  const timeoutMs = options.timeout ?? DEFAULT_ADMIN_TIMEOUT_MS;
  const validateOnly = options.validateOnly ?? false;
  if (options.topics.length === 0) return true;
  const { results, failures } = await retryItems(
    cluster,
    "createTopics",
    options.topics,
    (topic) => topic.topic,
    async (connection, topics) => {
      const response = await connection.createTopics({
        validateOnly,
        timeoutMs,
        topics: topics.map((topic) => {
          const assigned = (topic.replicaAssignment?.length ?? 0) > 0;
          return {
            name: topic.topic,
            numPartitions: assigned ? -1 : (topic.numPartitions ?? -1),
            replicationFactor: assigned ? -1 : (topic.replicationFactor ?? -1),
            assignments: (topic.replicaAssignment ?? []).map((entry) => ({ partition: entry.partition, brokerIds: [...entry.replicas] })),
            configs: (topic.configEntries ?? []).map((entry) => ({ name: entry.name, value: entry.value })),
          };
        }),
      });
      throwTopLevel(response.error);
      return response.topics.map((topic) => ({ item: topic.name, error: errorOf(topic.error), result: topic.numPartitions }));
    },
  );
  const existing = failures.filter((failure) => failure.error.code === "TOPIC_ALREADY_EXISTS");
  throwFailures("createTopics", failures.filter((failure) => failure.error.code !== "TOPIC_ALREADY_EXISTS"));
  for (const topic of results.keys()) cluster.metadata.markStale(topic);
  if ((options.waitForLeaders ?? true) && !validateOnly && results.size > 0) {
    const expected = new Map([...results].map(([topic, count]) => [topic, Math.max(count, 1)]));
    await waitForLeaders(cluster, expected, timeoutMs);
  }
  return existing.length === 0;
}

/**
 * deleteTopics deletes topics.
 *
 * @throws TributaryError (or an aggregate) naming topics that could not be deleted, unknown ones included.
 */
export async function deleteTopics(cluster: Cluster, options: DeleteTopicsOptions): Promise<void> {
  const timeoutMs = options.timeout ?? DEFAULT_ADMIN_TIMEOUT_MS;
  const { failures } = await retryItems(
    cluster,
    "deleteTopics",
    options.topics,
    (topic) => topic,
    async (connection, names) => {
      const response = await connection.deleteTopics({ names: [...names], timeoutMs });
      throwTopLevel(response.error);
      return response.topics.map((topic) => ({ item: topic.name, error: errorOf(topic.error) }));
    },
    // An unknown topic is retriable for producers (it may be being created); here it is final.
    (error) => error.retriable && error.code !== "UNKNOWN_TOPIC_OR_PARTITION",
  );
  for (const topic of options.topics) cluster.metadata.markStale(topic);
  throwFailures("deleteTopics", failures);
}

/**
 * createPartitions grows topics to `count` partitions. Explicit `assignments` list the replicas
 * of the new partitions in order, so the current partition count is read first.
 */
export async function createPartitions(cluster: Cluster, options: CreatePartitionsOptions): Promise<void> {
  const timeoutMs = options.timeout ?? DEFAULT_ADMIN_TIMEOUT_MS;
  const requests = await Promise.all(
    options.topicPartitions.map(async (entry) => {
      const assignments = entry.assignments ?? [];
      const firstNew = assignments.length > 0 ? (await cluster.requireTopic(entry.topic)).partitions.length : 0;
      return {
        name: entry.topic,
        count: entry.count,
        assignments: assignments.map((replicas, index) => ({ partition: firstNew + index, brokerIds: [...replicas] })),
      };
    }),
  );
  const { failures } = await retryItems(
    cluster,
    "createPartitions",
    requests,
    (request) => request.name,
    async (connection, topics) => {
      const response = await connection.createPartitions({ topics: [...topics], validateOnly: options.validateOnly ?? false, timeoutMs });
      throwTopLevel(response.error);
      return response.topics.map((topic) => ({ item: topic.name, error: errorOf(topic.error) }));
    },
  );
  for (const request of requests) cluster.metadata.markStale(request.name);
  throwFailures("createPartitions", failures);
}

/**
 * fetchTopicMetadata describes topics in KafkaJS's shape (every topic when none are named).
 *
 * @throws TributaryError UNKNOWN_TOPIC_OR_PARTITION naming the topics that do not exist.
 */
export async function fetchTopicMetadata(cluster: Cluster, topics?: readonly string[]): Promise<{ topics: TopicMetadataEntry[] }> {
  const infos = await topicInfos(cluster, topics);
  return {
    topics: infos.map((info) => ({
      name: info.name,
      topicId: info.topicId,
      isInternal: info.isInternal,
      partitions: info.partitions.map((partition) => ({
        partitionErrorCode: partition.error?.wireCode ?? 0,
        partitionId: partition.partition,
        leader: partition.leader,
        leaderEpoch: partition.leaderEpoch,
        replicas: partition.replicas,
        isr: partition.isr,
        offlineReplicas: partition.offlineReplicas,
      })),
    })),
  };
}

/** describeTopics reports each partition's leader, replicas and health. */
export async function describeTopics(cluster: Cluster, topics: readonly string[]): Promise<TopicDescription[]> {
  const infos = await topicInfos(cluster, topics);
  return infos.map((info) => ({
    name: info.name,
    topicId: info.topicId,
    isInternal: info.isInternal,
    partitions: info.partitions.map(
      (partition): PartitionDescription => ({
        partition: partition.partition,
        leader: partition.leader >= 0 ? partition.leader : null,
        leaderEpoch: partition.leaderEpoch,
        replicas: partition.replicas,
        isr: partition.isr,
        offlineReplicas: partition.offlineReplicas,
        offline: partition.leader < 0,
        underReplicated: partition.isr.length < partition.replicas.length,
      }),
    ),
  }));
}

async function topicInfos(cluster: Cluster, topics: readonly string[] | undefined): Promise<TopicInfo[]> {
  if (topics === undefined || topics.length === 0) {
    await cluster.refreshMetadata("all");
    return [...cluster.metadata.topics.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
  for (const topic of topics) cluster.metadata.markStale(topic);
  await cluster.refreshMetadata(topics);
  const missing = topics.filter((topic) => cluster.metadata.topic(topic) === undefined);
  if (missing.length > 0) {
    throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `topic ${missing.map((topic) => `"${topic}"`).join(", ")} does not exist`);
  }
  return topics.map((topic) => cluster.metadata.topic(topic)!);
}
