import {
  BATCH_HEADER_BYTES,
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  sealBatch,
  writeBatchHeader,
} from "@tributary/client/internal/record";

/** TestBatch describes a valid v2 batch whose records body is opaque filler bytes. */
export interface TestBatch {
  /** records is recordsCount (default 1); lastOffsetDelta is records - 1 unless set. */
  readonly records?: number;
  /** lastOffsetDelta overrides records - 1 (follower batches may have gaps). */
  readonly lastOffsetDelta?: number;
  /** bodyBytes is the size of the opaque records section (default 16). */
  readonly bodyBytes?: number;
  /** timestampMs is the batch's base and max timestamp (default 1_700_000_000_000). */
  readonly timestampMs?: number;
  /** baseOffset defaults to 0 (a producer batch before the leader stamps it). */
  readonly baseOffset?: bigint;
  /** epoch is partitionLeaderEpoch (default -1, as a producer sends it). */
  readonly epoch?: number;
  /** fill is the byte the body is filled with (default: a pattern from the body position). */
  readonly fill?: number;
}

/**
 * makeBatch builds one sealed RecordBatch v2: a real header from writeBatchHeader, an opaque body
 * and a correct CRC. The log never decodes records, so the body need not parse as records.
 */
export function makeBatch(batch: TestBatch = {}): Buffer {
  const records = batch.records ?? 1;
  const bodyBytes = batch.bodyBytes ?? 16;
  const bytes = Buffer.alloc(BATCH_HEADER_BYTES + bodyBytes);
  const timestamp = BigInt(batch.timestampMs ?? 1_700_000_000_000);
  writeBatchHeader(bytes, 0, bytes.length, {
    baseOffset: batch.baseOffset ?? 0n,
    partitionLeaderEpoch: batch.epoch ?? NO_PARTITION_LEADER_EPOCH,
    attributes: 0,
    lastOffsetDelta: batch.lastOffsetDelta ?? records - 1,
    baseTimestamp: timestamp,
    maxTimestamp: timestamp,
    producerId: NO_PRODUCER_ID,
    producerEpoch: NO_PRODUCER_EPOCH,
    baseSequence: NO_SEQUENCE,
    recordsCount: records,
  });
  for (let i = 0; i < bodyBytes; i++) bytes[BATCH_HEADER_BYTES + i] = batch.fill ?? (i * 31 + records) & 0xff;
  sealBatch(bytes);
  return bytes;
}

/** makeBatches concatenates several batches into one append's bytes. */
export function makeBatches(batches: readonly TestBatch[]): Buffer {
  return Buffer.concat(batches.map((batch) => makeBatch(batch)));
}
