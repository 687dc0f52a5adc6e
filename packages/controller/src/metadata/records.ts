/**
 * Metadata records: the only way the controller's state changes (KIP-631). The active controller's
 * managers produce them, the Raft log orders them, and every controller and broker replays them into
 * a {@link MetadataImage}. A record is a fact, not a command: replaying it never fails for a reason
 * other than a bug (replay asserts its invariants).
 *
 * Offsets: the records of one controller operation travel as one batch in one Raft entry, so every
 * record of a batch is replayed with the same offset, the Raft index of that entry. Offsets never
 * decrease and may skip (Raft no-op entries).
 */

/** NO_LEADER is the leader of a partition that has none (Kafka's -1). */
export const NO_LEADER = -1;

/** BrokerEndpoint is one named listener of a broker. */
export interface BrokerEndpoint {
  readonly listener: string;
  readonly host: string;
  readonly port: number;
}

/**
 * RegisterBrokerRecord registers a broker incarnation (Kafka's RegisterBrokerRecord). It replaces any
 * earlier registration of the same id, and the broker starts fenced.
 *
 * The broker epoch is the offset of the batch that carries this record. `brokerEpoch` is null in
 * records the controller writes to the log; a snapshot restates a registration with the epoch it got
 * when it was first written, because the snapshot's own offset is not that epoch.
 */
export interface RegisterBrokerRecord {
  readonly type: "register-broker";
  readonly brokerId: number;
  readonly incarnationId: string;
  readonly endpoints: readonly BrokerEndpoint[];
  readonly rack: string | null;
  readonly brokerEpoch: number | null;
}

/**
 * FenceBrokerRecord fences a broker: it may no longer lead or be added to an ISR (Kafka's
 * FenceBrokerRecord). The records that move its leaderships away and shrink ISRs come before it in
 * the same batch. `brokerEpoch` names the incarnation, so a record can never touch a newer one.
 */
export interface FenceBrokerRecord {
  readonly type: "fence-broker";
  readonly brokerId: number;
  readonly brokerEpoch: number;
}

/** UnfenceBrokerRecord unfences a broker that has caught up on metadata (Kafka's UnfenceBrokerRecord). */
export interface UnfenceBrokerRecord {
  readonly type: "unfence-broker";
  readonly brokerId: number;
  readonly brokerEpoch: number;
}

/**
 * BrokerControlledShutdownRecord marks an unfenced broker as shutting down (Kafka's
 * BrokerRegistrationChangeRecord with InControlledShutdown). The records that move its leaderships
 * away come before it in the same batch.
 */
export interface BrokerControlledShutdownRecord {
  readonly type: "broker-controlled-shutdown";
  readonly brokerId: number;
  readonly brokerEpoch: number;
}

/** UnregisterBrokerRecord removes a broker's registration (Kafka's UnregisterBrokerRecord). */
export interface UnregisterBrokerRecord {
  readonly type: "unregister-broker";
  readonly brokerId: number;
  readonly brokerEpoch: number;
}

/** TopicRecord creates a topic (Kafka's TopicRecord). Its partitions follow as PartitionRecords. */
export interface TopicRecord {
  readonly type: "topic";
  readonly name: string;
  readonly topicId: string;
}

/** RemoveTopicRecord deletes a topic with its partitions and its config overrides (Kafka's RemoveTopicRecord). */
export interface RemoveTopicRecord {
  readonly type: "remove-topic";
  readonly topicId: string;
}

/**
 * PartitionRecord states a partition in full (Kafka's PartitionRecord): when it is created, and in
 * snapshots. `replicas` is in preferred order: replicas[0] is the preferred leader.
 * Invariant: leader = NO_LEADER or leader ∈ isr ⊆ replicas; isr is not empty.
 */
export interface PartitionRecord {
  readonly type: "partition";
  readonly topicId: string;
  readonly partition: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
}

/**
 * PartitionChangeRecord changes a partition (Kafka's PartitionChangeRecord); an absent field is
 * unchanged, and at least one field is present.
 *
 * The epochs are not in the record: replay bumps them (see `applyPartitionChange`). A record that
 * names a leader bumps the leader epoch, and every change record bumps the partition epoch, as
 * Kafka's PartitionRegistration.merge does. Computing the bump in replay means a record can never
 * move an epoch backwards or skip one, and replaying the same log always yields the same epochs.
 */
export interface PartitionChangeRecord {
  readonly type: "partition-change";
  readonly topicId: string;
  readonly partition: number;
  readonly isr?: readonly number[];
  readonly leader?: number;
  readonly replicas?: readonly number[];
}

/** ConfigResourceType names what a config applies to. */
export type ConfigResourceType = "topic" | "broker";

/**
 * ConfigRecord sets (value) or deletes (null) one config override (Kafka's ConfigRecord). For
 * brokers, `resourceName` is the broker id in decimal, or "" for the cluster-wide default.
 */
export interface ConfigRecord {
  readonly type: "config";
  readonly resourceType: ConfigResourceType;
  readonly resourceName: string;
  readonly name: string;
  readonly value: string | null;
}

/**
 * ProducerIdsRecord hands a block of producer ids to a broker (Kafka's ProducerIdsRecord, KIP-730):
 * the block ends just before `nextProducerId`, the first id not yet handed out.
 */
export interface ProducerIdsRecord {
  readonly type: "producer-ids";
  readonly brokerId: number;
  readonly brokerEpoch: number;
  readonly nextProducerId: bigint;
}

/** NoOpRecord changes nothing; a new Raft leader writes one so that it can commit (KIP-835). */
export interface NoOpRecord {
  readonly type: "no-op";
}

/** MetadataRecord is every record the metadata log holds, discriminated by `type`. */
export type MetadataRecord =
  | RegisterBrokerRecord
  | FenceBrokerRecord
  | UnfenceBrokerRecord
  | BrokerControlledShutdownRecord
  | UnregisterBrokerRecord
  | TopicRecord
  | RemoveTopicRecord
  | PartitionRecord
  | PartitionChangeRecord
  | ConfigRecord
  | ProducerIdsRecord
  | NoOpRecord;

/** MetadataRecordType is the `type` tag of a {@link MetadataRecord}. */
export type MetadataRecordType = MetadataRecord["type"];
