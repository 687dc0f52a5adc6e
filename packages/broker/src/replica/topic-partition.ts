/** TopicPartition names one partition of a topic. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** tpKey is a map key for a topic partition: `topic-partition`, as Kafka names its directories. */
export function tpKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}
