import { NO_PARTITION_LEADER_EPOCH, RECORD_BATCH_MAGIC } from "@tributary/client/internal/record";
import type { RecordBatchHeader } from "@tributary/client/internal/record";

/** ProducerBatchFields describe a producer batch header for a test; producer state reads headers only. */
export interface ProducerBatchFields {
  readonly producerId: bigint;
  readonly producerEpoch?: number;
  readonly baseSequence: number;
  /** records is recordsCount (default 1); lastOffsetDelta is records - 1. */
  readonly records?: number;
  /** baseOffset defaults to 0, as a producer sends it; stored headers carry the leader's. */
  readonly baseOffset?: bigint;
  /** leaderEpoch is partitionLeaderEpoch (default -1, as a producer sends it). */
  readonly leaderEpoch?: number;
  readonly timestampMs?: number;
  readonly attributes?: number;
}

/** producerBatch returns the header of a producer batch with these fields (no bytes: nothing here checks a CRC). */
export function producerBatch(fields: ProducerBatchFields): RecordBatchHeader {
  const records = fields.records ?? 1;
  const timestamp = BigInt(fields.timestampMs ?? 1_700_000_000_000);
  return {
    baseOffset: fields.baseOffset ?? 0n,
    batchLength: 49 + 16,
    partitionLeaderEpoch: fields.leaderEpoch ?? NO_PARTITION_LEADER_EPOCH,
    magic: RECORD_BATCH_MAGIC,
    crc: 0,
    attributes: fields.attributes ?? 0,
    lastOffsetDelta: records - 1,
    baseTimestamp: timestamp,
    maxTimestamp: timestamp,
    producerId: fields.producerId,
    producerEpoch: fields.producerEpoch ?? 0,
    baseSequence: fields.baseSequence,
    recordsCount: records,
  };
}

/** stored returns `header` as the log stores it: stamped with its offset and leader epoch. */
export function stored(header: RecordBatchHeader, baseOffset: bigint, leaderEpoch: number): RecordBatchHeader {
  return { ...header, baseOffset, partitionLeaderEpoch: leaderEpoch };
}
