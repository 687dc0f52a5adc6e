import { batchSizeBytes, lastOffsetOf } from "@tributary/client/internal/record";
import type { RecordBatchHeader } from "@tributary/client/internal/record";

/**
 * BatchInfo is what the log keeps from one batch header: enough to place, index and account for
 * the batch without looking at its records.
 */
export interface BatchInfo {
  readonly baseOffset: bigint;
  readonly lastOffset: bigint;
  /** maxTimestampMs is the batch's max timestamp; -1 (NO_TIMESTAMP) when it has none. */
  readonly maxTimestampMs: number;
  readonly partitionLeaderEpoch: number;
  readonly sizeBytes: number;
}

/** batchInfoOf extracts a {@link BatchInfo} from a header (one per batch, never per record). */
export function batchInfoOf(header: RecordBatchHeader): BatchInfo {
  return {
    baseOffset: header.baseOffset,
    lastOffset: lastOffsetOf(header),
    maxTimestampMs: Number(header.maxTimestamp),
    partitionLeaderEpoch: header.partitionLeaderEpoch,
    sizeBytes: batchSizeBytes(header),
  };
}
