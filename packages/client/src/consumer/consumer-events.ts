import type { ErrorName } from "../errors/error-codes.js";
import type { BrokerEventPayload, RequestEventPayload, RequestTimeoutEventPayload } from "../instrumentation/network-events.js";
import type { TopicOffsets, TopicPartitionList } from "./consumer-types.js";

/** GroupJoinEventPayload reports a new assignment from the coordinator (KafkaJS GROUP_JOIN, with what moved). */
export interface GroupJoinEventPayload {
  readonly groupId: string;
  readonly memberId: string;
  readonly memberEpoch: number;
  /** memberAssignment is the whole assignment now: topic to partitions. */
  readonly memberAssignment: Readonly<Record<string, readonly number[]>>;
  /** assigned are the partitions added by this change. */
  readonly assigned: readonly TopicPartitionList[];
  /** revoked are the partitions taken away by this change; they are released once processed and committed. */
  readonly revoked: readonly TopicPartitionList[];
  /** durationMs is how long joining took, for the first assignment after (re)joining; 0 for later changes. */
  readonly durationMs: number;
}

/** RebalancingEventPayload reports that partitions are being released to the group. */
export interface RebalancingEventPayload {
  readonly groupId: string;
  readonly memberId: string;
  readonly memberEpoch: number;
  readonly revoking: readonly TopicPartitionList[];
}

/** PartitionsLostEventPayload reports partitions dropped without committing: the member was fenced or its session lapsed. */
export interface PartitionsLostEventPayload {
  readonly groupId: string;
  readonly memberId: string;
  readonly errorCode: ErrorName;
  readonly partitions: readonly TopicPartitionList[];
}

/** HeartbeatEventPayload reports one successful heartbeat. */
export interface HeartbeatEventPayload {
  readonly groupId: string;
  readonly memberId: string;
  readonly memberEpoch: number;
  readonly durationMs: number;
}

/** CommitOffsetsEventPayload reports committed offsets (next offsets to read). */
export interface CommitOffsetsEventPayload {
  readonly groupId: string;
  readonly memberId: string;
  readonly memberEpoch: number;
  readonly topics: readonly TopicOffsets[];
}

/** FetchStartEventPayload reports a fetch sent to a broker. */
export interface FetchStartEventPayload {
  readonly nodeId: number;
  readonly partitions: number;
}

/** FetchEventPayload reports a fetch answered (KafkaJS FETCH). */
export interface FetchEventPayload {
  readonly nodeId: number;
  /** numberOfBatches counts partitions that returned records. */
  readonly numberOfBatches: number;
  readonly records: number;
  readonly bytes: number;
  readonly durationMs: number;
}

/** BatchProcessEventPayload describes a run of messages of one partition (KafkaJS START/END_BATCH_PROCESS). */
export interface BatchProcessEventPayload {
  readonly topic: string;
  readonly partition: number;
  readonly highWatermark: bigint;
  /** offsetLag is highWatermark - 1 - lastOffset: what is left after this batch. */
  readonly offsetLag: bigint;
  /** offsetLagLow is highWatermark - 1 - firstOffset. */
  readonly offsetLagLow: bigint;
  readonly batchSize: number;
  readonly firstOffset: bigint;
  readonly lastOffset: bigint;
}

/** EndBatchProcessEventPayload adds how long the batch took. */
export interface EndBatchProcessEventPayload extends BatchProcessEventPayload {
  readonly durationMs: number;
}

/** OffsetResetEventPayload reports a position reset after OFFSET_OUT_OF_RANGE (Kafka's auto.offset.reset). */
export interface OffsetResetEventPayload {
  readonly topic: string;
  readonly partition: number;
  /** fromOffset is the position that was out of range. */
  readonly fromOffset: bigint;
  readonly toOffset: bigint;
  readonly policy: "earliest" | "latest";
}

/** CrashEventPayload reports that consuming stopped on an error (KafkaJS CRASH). */
export interface CrashEventPayload {
  readonly error: Error;
  readonly groupId: string | undefined;
  /** restart tells whether the consumer carries on (restartOnFailure said so) or stopped. */
  readonly restart: boolean;
}

/**
 * ConsumerEvents are the consumer's instrumentation events (`consumer.on(type, listener)`), with
 * KafkaJS's names where KafkaJS has the event.
 */
export interface ConsumerEvents {
  readonly "consumer.connect": Record<string, never>;
  readonly "consumer.disconnect": Record<string, never>;
  readonly "consumer.stop": Record<string, never>;
  readonly "consumer.group_join": GroupJoinEventPayload;
  readonly "consumer.rebalancing": RebalancingEventPayload;
  readonly "consumer.partitions_lost": PartitionsLostEventPayload;
  readonly "consumer.heartbeat": HeartbeatEventPayload;
  readonly "consumer.commit_offsets": CommitOffsetsEventPayload;
  readonly "consumer.fetch_start": FetchStartEventPayload;
  readonly "consumer.fetch": FetchEventPayload;
  readonly "consumer.start_batch_process": BatchProcessEventPayload;
  readonly "consumer.end_batch_process": EndBatchProcessEventPayload;
  readonly "consumer.offset_reset": OffsetResetEventPayload;
  readonly "consumer.crash": CrashEventPayload;
  readonly "consumer.network.connect": BrokerEventPayload;
  readonly "consumer.network.disconnect": BrokerEventPayload;
  readonly "consumer.network.request": RequestEventPayload;
  readonly "consumer.network.request_timeout": RequestTimeoutEventPayload;
}
