import type { RecordBatchHeader } from "./batch-header.js";
import type { CompressionCodecId } from "./batch-layout.js";

/**
 * TimestampType says where record timestamps come from (attribute bit 3 of a batch):
 * - "create-time": the producer's clock, per record.
 * - "log-append-time": the broker's clock when it appended the batch; every record of the batch
 *   then has the batch's maxTimestamp as its timestamp, whatever its own delta says.
 */
export type TimestampType = "create-time" | "log-append-time";

/** RecordHeader is one application header of a record. Keys are UTF-8 strings and may repeat. */
export interface RecordHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

/** RecordInput is one record to encode. */
export interface RecordInput {
  /** key decides the partition and survives compaction; null or absent means no key. */
  readonly key?: Buffer | null;
  /** value is the payload; null is a tombstone for compacted topics. */
  readonly value: Buffer | null;
  /** timestamp in ms since the epoch; defaults to the batch's baseTimestamp, else the current time. */
  readonly timestamp?: bigint;
  /** headers in order; defaults to none. */
  readonly headers?: readonly RecordHeader[];
}

/**
 * RecordBatchInput is a batch to encode. Defaults are what a non-idempotent producer writes before
 * a leader has assigned offsets.
 */
export interface RecordBatchInput {
  /** records, at least one; record i gets offset delta i. */
  readonly records: readonly RecordInput[];
  /** compression of the records section; defaults to CompressionCodec.none. */
  readonly compression?: CompressionCodecId;
  /** baseOffset defaults to 0n; the leader overwrites it on append. */
  readonly baseOffset?: bigint;
  /** partitionLeaderEpoch defaults to -1; the leader overwrites it on append. */
  readonly partitionLeaderEpoch?: number;
  /** producerId defaults to -1n (not idempotent). */
  readonly producerId?: bigint;
  /** producerEpoch defaults to -1. */
  readonly producerEpoch?: number;
  /** baseSequence is the sequence number of the first record; defaults to -1. */
  readonly baseSequence?: number;
  /** transactional sets attribute bit 4. */
  readonly transactional?: boolean;
  /** control sets attribute bit 5: the records are transaction markers, not application data. */
  readonly control?: boolean;
  /** timestampType defaults to "create-time". */
  readonly timestampType?: TimestampType;
  /**
   * baseTimestamp is what record timestamps are stored relative to; defaults to the first record's
   * timestamp, as Kafka's Java producer writes it.
   */
  readonly baseTimestamp?: bigint;
  /**
   * logAppendTime is the maxTimestamp of a "log-append-time" batch (the broker's append time);
   * defaults to the largest record timestamp. Ignored for "create-time" batches.
   */
  readonly logAppendTime?: bigint;
}

/**
 * DecodedRecord is one record of a decoded batch.
 *
 * `key`, `value` and header values are views, not copies: of the input buffer for an uncompressed
 * batch, of the decompressed records for a compressed one. Copy them (`Buffer.from(view)`) before
 * reusing or mutating the input buffer if they must outlive it.
 */
export interface DecodedRecord {
  /** offset is baseOffset + offsetDelta. */
  readonly offset: bigint;
  /** timestamp is baseTimestamp + timestampDelta, or the batch's maxTimestamp for log-append-time. */
  readonly timestamp: bigint;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly RecordHeader[];
}

/** DecodedRecordBatch is one batch: its header, the attributes spelled out, and its records. */
export interface DecodedRecordBatch {
  readonly header: RecordBatchHeader;
  readonly compression: CompressionCodecId;
  readonly timestampType: TimestampType;
  readonly transactional: boolean;
  readonly control: boolean;
  readonly records: readonly DecodedRecord[];
}

/** DEFAULT_MAX_DECOMPRESSED_BYTES is the default for {@link DecodeRecordBatchesOptions.maxDecompressedBytes}. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

/** DecodeRecordBatchesOptions tune {@link decodeRecordBatches}. */
export interface DecodeRecordBatchesOptions {
  /**
   * maxDecompressedBytes caps the decompressed size of one batch's records, and so the memory a
   * hostile or broken compressed batch can make the decoder allocate. Enforced while
   * decompressing, not after. Defaults to {@link DEFAULT_MAX_DECOMPRESSED_BYTES} (64 MiB).
   */
  readonly maxDecompressedBytes?: number;
  /**
   * allowTruncatedTail ignores a last batch that the buffer cuts short, as a fetch response may
   * when a batch straddles its size limit. Defaults to false: a cut batch is an error.
   */
  readonly allowTruncatedTail?: boolean;
}
