import { TributaryError } from "@tributary/client/internal/errors";
import type { BrokerRegistration } from "./cluster-image.js";
import type { MetadataImage } from "./metadata-image.js";
import type { PartitionState } from "./partition-state.js";
import { NO_LEADER } from "./records.js";

/**
 * Read-only queries over a {@link MetadataImage}, shaped for the controller and broker services
 * (DescribeCluster, Metadata, DescribeTopics). On the active controller the service must answer
 * only once earlier writes have committed (KIP-631), so that no caller reads uncommitted state.
 */

/** BrokerDescription is a registered broker as DescribeCluster reports it. */
export interface BrokerDescription extends BrokerRegistration {
  readonly isFenced: boolean;
  readonly inControlledShutdown: boolean;
}

/** PartitionDescription is a partition as Metadata and DescribeTopics report it. */
export interface PartitionDescription extends PartitionState {
  /** offline: no leader, so the partition can be neither written nor read. */
  readonly offline: boolean;
}

/** TopicDescription is a topic and its partitions, or why it cannot be described. */
export type TopicDescription =
  | { readonly name: string; readonly error: null; readonly topicId: string; readonly partitions: readonly PartitionDescription[] }
  | { readonly name: string; readonly error: TributaryError };

/** describeBrokers lists every registered broker, by id, with its state spelled out. */
export function describeBrokers(image: MetadataImage): BrokerDescription[] {
  return image.cluster.brokers().map((broker) => ({
    ...broker,
    isFenced: broker.state === "fenced",
    inControlledShutdown: broker.state === "controlled-shutdown",
  }));
}

/** describeTopics describes the named topics, or every topic when `names` is absent. */
export function describeTopics(image: MetadataImage, names?: readonly string[]): TopicDescription[] {
  const wanted = names ?? image.topics.topics().map((topic) => topic.name);
  return wanted.map((name) => {
    const topic = image.topics.topicByName(name);
    if (topic === undefined) return { name, error: new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `no topic ${name}`) };
    return { name, error: null, topicId: topic.topicId, partitions: topic.partitions.map(describePartition) };
  });
}

/** describeTopicById describes one topic by id, for requests that carry ids (AlterPartition, Fetch). */
export function describeTopicById(image: MetadataImage, topicId: string): TopicDescription {
  const topic = image.topics.topicById(topicId);
  if (topic === undefined) return { name: "", error: new TributaryError("UNKNOWN_TOPIC_ID", `no topic with id ${topicId}`) };
  return { name: topic.name, error: null, topicId, partitions: topic.partitions.map(describePartition) };
}

/** partitionsOfBroker lists the partitions `brokerId` is a replica of: what a broker must host. */
export function partitionsOfBroker(image: MetadataImage, brokerId: number): PartitionState[] {
  return [...image.topics.allPartitions()].filter((partition) => partition.replicas.includes(brokerId));
}

function describePartition(partition: PartitionState): PartitionDescription {
  return { ...partition, offline: partition.leader === NO_LEADER };
}
