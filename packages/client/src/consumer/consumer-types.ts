/**
 * ConsumerMessageHeaders are a consumed record's headers, KafkaJS-style: each key maps to its
 * value, or to every value in order when the record repeats the key. A header may carry a null
 * value. The object has no prototype, so a header named "__proto__" is just a header.
 */
export type ConsumerMessageHeaders = Readonly<Record<string, Buffer | null | readonly (Buffer | null)[]>>;

/**
 * ConsumerMessage is one consumed record. `key`, `value` and header values are views into the
 * fetched bytes, not copies: copy them (`Buffer.from(view)`) to keep them past the handler call
 * if memory matters, since a view keeps its whole fetch response alive.
 */
export interface ConsumerMessage {
  /** offset is the record's position in its partition. */
  readonly offset: bigint;
  /** timestamp is ms since the epoch: the producer's (create time) or the broker's (log append time). */
  readonly timestamp: bigint;
  readonly key: Buffer | null;
  /** value is the payload; null is a tombstone. */
  readonly value: Buffer | null;
  readonly headers: ConsumerMessageHeaders;
  /** leaderEpoch is the partition leader epoch the record was written in (-1 when unknown). */
  readonly leaderEpoch: number;
}

/** ConsumerRecord is what `for await (const record of consumer)` yields: a message and where it is from. */
export interface ConsumerRecord extends ConsumerMessage {
  readonly topic: string;
  readonly partition: number;
}

/** OffsetInput is an offset as callers may spell it; it must be a non-negative integer. */
export type OffsetInput = bigint | number | string;

/** TopicPartitionsInput names partitions of a topic; without `partitions`, every partition of it. */
export interface TopicPartitionsInput {
  readonly topic: string;
  readonly partitions?: readonly number[];
}

/** TopicPartitionsAssignment names partitions of a topic for a manual `assign()`. */
export interface TopicPartitionsAssignment {
  readonly topic: string;
  readonly partitions: readonly number[];
}

/** TopicPartitionList is a set of partitions, grouped by topic, sorted by topic and partition. */
export interface TopicPartitionList {
  readonly topic: string;
  readonly partitions: readonly number[];
}

/** TopicPartitionOffset is a position in one partition (`seek`, `commitOffsets`). */
export interface TopicPartitionOffset {
  readonly topic: string;
  readonly partition: number;
  /** offset for commits is the next offset to read: the last processed offset + 1. */
  readonly offset: OffsetInput;
}

/** PartitionOffset is a partition's offset, as the consumer reports it. */
export interface PartitionOffset {
  readonly partition: number;
  readonly offset: bigint;
}

/** TopicOffsets are offsets of some partitions of a topic. */
export interface TopicOffsets {
  readonly topic: string;
  readonly partitions: readonly PartitionOffset[];
}

/** SubscribeOptions are what `subscribe()` takes. */
export interface SubscribeOptions {
  /**
   * topics are topic names and regular expressions. A RegExp matches a topic when
   * `regex.test(name)` would, and is evaluated by the group coordinator, so topics created later
   * join the subscription without a restart. Flags that change matching (i, m, s, u, v) cannot be
   * evaluated there and are refused; spell alternatives out instead (`/[Oo]rders/`).
   */
  readonly topics: readonly (string | RegExp)[];
  /**
   * fromBeginning says where to start in a partition the group has no committed offset for:
   * the earliest offset (true) or the end (false). Defaults to the consumer's `fromBeginning`.
   * It does not apply when an offset is committed.
   */
  readonly fromBeginning?: boolean;
}

/**
 * EachMessagePayload is what an `eachMessage` handler receives. Messages of one partition arrive
 * one at a time, in offset order; a message counts as processed (its offset + 1 becomes
 * committable) when the handler resolves.
 */
export interface EachMessagePayload {
  readonly topic: string;
  readonly partition: number;
  readonly message: ConsumerMessage;
  /**
   * heartbeat resolves at once: liveness heartbeats run in the background, whatever the handler
   * is doing, so long handlers never need to call it. Kept for KafkaJS compatibility.
   */
  heartbeat(): Promise<void>;
  /** pause pauses this message's partition after this message; the returned function resumes it. */
  pause(): () => void;
}

/** Batch is a run of messages of one partition, handed to an `eachBatch` handler. */
export interface Batch {
  readonly topic: string;
  readonly partition: number;
  /** highWatermark is the partition's high watermark when the messages were fetched. */
  readonly highWatermark: bigint;
  /** messages in offset order; at most `maxRecordsPerFetch` of them when that is set. */
  readonly messages: readonly ConsumerMessage[];
  isEmpty(): boolean;
  /** firstOffset is the first message's offset, or null when empty. */
  firstOffset(): bigint | null;
  /** lastOffset is the last message's offset, or highWatermark - 1 when empty. */
  lastOffset(): bigint;
  /** offsetLag is how far the last message is behind the end of the partition: highWatermark - 1 - lastOffset. */
  offsetLag(): bigint;
  /** offsetLagLow is how far the first message is behind: highWatermark - 1 - firstOffset. */
  offsetLagLow(): bigint;
}

/**
 * EachBatchPayload is what an `eachBatch` handler receives. Only one batch of a partition is
 * being handled at any time.
 */
export interface EachBatchPayload {
  readonly batch: Batch;
  /**
   * resolveOffset marks `offset` (and so everything before it in the batch) processed: offset + 1
   * becomes committable. Resolving a message of a batch made stale by seek() or by losing the
   * partition has no effect.
   */
  resolveOffset(offset: OffsetInput): void;
  /** heartbeat resolves at once: heartbeats run in the background (see EachMessagePayload.heartbeat). */
  heartbeat(): Promise<void>;
  /**
   * commitOffsetsIfNecessary commits `offsets` when given; without them it commits the resolved
   * offsets when autoCommit is on and autoCommitIntervalMs has passed since the last commit.
   */
  commitOffsetsIfNecessary(offsets?: readonly TopicPartitionOffset[]): Promise<void>;
  /** uncommittedOffsets lists resolved offsets not committed yet. */
  uncommittedOffsets(): TopicOffsets[];
  /** isRunning tells whether the consumer is still running (false once stop() or disconnect() began). */
  isRunning(): boolean;
  /**
   * isStale tells whether the rest of this batch should be dropped: the partition was sought,
   * paused, revoked or lost since the batch was handed out.
   */
  isStale(): boolean;
  /** pause pauses this batch's partition; unresolved messages come again after resume. Returns the resume function. */
  pause(): () => void;
}

/** EachMessageHandler handles one message. */
export type EachMessageHandler = (payload: EachMessagePayload) => Promise<void>;

/** EachBatchHandler handles one batch. */
export type EachBatchHandler = (payload: EachBatchPayload) => Promise<void>;

/** RunOptions are what `run()` takes: exactly one of eachMessage and eachBatch. */
export interface RunOptions {
  readonly eachMessage?: EachMessageHandler;
  readonly eachBatch?: EachBatchHandler;
  /**
   * eachBatchAutoResolve (default true) resolves every message of a batch when the eachBatch
   * handler returns, unless the batch went stale meanwhile.
   */
  readonly eachBatchAutoResolve?: boolean;
  /**
   * partitionsConsumedConcurrently (default 1) is how many partitions are handled at once. Order
   * within a partition always holds: one handler call per partition at a time.
   */
  readonly partitionsConsumedConcurrently?: number;
}
