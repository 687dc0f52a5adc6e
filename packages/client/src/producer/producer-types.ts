import type { CompressionCodecId } from "../record/batch-layout.js";

/**
 * Acks is how many replicas must have a record before the broker acknowledges it: -1 every
 * in-sync replica (the default, and the only value an idempotent producer may use), 1 the leader
 * only, 0 no acknowledgement beyond receipt (offsets are then unknown: -1n).
 */
export type Acks = -1 | 0 | 1;

/** MessageHeaderValue is one header value; an array repeats the header key. */
export type MessageHeaderValue = string | Buffer | readonly (string | Buffer)[];

/** MessageHeaders are a message's headers, KafkaJS-style: keys to values. */
export type MessageHeaders = Readonly<Record<string, MessageHeaderValue | undefined>>;

/** Message is one record to send. Strings are encoded as UTF-8. */
export interface Message {
  /** key picks the partition (murmur2, like Java and KafkaJS) and survives compaction. */
  readonly key?: Buffer | string | null;
  /** value is the payload; null is a tombstone for compacted topics. */
  readonly value: Buffer | string | null;
  /** partition sends to this partition, whatever the key. */
  readonly partition?: number;
  readonly headers?: MessageHeaders;
  /** timestamp in ms since the epoch; defaults to when send() was called. */
  readonly timestamp?: number | bigint | string;
}

/** SendOptions are the per-call settings of send() and sendBatch(); they default to the producer's. */
export interface SendOptions {
  readonly acks?: Acks;
  /** timeout is how long, in ms, the broker may wait for replicas before answering (KafkaJS's name). */
  readonly timeout?: number;
  readonly compression?: CompressionCodecId;
}

/** ProducerRecord is what send() takes: messages for one topic. */
export interface ProducerRecord extends SendOptions {
  readonly topic: string;
  readonly messages: readonly Message[];
}

/** TopicMessages are the messages for one topic of a sendBatch(). */
export interface TopicMessages {
  readonly topic: string;
  readonly messages: readonly Message[];
}

/** ProducerBatch is what sendBatch() takes: messages for several topics. */
export interface ProducerBatch extends SendOptions {
  readonly topicMessages: readonly TopicMessages[];
}

/**
 * RecordMetadata is where one partition's share of a send() landed. With several batches per
 * partition, `baseOffset` is the offset of the call's first message there; the others follow it
 * in order (other calls' records may sit in between when calls interleave).
 */
export interface RecordMetadata {
  readonly topicName: string;
  readonly partition: number;
  /** baseOffset is the offset of the first record; -1n when unknown (acks=0). */
  readonly baseOffset: bigint;
  /** logAppendTime is the broker's append time in ms for LogAppendTime topics, else -1n. */
  readonly logAppendTime: bigint;
  /** logStartOffset is the partition's log start offset when the broker answered, or -1n. */
  readonly logStartOffset: bigint;
}

/** PartitionerArgs is what a custom partitioner gets, as in KafkaJS. */
export interface PartitionerArgs {
  readonly topic: string;
  readonly partitionMetadata: readonly { readonly partitionId: number; readonly leader: number }[];
  readonly message: Message;
}

/** Partitioner picks a partition for a message without an explicit one. */
export type Partitioner = (args: PartitionerArgs) => number;

/** PartitionerFactory makes a producer's partitioner (KafkaJS's `createPartitioner`). */
export type PartitionerFactory = () => Partitioner;

/** ProducerMetrics are gauges of a producer's state, for dashboards and tests. */
export interface ProducerMetrics {
  /** bufferUsedBytes is memory held by records not yet acknowledged (estimated sizes). */
  readonly bufferUsedBytes: number;
  /** bufferAvailableBytes is `bufferMemoryBytes - bufferUsedBytes`. */
  readonly bufferAvailableBytes: number;
  /** waitingSends counts sends blocked on a full buffer. */
  readonly waitingSends: number;
  /** queuedBatches counts batches not yet sent or waiting for a retry. */
  readonly queuedBatches: number;
  /** inFlightRequests counts Produce requests awaiting an answer, over all brokers. */
  readonly inFlightRequests: number;
  /** producerId and producerEpoch are the idempotent identity, or -1n / -1. */
  readonly producerId: bigint;
  readonly producerEpoch: number;
}
