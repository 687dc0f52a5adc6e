/**
 * @tributary/client: the Tributary SDK. The client (`new Tributary({ brokers })`) makes producers,
 * consumers and admin clients; below them, record batches in Kafka's v2 format and Kafka's partitioner.
 * Offsets are bigint; every error a caller can act on is a TributaryError with a stable `code`.
 */

/** The client: configuration, and the factory of producers, consumers and admin clients. */
export { Tributary } from "./tributary.js";
export type { AdminOptions, TributaryConfig } from "./tributary.js";

/**
 * The producer: batching per partition, compression, murmur2 and sticky placement, bounded
 * memory with back-pressure, idempotent by default.
 */
export type { Producer } from "./producer/producer.js";
export { MAX_IN_FLIGHT_IDEMPOTENT } from "./producer/producer-options.js";
export type { ProducerOptions } from "./producer/producer-options.js";
export type {
  Acks,
  Message,
  MessageHeaders,
  MessageHeaderValue,
  Partitioner,
  PartitionerArgs,
  PartitionerFactory,
  ProducerBatch,
  ProducerMetrics,
  ProducerRecord,
  RecordMetadata,
  SendOptions,
  TopicMessages,
} from "./producer/producer-types.js";
export type {
  BatchAckedEventPayload,
  BatchEventPayload,
  BatchFailedEventPayload,
  BatchRetryEventPayload,
  EpochBumpEventPayload,
  ProduceRequestEventPayload,
  ProducerEvents,
} from "./producer/producer-events.js";
export { BufferExhaustedError, ProducerDisconnectedError } from "./producer/producer-errors.js";

/**
 * The consumer: group membership with server-side assignment and incremental hand-over (KIP-848),
 * heartbeats independent of message handling, eachMessage / eachBatch / for-await, manual
 * assignment, seek, pause and resume, commits fenced by member epoch, bounded prefetch.
 */
export type { Consumer } from "./consumer/consumer.js";
export type { ConsumerOptions, IsolationLevelName, RestartOnFailure, ServerAssignorName } from "./consumer/consumer-options.js";
export type {
  Batch,
  ConsumerMessage,
  ConsumerMessageHeaders,
  ConsumerRecord,
  EachBatchHandler,
  EachBatchPayload,
  EachMessageHandler,
  EachMessagePayload,
  OffsetInput,
  PartitionOffset,
  RunOptions,
  SubscribeOptions,
  TopicOffsets,
  TopicPartitionList,
  TopicPartitionOffset,
  TopicPartitionsAssignment,
  TopicPartitionsInput,
} from "./consumer/consumer-types.js";
export type {
  BatchProcessEventPayload,
  CommitOffsetsEventPayload,
  ConsumerEvents,
  CrashEventPayload,
  EndBatchProcessEventPayload,
  FetchEventPayload,
  FetchStartEventPayload,
  GroupJoinEventPayload,
  HeartbeatEventPayload,
  OffsetResetEventPayload,
  PartitionsLostEventPayload,
  RebalancingEventPayload,
} from "./consumer/consumer-events.js";
export { CommitRejectedError, ConsumerStateError, MessageProcessingError } from "./consumer/consumer-errors.js";

/** The admin client: topics, configs, cluster and quorum, offsets, consumer groups. */
export type { Admin } from "./admin/admin.js";
export type { AdminEvents } from "./admin/admin-events.js";
export { ConfigResourceTypes } from "./admin/admin-types.js";
export type {
  AlterConfigEntryInput,
  AlterConfigsOptions,
  BrokerDescriptionEntry,
  BrokerStateName,
  ClusterDescription,
  CommittedPartitionOffset,
  ConfigEntryInput,
  ConfigResourceType,
  ConfigSourceName,
  CreatePartitionsOptions,
  CreateTopicsOptions,
  DeleteTopicRecordsOptions,
  DeleteTopicsOptions,
  DescribeConfigsOptions,
  DescribedConfigEntry,
  DescribedConfigResource,
  ElectionResult,
  ElectLeadersOptions,
  FetchOffsetsOptions,
  GroupDescription,
  GroupLag,
  GroupMemberDescription,
  ListedGroupEntry,
  PartitionDescription,
  PartitionLag,
  PartitionMetadataEntry,
  PartitionOffsets,
  QuorumDescription,
  QuorumReplicaDescription,
  ResetOffsetsByTimestampOptions,
  ResetOffsetsOptions,
  SetOffsetsOptions,
  TopicCommittedOffsets,
  TopicDescription,
  TopicMetadataEntry,
  TopicPartitionsEntry,
  TopicToCreate,
} from "./admin/admin-types.js";
export { computeLag } from "./admin/group-lag.js";

/**
 * Errors: TributaryError (code, retriable, refreshMetadata, leaderHint) and the SDK's own
 * subclasses, which keep a table code so `error.code` checks work on every one of them.
 */
export { TributaryError } from "./errors/tributary-error.js";
export type { LeaderHint } from "./errors/tributary-error.js";
export { isErrorName } from "./errors/error-codes.js";
export type { ErrorName } from "./errors/error-codes.js";
export { TributaryRetriesExceededError } from "./retry/retries-exceeded-error.js";
export { TributaryAggregateError } from "./cluster/aggregate-error.js";
export type { ItemFailure } from "./cluster/aggregate-error.js";
export { BrokersUnreachableError } from "./cluster/brokers-unreachable-error.js";
export { ClientClosedError } from "./cluster/client-closed-error.js";
export type { BrokerFailure } from "./cluster/brokers-unreachable-error.js";

/** Retries: the options every client and request shares, with KafkaJS's defaults. */
export { DEFAULT_RETRY_OPTIONS } from "./retry/retry-options.js";
export type { RetryOptions } from "./retry/retry-options.js";

/** Logging, KafkaJS-style: levels, log creators, entries. */
export { LogLevel, LOG_LEVEL_ENV } from "./logging/log-level.js";
export type { LogLevelName, LogLevelValue } from "./logging/log-level.js";
export type { LogCreator, LogEntry, LogFields, Logger, LogWriter } from "./logging/logger.js";
export { jsonLogCreator } from "./logging/json-log-creator.js";

/** Instrumentation events, KafkaJS-style: `{ id, type, timestamp, payload }`. */
export type { InstrumentationEvent, InstrumentationListener, RemoveInstrumentationEventListener } from "./instrumentation/instrumentation-emitter.js";
export type { BrokerEventPayload, RequestEventPayload, RequestTimeoutEventPayload } from "./instrumentation/network-events.js";
export { CorruptRecordError } from "./record/corrupt-record-error.js";
export type { CorruptRecordKind } from "./record/corrupt-record-error.js";
export { CompressionCodec } from "./record/batch-layout.js";
export type { CompressionCodecId } from "./record/batch-layout.js";

/**
 * Kafka RecordBatch v2 codec: `encodeRecordBatch(batch): Promise<Buffer>` and
 * `decodeRecordBatches(bytes, options?): Promise<DecodedRecordBatch[]>`, byte-compatible with Kafka's
 * Java client and KafkaJS, for every compression codec. Decoding checks the CRC and every length,
 * caps decompression at `maxDecompressedBytes`, and throws only CorruptRecordError for bad input.
 * Decoded keys and values are views of the input (or of the decompressed records), not copies.
 */
export { encodeRecordBatch } from "./record/encode-record-batch.js";
export { decodeRecordBatches } from "./record/decode-record-batches.js";
export { DEFAULT_MAX_DECOMPRESSED_BYTES } from "./record/record-batch-types.js";
export type {
  DecodedRecord,
  DecodedRecordBatch,
  DecodeRecordBatchesOptions,
  RecordBatchInput,
  RecordHeader,
  RecordInput,
  TimestampType,
} from "./record/record-batch-types.js";
export type { RecordBatchHeader } from "./record/batch-header.js";

/**
 * Kafka's default keyed partitioning: `partitionForKey(key, numPartitions)` is
 * `toPositive(murmur2(key)) % numPartitions`, the partition Java and KafkaJS producers pick.
 */
export { murmur2, toPositive } from "./partitioner/murmur2.js";
export { partitionForKey } from "./partitioner/default-partitioner.js";
