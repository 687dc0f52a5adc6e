import type { PartitionDescription, TopicDescription } from "../../admin/admin-types.js";
import type { DescribeFilter } from "./topics-args.js";

/** TopicConfigs are a topic's non-default config values, in the order to print them. */
export type TopicConfigs = readonly { readonly name: string; readonly value: string | null }[];

/** replicationFactorOf is kafka-topics' ReplicationFactor: the replica count of the first partition. */
export function replicationFactorOf(topic: TopicDescription): number {
  return topic.partitions[0]?.replicas.length ?? 0;
}

/** partitionMatches tells whether a partition passes --describe's filter. */
export function partitionMatches(partition: PartitionDescription, filter: DescribeFilter): boolean {
  if (filter === "under-replicated") return partition.underReplicated;
  if (filter === "unavailable") return partition.offline;
  return true;
}

/**
 * topicHeaderLine is kafka-topics --describe's first line for a topic:
 * `Topic: t<TAB>TopicId: id<TAB>PartitionCount: n<TAB>ReplicationFactor: r<TAB>Configs: k=v,...`.
 */
export function topicHeaderLine(topic: TopicDescription, configs: TopicConfigs): string {
  const rendered = configs.map((config) => `${config.name}=${config.value ?? ""}`).join(",");
  return `Topic: ${topic.name}\tTopicId: ${topic.topicId}\tPartitionCount: ${topic.partitions.length}\tReplicationFactor: ${replicationFactorOf(topic)}\tConfigs: ${rendered}`;
}

/**
 * partitionLine is kafka-topics --describe's line for a partition:
 * `<TAB>Topic: t<TAB>Partition: p<TAB>Leader: id|none<TAB>Replicas: 1,2,3<TAB>Isr: 1,2,3`, with
 * `<TAB>Offline: ...` appended when some replicas are offline.
 */
export function partitionLine(topic: string, partition: PartitionDescription): string {
  const offline = partition.offlineReplicas.length > 0 ? `\tOffline: ${partition.offlineReplicas.join(",")}` : "";
  return `\tTopic: ${topic}\tPartition: ${partition.partition}\tLeader: ${partition.leader ?? "none"}\tReplicas: ${partition.replicas.join(",")}\tIsr: ${partition.isr.join(",")}${offline}`;
}

/**
 * describeLines renders topics as kafka-topics --describe does. With a filter only matching
 * partition lines are printed, without topic headers, as Kafka does.
 */
export function describeLines(topics: readonly TopicDescription[], configsByTopic: ReadonlyMap<string, TopicConfigs>, filter: DescribeFilter): string[] {
  const lines: string[] = [];
  for (const topic of topics) {
    if (filter === "all") lines.push(topicHeaderLine(topic, configsByTopic.get(topic.name) ?? []));
    for (const partition of topic.partitions) {
      if (partitionMatches(partition, filter)) lines.push(partitionLine(topic.name, partition));
    }
  }
  return lines;
}

/** TopicJson is one topic of `topics --describe --json`. */
export interface TopicJson {
  readonly topic: string;
  readonly topicId: string;
  readonly internal: boolean;
  readonly partitionCount: number;
  readonly replicationFactor: number;
  readonly configs: Readonly<Record<string, string | null>>;
  readonly partitions: readonly {
    readonly partition: number;
    readonly leader: number | null;
    readonly leaderEpoch: number;
    readonly replicas: readonly number[];
    readonly isr: readonly number[];
    readonly offlineReplicas: readonly number[];
  }[];
}

/** topicJson is the JSON shape of one described topic, filtered like the text layout. */
export function topicJson(topic: TopicDescription, configs: TopicConfigs, filter: DescribeFilter): TopicJson {
  return {
    topic: topic.name,
    topicId: topic.topicId,
    internal: topic.isInternal,
    partitionCount: topic.partitions.length,
    replicationFactor: replicationFactorOf(topic),
    configs: Object.fromEntries(configs.map((config) => [config.name, config.value])),
    partitions: topic.partitions
      .filter((partition) => partitionMatches(partition, filter))
      .map((partition) => ({
        partition: partition.partition,
        leader: partition.leader,
        leaderEpoch: partition.leaderEpoch,
        replicas: partition.replicas,
        isr: partition.isr,
        offlineReplicas: partition.offlineReplicas,
      })),
  };
}
