import type { TributaryError } from "../errors/tributary-error.js";
import type { MetadataResponse__Output } from "../generated/tributary/v1/MetadataResponse.js";
import { formatBrokerAddress } from "../connection/broker-address.js";
import { errorFromWire } from "../wire/wire-errors.js";

/** BrokerNodeInfo is a live broker as metadata describes it. */
export interface BrokerNodeInfo {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
  /** address is host:port. */
  readonly address: string;
}

/** PartitionInfo is one partition's leadership and replicas. `leader` is -1 when it has none. */
export interface PartitionInfo {
  readonly partition: number;
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
  /** error is what the broker reported for the partition (e.g. LEADER_NOT_AVAILABLE), or null. */
  readonly error: TributaryError | null;
}

/** TopicInfo is one topic's metadata. Invariant: `partitions[i].partition === i`. */
export interface TopicInfo {
  readonly name: string;
  readonly topicId: string;
  readonly isInternal: boolean;
  readonly partitions: readonly PartitionInfo[];
}

/** MetadataUpdate is one Metadata response, read into SDK types. */
export interface MetadataUpdate {
  readonly clusterId: string;
  readonly controllerId: number;
  readonly brokers: readonly BrokerNodeInfo[];
  /** topics the response described. */
  readonly topics: readonly TopicInfo[];
  /** missingTopics are topics the response said do not exist (UNKNOWN_TOPIC_OR_PARTITION). */
  readonly missingTopics: readonly string[];
  /** topicErrors are other topic-level errors, by topic. */
  readonly topicErrors: ReadonlyMap<string, TributaryError>;
}

/**
 * metadataUpdateFromWire reads a Metadata response. Partitions are indexed by id; a response
 * that skips a partition id gets a leaderless placeholder there, so the invariant on
 * {@link TopicInfo} holds whatever the broker sends.
 */
export function metadataUpdateFromWire(response: MetadataResponse__Output): MetadataUpdate {
  const brokers = response.brokers.map((node) => ({
    nodeId: node.nodeId,
    host: node.host,
    port: node.port,
    rack: node.rack ?? null,
    address: formatBrokerAddress({ host: node.host, port: node.port }),
  }));
  const topics: TopicInfo[] = [];
  const missingTopics: string[] = [];
  const topicErrors = new Map<string, TributaryError>();
  for (const topic of response.topics) {
    const error = errorFromWire(topic.error);
    if (error?.code === "UNKNOWN_TOPIC_OR_PARTITION" || error?.code === "INVALID_TOPIC_EXCEPTION") {
      missingTopics.push(topic.name);
      topicErrors.set(topic.name, error);
      continue;
    }
    if (error !== null) topicErrors.set(topic.name, error);
    const count = topic.partitions.reduce((max, partition) => Math.max(max, partition.partition + 1), 0);
    const partitions: PartitionInfo[] = Array.from({ length: count }, (_, partition) => ({
      partition,
      leader: -1,
      leaderEpoch: -1,
      replicas: [],
      isr: [],
      offlineReplicas: [],
      error: null,
    }));
    for (const partition of topic.partitions) {
      partitions[partition.partition] = {
        partition: partition.partition,
        leader: partition.leader,
        leaderEpoch: partition.leaderEpoch,
        replicas: partition.replicas,
        isr: partition.isr,
        offlineReplicas: partition.offlineReplicas,
        error: errorFromWire(partition.error),
      };
    }
    if (error !== null && partitions.length === 0) continue;
    topics.push({ name: topic.name, topicId: topic.topicId, isInternal: topic.isInternal, partitions });
  }
  return { clusterId: response.clusterId, controllerId: response.controllerId, brokers, topics, missingTopics, topicErrors };
}
