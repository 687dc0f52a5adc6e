/**
 * MetadataControlOptions are the limits and defaults the managers apply. The controller's config
 * module maps Kafka property names onto them (num.partitions, default.replication.factor, ...).
 */
export interface MetadataControlOptions {
  /** num.partitions: partitions of a topic created without a count. */
  readonly defaultNumPartitions: number;
  /** default.replication.factor: replication factor of a topic created without one. */
  readonly defaultReplicationFactor: number;
  /** topicPartitionsMax bounds a topic's partition count (create and grow). */
  readonly topicPartitionsMax: number;
  /** producerIdBlockSize is how many producer ids one allocation hands out (Kafka: 1000). */
  readonly producerIdBlockSize: number;
  /** leaderBalanceMovesMax bounds the preferred-leader moves of one balance pass (Kafka: 1000). */
  readonly leaderBalanceMovesMax: number;
  /**
   * staticBrokerConfigs are broker-level defaults from the controller's config file, by broker
   * property name (e.g. min.insync.replicas); they rank below dynamic overrides.
   */
  readonly staticBrokerConfigs: ReadonlyMap<string, string>;
}

/** DEFAULT_METADATA_CONTROL_OPTIONS are Kafka's defaults, with a 10,000-partition bound per topic. */
export const DEFAULT_METADATA_CONTROL_OPTIONS: MetadataControlOptions = {
  defaultNumPartitions: 1,
  defaultReplicationFactor: 1,
  topicPartitionsMax: 10_000,
  producerIdBlockSize: 1000,
  leaderBalanceMovesMax: 1000,
  staticBrokerConfigs: new Map(),
};
