import { BatchField, CorruptRecordError, stampBatch, validateBatch } from "@tributary/client/internal/record";
import { TributaryError } from "@tributary/client/internal/errors";
import { batchInfoOf } from "./batch-info.js";
import type { BatchInfo } from "./batch-info.js";
import type { LogConfig } from "./log-config.js";
import { UnexpectedAppendOffsetError } from "./log-errors.js";

/**
 * AppendOrigin says who produced the bytes: a producer (the leader assigns offsets and its epoch)
 * or the partition leader (a follower stores the bytes exactly as they are).
 */
export type AppendOrigin = "leader" | "follower";

/**
 * analyzeBatches checks the batches of one append before anything is written, one header and one
 * CRC per batch, never decoding records (decision 1). Leader appends must hold dense producer
 * batches within `batchBytesMax`; follower appends must carry contiguous offsets and leader
 * epochs that are non-negative and never go backwards.
 *
 * @throws CorruptRecordError for bytes that are not whole valid batches (position is in `bytes`).
 * @throws TributaryError MESSAGE_TOO_LARGE for a batch over the limit.
 * @throws UnexpectedAppendOffsetError for a follower batch that does not follow the previous one.
 */
export function analyzeBatches(bytes: Uint8Array, origin: AppendOrigin, config: Pick<LogConfig, "batchBytesMax" | "segmentBytesMax">): BatchInfo[] {
  if (bytes.length === 0) throw new CorruptRecordError("truncated", 0, "an append needs at least one record batch");
  const batches: BatchInfo[] = [];
  let position = 0;
  while (position < bytes.length) {
    const header = validateBatch(bytes, position);
    const batch = batchInfoOf(header);
    const limitBytes = origin === "leader" ? config.batchBytesMax : config.segmentBytesMax;
    if (batch.sizeBytes > limitBytes) {
      throw new TributaryError("MESSAGE_TOO_LARGE", `a ${batch.sizeBytes}-byte batch exceeds the ${limitBytes}-byte limit`);
    }
    if (origin === "leader") {
      // A producer numbers records 0..n-1; the leader trusts that instead of decoding them.
      if (header.recordsCount < 1 || header.lastOffsetDelta !== header.recordsCount - 1) {
        throw new CorruptRecordError(
          "bad-count",
          position + BatchField.recordsCount,
          `a producer batch needs recordsCount >= 1 and lastOffsetDelta = recordsCount - 1, got ${header.recordsCount} and ${header.lastOffsetDelta}`,
        );
      }
    } else {
      const previous = batches.at(-1);
      if (previous !== undefined && batch.baseOffset !== previous.lastOffset + 1n) {
        throw new UnexpectedAppendOffsetError(previous.lastOffset + 1n, batch.baseOffset);
      }
      const floorEpoch = previous?.partitionLeaderEpoch ?? 0;
      if (batch.partitionLeaderEpoch < floorEpoch) {
        throw new CorruptRecordError(
          "bad-record",
          position + BatchField.partitionLeaderEpoch,
          `leader epoch ${batch.partitionLeaderEpoch} is negative or older than the previous batch's ${floorEpoch}`,
        );
      }
    }
    batches.push(batch);
    position += batch.sizeBytes;
  }
  return batches;
}

/**
 * assignOffsets stamps consecutive offsets from `firstOffset` and the leader's epoch into each
 * batch in place (both fields lie outside the CRC) and returns the batches' new descriptions.
 */
export function assignOffsets(bytes: Uint8Array, batches: readonly BatchInfo[], firstOffset: bigint, leaderEpoch: number): BatchInfo[] {
  const stamped: BatchInfo[] = [];
  let position = 0;
  let offset = firstOffset;
  for (const batch of batches) {
    stampBatch(bytes, position, offset, leaderEpoch);
    const lastOffset = offset + (batch.lastOffset - batch.baseOffset);
    stamped.push({ ...batch, baseOffset: offset, lastOffset, partitionLeaderEpoch: leaderEpoch });
    offset = lastOffset + 1n;
    position += batch.sizeBytes;
  }
  return stamped;
}
