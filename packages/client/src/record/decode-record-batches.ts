import { constants } from "node:buffer";
import type { RecordBatchHeader } from "./batch-header.js";
import type { DecodedRecordBatch, DecodeRecordBatchesOptions } from "./record-batch-types.js";
import { batchSizeBytes, compressionOf, isControlBatch, isTransactional, validateBatch } from "./batch-header.js";
import {
  BATCH_HEADER_BYTES,
  BATCH_LOG_OVERHEAD_BYTES,
  BatchAttribute,
  BatchField,
  CompressionCodec,
  RECORD_BATCH_MAGIC,
} from "./batch-layout.js";
import { ByteReader } from "./byte-reader.js";
import { decompressRecords, isCompressionCodecId } from "./compression/record-compression.js";
import { CorruptRecordError } from "./corrupt-record-error.js";
import { DEFAULT_MAX_DECOMPRESSED_BYTES } from "./record-batch-types.js";
import { readRecords } from "./record-reader.js";

/** Smallest possible record: length, attributes, timestampDelta, offsetDelta, key, value, headers. */
const MIN_RECORD_BYTES = 7;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * isTruncatedTail says whether the bytes from `position` are the start of a batch that the buffer
 * cuts short, judged as Kafka's ByteBufferLogInputStream does: too short to show a length, or a
 * plausible length and magic with fewer bytes than that length.
 */
function isTruncatedTail(bytes: Buffer, position: number): boolean {
  const remaining = bytes.length - position;
  if (remaining < BATCH_LOG_OVERHEAD_BYTES) return true;
  const batchLength = bytes.readInt32BE(position + BatchField.batchLength);
  if (batchLength < BATCH_HEADER_BYTES - BATCH_LOG_OVERHEAD_BYTES) return false;
  if (remaining <= BatchField.magic) return true;
  if (bytes.readInt8(position + BatchField.magic) !== RECORD_BATCH_MAGIC) return false;
  return remaining < BATCH_LOG_OVERHEAD_BYTES + batchLength;
}

/**
 * decodeRecordBatches decodes every record batch in `bytes` (a log segment slice, a fetch
 * response's records, a produce request's records).
 *
 * Each batch's CRC-32C is verified before anything else in it is trusted; compressed records are
 * decompressed up to `maxDecompressedBytes` per batch; every length, count and varint is checked.
 * Keys, values and header values are views into `bytes` (uncompressed batches) or into the
 * decompressed records, not copies.
 *
 * It returns a promise because zstd's library is async only; the other codecs run synchronously.
 *
 * @throws CorruptRecordError naming what was wrong (`kind`) and the byte offset in `bytes`
 *   (`position`); no other error escapes for bad input. A plain Error means a codec's native
 *   library could not load on this platform.
 * @throws RangeError when `options.maxDecompressedBytes` is not a positive integer.
 */
export async function decodeRecordBatches(
  bytes: Uint8Array,
  options: DecodeRecordBatchesOptions = {},
): Promise<DecodedRecordBatch[]> {
  const requestedBytes = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  if (!Number.isSafeInteger(requestedBytes) || requestedBytes < 1) {
    throw new RangeError(`maxDecompressedBytes ${requestedBytes} is not a positive integer`);
  }
  // No Buffer can be larger, and zlib refuses a larger maxOutputLength.
  const maxDecompressedBytes = Math.min(requestedBytes, constants.MAX_LENGTH);
  const input = asBuffer(bytes);
  const batches: DecodedRecordBatch[] = [];
  let position = 0;
  while (position < input.length) {
    if (options.allowTruncatedTail === true && isTruncatedTail(input, position)) break;
    const header = validateBatch(input, position);
    batches.push(await decodeBatch(input, position, header, maxDecompressedBytes));
    position += batchSizeBytes(header);
  }
  return batches;
}

/** decodeBatch decodes the records of the CRC-checked batch at `position`. */
async function decodeBatch(
  input: Buffer,
  position: number,
  header: RecordBatchHeader,
  maxDecompressedBytes: number,
): Promise<DecodedRecordBatch> {
  const compression = compressionOf(header);
  if (!isCompressionCodecId(compression)) {
    throw new CorruptRecordError("bad-compression", position + BatchField.attributes, `unknown compression codec ${compression}`);
  }
  if (header.recordsCount > header.lastOffsetDelta + 1) {
    throw new CorruptRecordError(
      "bad-count",
      position + BatchField.recordsCount,
      `recordsCount ${header.recordsCount} exceeds lastOffsetDelta + 1 = ${header.lastOffsetDelta + 1}`,
    );
  }
  const recordsStart = position + BATCH_HEADER_BYTES;
  const recordsEnd = position + batchSizeBytes(header);
  let reader: ByteReader;
  if (compression === CompressionCodec.none) {
    reader = new ByteReader(input, recordsStart, recordsEnd, 0, false);
  } else {
    const payload = input.subarray(recordsStart, recordsEnd);
    const records = await decompressRecords(compression, payload, maxDecompressedBytes, recordsStart);
    reader = new ByteReader(records, 0, records.length, recordsStart, true);
  }
  // Checked before reading so that an absurd count fails fast with the count as the culprit.
  if (header.recordsCount > reader.remaining() / MIN_RECORD_BYTES) {
    throw new CorruptRecordError(
      "bad-count",
      position + BatchField.recordsCount,
      `recordsCount ${header.recordsCount} cannot fit in ${reader.remaining()} bytes of records`,
    );
  }
  const logAppendTime = (header.attributes & BatchAttribute.timestampTypeLogAppend) !== 0;
  return {
    header,
    compression,
    timestampType: logAppendTime ? "log-append-time" : "create-time",
    transactional: isTransactional(header),
    control: isControlBatch(header),
    records: readRecords(reader, header, logAppendTime),
  };
}
