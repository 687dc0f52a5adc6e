import type { TributaryError } from "../errors/tributary-error.js";

/** ConfigEntryInput is one config property of a topic being created. */
export interface ConfigEntryInput {
  readonly name: string;
  readonly value: string;
}

/** TopicToCreate describes one topic for createTopics (KafkaJS's shape). */
export interface TopicToCreate {
  readonly topic: string;
  /** numPartitions defaults to the broker default (-1). */
  readonly numPartitions?: number;
  /** replicationFactor defaults to the broker default (-1). */
  readonly replicationFactor?: number;
  /** replicaAssignment places each partition explicitly; numPartitions and replicationFactor are then ignored. */
  readonly replicaAssignment?: readonly { readonly partition: number; readonly replicas: readonly number[] }[];
  readonly configEntries?: readonly ConfigEntryInput[];
}

/** CreateTopicsOptions are createTopics' arguments. */
export interface CreateTopicsOptions {
  readonly topics: readonly TopicToCreate[];
  /** validateOnly checks the request without creating anything. */
  readonly validateOnly?: boolean;
  /** waitForLeaders (default true) resolves only once every new partition has a leader. */
  readonly waitForLeaders?: boolean;
  /** timeout in ms (KafkaJS's name) for the controller and for waiting for leaders; default 5000. */
  readonly timeout?: number;
}

/** DeleteTopicsOptions are deleteTopics' arguments. */
export interface DeleteTopicsOptions {
  readonly topics: readonly string[];
  /** timeout in ms for the controller; default 5000. */
  readonly timeout?: number;
}

/** CreatePartitionsOptions are createPartitions' arguments. */
export interface CreatePartitionsOptions {
  readonly topicPartitions: readonly {
    readonly topic: string;
    /** count is the new total number of partitions. */
    readonly count: number;
    /** assignments are the replicas of each new partition, in order (KafkaJS's shape). */
    readonly assignments?: readonly (readonly number[])[];
  }[];
  readonly validateOnly?: boolean;
  readonly timeout?: number;
}

/** PartitionMetadataEntry is one partition in fetchTopicMetadata's KafkaJS-shaped answer. */
export interface PartitionMetadataEntry {
  /** partitionErrorCode is the wire code of the partition's error, 0 when none. */
  readonly partitionErrorCode: number;
  readonly partitionId: number;
  /** leader is the leader's broker id, -1 when the partition has none. */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
}

/** TopicMetadataEntry is one topic in fetchTopicMetadata's answer. */
export interface TopicMetadataEntry {
  readonly name: string;
  readonly topicId: string;
  readonly isInternal: boolean;
  readonly partitions: readonly PartitionMetadataEntry[];
}

/** PartitionDescription is one partition's health, as describeTopics reports it. */
export interface PartitionDescription {
  readonly partition: number;
  /** leader is null when the partition has no leader (it is offline). */
  readonly leader: number | null;
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
  /** offline: no leader, so neither reads nor writes are possible. */
  readonly offline: boolean;
  /** underReplicated: fewer in-sync replicas than replicas. */
  readonly underReplicated: boolean;
}

/** TopicDescription is describeTopics' answer for one topic. */
export interface TopicDescription {
  readonly name: string;
  readonly topicId: string;
  readonly isInternal: boolean;
  readonly partitions: readonly PartitionDescription[];
}

/** ConfigResourceTypes names what a config applies to. */
export const ConfigResourceTypes = { TOPIC: "topic", BROKER: "broker" } as const;

/** ConfigResourceType is "topic" or "broker". */
export type ConfigResourceType = (typeof ConfigResourceTypes)[keyof typeof ConfigResourceTypes];

/** ConfigSourceName says where a config value comes from. */
export type ConfigSourceName = "default" | "static-broker" | "dynamic-broker" | "topic" | "unknown";

/** DescribeConfigsOptions are describeConfigs' arguments. */
export interface DescribeConfigsOptions {
  readonly resources: readonly {
    readonly type: ConfigResourceType;
    /** name is the topic name, or the broker id in decimal ("" for cluster-wide broker defaults). */
    readonly name: string;
    /** configNames limits the answer; all configs when absent. */
    readonly configNames?: readonly string[];
  }[];
}

/** DescribedConfigEntry is one config value. */
export interface DescribedConfigEntry {
  readonly name: string;
  /** value is null for sensitive values and unset ones. */
  readonly value: string | null;
  readonly source: ConfigSourceName;
  readonly isDefault: boolean;
  readonly readOnly: boolean;
  readonly sensitive: boolean;
}

/** DescribedConfigResource is describeConfigs' answer for one resource. */
export interface DescribedConfigResource {
  readonly type: ConfigResourceType;
  readonly name: string;
  readonly configEntries: readonly DescribedConfigEntry[];
}

/** AlterConfigEntryInput is one incremental change; with no value (or operation "delete") it removes the override. */
export interface AlterConfigEntryInput {
  readonly name: string;
  readonly value?: string | null;
  readonly operation?: "set" | "delete";
}

/** AlterConfigsOptions are alterConfigs' arguments: incremental sets and deletes. */
export interface AlterConfigsOptions {
  readonly validateOnly?: boolean;
  readonly resources: readonly {
    readonly type: ConfigResourceType;
    readonly name: string;
    readonly configEntries: readonly AlterConfigEntryInput[];
  }[];
}

/** BrokerStateName is a registered broker's lifecycle state. */
export type BrokerStateName = "fenced" | "unfenced" | "controlled-shutdown" | "unknown";

/** BrokerDescriptionEntry is one registered broker. */
export interface BrokerDescriptionEntry {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
  readonly state: BrokerStateName;
  readonly brokerEpoch: bigint;
  readonly endpoints: readonly { readonly listener: string; readonly host: string; readonly port: number }[];
}

/** ClusterDescription is describeCluster's answer. */
export interface ClusterDescription {
  readonly clusterId: string;
  /** controller is the active controller's id, or null when there is none. */
  readonly controller: number | null;
  readonly brokers: readonly BrokerDescriptionEntry[];
  readonly controllers: readonly { readonly nodeId: number; readonly endpoint: string }[];
}

/** QuorumReplicaDescription is one voter or observer of the controller quorum. */
export interface QuorumReplicaDescription {
  readonly replicaId: number;
  readonly logEndOffset: bigint;
  /** lastFetchTimestampMs is null when unknown. */
  readonly lastFetchTimestampMs: number | null;
  readonly lastCaughtUpTimestampMs: number | null;
  readonly endpoint: string;
}

/** QuorumDescription is describeQuorum's answer, as `kafka-metadata-quorum describe` shows it. */
export interface QuorumDescription {
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly highWatermark: bigint;
  readonly voters: readonly QuorumReplicaDescription[];
  readonly observers: readonly QuorumReplicaDescription[];
}

/** ElectLeadersOptions are electLeaders' arguments. */
export interface ElectLeadersOptions {
  /** type defaults to "preferred". */
  readonly type?: "preferred" | "unclean";
  /** partitions defaults to every partition. */
  readonly partitions?: readonly { readonly topic: string; readonly partition: number }[];
}

/** ElectionResult is one partition's election outcome; ELECTION_NOT_NEEDED is common and harmless. */
export interface ElectionResult {
  readonly topic: string;
  readonly partition: number;
  readonly error: TributaryError | null;
}

/** PartitionOffsets are a partition's offsets: `offset` and `high` are the high watermark, `low` the log start. */
export interface PartitionOffsets {
  readonly partition: number;
  readonly offset: bigint;
  readonly high: bigint;
  readonly low: bigint;
}

/** DeleteTopicRecordsOptions are deleteTopicRecords' arguments; offset -1n means the high watermark. */
export interface DeleteTopicRecordsOptions {
  readonly topic: string;
  readonly partitions: readonly { readonly partition: number; readonly offset: bigint }[];
  readonly timeout?: number;
}

/** ListedGroupEntry is one consumer group as listGroups reports it. */
export interface ListedGroupEntry {
  readonly groupId: string;
  readonly protocolType: string;
  readonly state: string;
}

/** TopicPartitionsEntry is a set of partitions of one topic. */
export interface TopicPartitionsEntry {
  readonly topic: string;
  readonly partitions: readonly number[];
}

/** GroupMemberDescription is one member of a consumer group. */
export interface GroupMemberDescription {
  readonly memberId: string;
  readonly instanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly memberEpoch: number;
  readonly subscribedTopicNames: readonly string[];
  readonly subscribedTopicRegex: string | null;
  readonly assignment: readonly TopicPartitionsEntry[];
  readonly targetAssignment: readonly TopicPartitionsEntry[];
}

/** GroupDescription is describeGroups' answer for one group. */
export interface GroupDescription {
  readonly groupId: string;
  /** state is "Empty", "Assigning", "Reconciling", "Stable" or "Dead". */
  readonly state: string;
  readonly assignor: string;
  readonly groupEpoch: number;
  readonly assignmentEpoch: number;
  readonly coordinatorId: number;
  readonly members: readonly GroupMemberDescription[];
}

/** CommittedPartitionOffset is a group's committed offset for one partition; -1n when none. */
export interface CommittedPartitionOffset {
  readonly partition: number;
  readonly offset: bigint;
  readonly leaderEpoch: number;
  readonly metadata: string | null;
}

/** TopicCommittedOffsets are a group's committed offsets for one topic. */
export interface TopicCommittedOffsets {
  readonly topic: string;
  readonly partitions: readonly CommittedPartitionOffset[];
}

/** FetchOffsetsOptions are fetchOffsets' arguments; without topics, every committed offset. */
export interface FetchOffsetsOptions {
  readonly groupId: string;
  readonly topics?: readonly string[];
}

/** SetOffsetsOptions commit explicit offsets for a group (the group must have no members). */
export interface SetOffsetsOptions {
  readonly groupId: string;
  readonly topic: string;
  readonly partitions: readonly { readonly partition: number; readonly offset: bigint }[];
}

/** ResetOffsetsOptions move a group to the earliest or (default) latest offsets of a topic. */
export interface ResetOffsetsOptions {
  readonly groupId: string;
  readonly topic: string;
  readonly earliest?: boolean;
}

/** ResetOffsetsByTimestampOptions move a group to the first offsets at or after `timestamp` (ms). */
export interface ResetOffsetsByTimestampOptions {
  readonly groupId: string;
  readonly topic: string;
  readonly timestamp: number;
}

/** PartitionLag is one row of `kafka-consumer-groups --describe`. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** committedOffset is -1n when the group has committed nothing for the partition. */
  readonly committedOffset: bigint;
  /** logEndOffset is the high watermark. */
  readonly logEndOffset: bigint;
  /** lag is null without a committed offset. */
  readonly lag: bigint | null;
}

/** GroupLag is a group's lag per partition and in total. */
export interface GroupLag {
  readonly groupId: string;
  readonly partitions: readonly PartitionLag[];
  /** totalLag sums the partitions that have a committed offset. */
  readonly totalLag: bigint;
}
