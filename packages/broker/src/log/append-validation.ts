import {
  BATCH_CRC_START,
  BatchField,
  CorruptRecordError,
  batchSizeBytes,
  crc32c,
  readBatchHeader,
  stampBatch,
} from "@tributary/client/internal/record";
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
 * analyzeBatches checks the structure of one append's batches before anything is written, one
 * header per batch, never decoding records (decision 1): whole v2 batches, within the size limit;
 * leader appends must hold dense producer batches; follower appends must carry contiguous offsets
 * and leader epochs that are non-negative and never go backwards. The CRCs are checked separately
 * by {@link verifyChecksums}, while the bytes are being written.
 *
 * @throws CorruptRecordError for bytes that are not whole batches (position is in `bytes`).
 * @throws TributaryError MESSAGE_TOO_LARGE for a batch over the limit.
 * @throws UnexpectedAppendOffsetError for a follower batch that does not follow the previous one.
 */
export function analyzeBatches(bytes: Uint8Array, origin: AppendOrigin, config: Pick<LogConfig, "batchBytesMax" | "segmentBytesMax">): BatchInfo[] {
  if (bytes.length === 0) throw new CorruptRecordError("truncated", 0, "an append needs at least one record batch");
  const batches: BatchInfo[] = [];
  let position = 0;
  while (position < bytes.length) {
    const header = readBatchHeader(bytes, position);
    const sizeBytes = batchSizeBytes(header);
    if (bytes.length - position < sizeBytes) {
      throw new CorruptRecordError("truncated", position, `batch is ${sizeBytes} bytes by its batchLength, ${bytes.length - position} remain`);
    }
    if (header.lastOffsetDelta < 0 || header.recordsCount < 0) {
      throw new CorruptRecordError("bad-count", position + BatchField.lastOffsetDelta, `lastOffsetDelta ${header.lastOffsetDelta} and recordsCount ${header.recordsCount} must not be negative`);
    }
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
 * verifyChecksums checks each batch's CRC-32C (attributes to the end; the offsets and epoch a
 * leader stamps lie outside it). It is the costly part of validation, one pass over every byte,
 * so the log runs it while the write of the same bytes is in flight.
 *
 * @throws CorruptRecordError "bad-crc" naming the first bad batch's position in `bytes`.
 */
export function verifyChecksums(bytes: Uint8Array, batches: readonly BatchInfo[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let position = 0;
  for (const batch of batches) {
    const expected = view.getUint32(position + BatchField.crc);
    const actual = crc32c(bytes, position + BATCH_CRC_START, position + batch.sizeBytes);
    if (actual !== expected) {
      const hex = (value: number) => `0x${value.toString(16).padStart(8, "0")}`;
      throw new CorruptRecordError("bad-crc", position + BatchField.crc, `CRC-32C is ${hex(actual)}, header says ${hex(expected)}`);
    }
    position += batch.sizeBytes;
  }
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
    stamped.push({ baseOffset: offset, lastOffset, maxTimestampMs: batch.maxTimestampMs, partitionLeaderEpoch: leaderEpoch, sizeBytes: batch.sizeBytes });
    offset = lastOffset + 1n;
    position += batch.sizeBytes;
  }
  return stamped;
}
