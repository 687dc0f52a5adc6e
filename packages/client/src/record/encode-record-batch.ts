import type { CompressionCodecId } from "./batch-layout.js";
import type { RecordBatchInput } from "./record-batch-types.js";
import { assert } from "../util/assert.js";
import { sealBatch, writeBatchHeader } from "./batch-header.js";
import {
  BATCH_HEADER_BYTES,
  BATCH_LOG_OVERHEAD_BYTES,
  BatchAttribute,
  CompressionCodec,
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
} from "./batch-layout.js";
import { compressRecords, isCompressionCodecId } from "./compression/record-compression.js";
import { layoutRecords, writeRecords } from "./record-writer.js";
import { isInt64 } from "./varint.js";

const INT32_MAX = 0x7fffffff;

function checkInt(value: number, bits: 16 | 32, name: string): void {
  const limit = 2 ** (bits - 1);
  if (!Number.isInteger(value) || value < -limit || value >= limit) {
    throw new RangeError(`${name} ${value} is not an int${bits}`);
  }
}

function checkInt64(value: bigint, name: string): void {
  if (!isInt64(value)) throw new RangeError(`${name} ${value} is not an int64`);
}

/**
 * encodeRecordBatch encodes `batch` as one Kafka RecordBatch v2 (magic 2), CRC-32C sealed, ready
 * for a produce request or a log segment.
 *
 * Sizes are computed first: an uncompressed batch is one allocation written in place; a
 * compressed one is the records, their compressed form, and the batch.
 *
 * It returns a promise because zstd's library is async only; the other codecs run synchronously.
 *
 * @throws RangeError when the input cannot be encoded: no records, a field out of its integer
 *   range, an unknown compression id, a timestamp delta beyond int64.
 */
export async function encodeRecordBatch(batch: RecordBatchInput): Promise<Buffer> {
  const { records } = batch;
  if (records.length === 0) throw new RangeError("a record batch needs at least one record");
  if (records.length - 1 > INT32_MAX) throw new RangeError(`${records.length} records do not fit one batch`);
  const compression: CompressionCodecId = batch.compression ?? CompressionCodec.none;
  if (!isCompressionCodecId(compression)) throw new RangeError(`unknown compression codec ${String(compression)}`);
  const baseOffset = batch.baseOffset ?? 0n;
  const partitionLeaderEpoch = batch.partitionLeaderEpoch ?? NO_PARTITION_LEADER_EPOCH;
  const producerId = batch.producerId ?? NO_PRODUCER_ID;
  const producerEpoch = batch.producerEpoch ?? NO_PRODUCER_EPOCH;
  const baseSequence = batch.baseSequence ?? NO_SEQUENCE;
  checkInt64(baseOffset, "baseOffset");
  checkInt(partitionLeaderEpoch, 32, "partitionLeaderEpoch");
  checkInt64(producerId, "producerId");
  checkInt(producerEpoch, 16, "producerEpoch");
  checkInt(baseSequence, 32, "baseSequence");

  // Records without a timestamp get the batch's baseTimestamp or, failing that, one clock reading
  // for the whole batch. Like Java's producer, deltas are relative to the first record's timestamp.
  const fallback = batch.baseTimestamp ?? BigInt(Date.now());
  const baseTimestamp = batch.baseTimestamp ?? records[0]!.timestamp ?? fallback;
  checkInt64(baseTimestamp, "baseTimestamp");
  const timestampDeltas: bigint[] = new Array<bigint>(records.length);
  let maxTimestamp = baseTimestamp;
  for (let index = 0; index < records.length; index++) {
    const timestamp = records[index]!.timestamp ?? fallback;
    checkInt64(timestamp, `records[${index}].timestamp`);
    const delta = timestamp - baseTimestamp;
    checkInt64(delta, `records[${index}].timestamp - baseTimestamp`);
    timestampDeltas[index] = delta;
    if (index === 0 || timestamp > maxTimestamp) maxTimestamp = timestamp;
  }
  const logAppendTime = batch.timestampType === "log-append-time";
  if (logAppendTime && batch.logAppendTime !== undefined) {
    checkInt64(batch.logAppendTime, "logAppendTime");
    maxTimestamp = batch.logAppendTime;
  }

  const attributes =
    compression |
    (logAppendTime ? BatchAttribute.timestampTypeLogAppend : 0) |
    (batch.transactional === true ? BatchAttribute.transactional : 0) |
    (batch.control === true ? BatchAttribute.control : 0);

  const layout = layoutRecords(records, timestampDeltas);
  let out: Buffer;
  if (compression === CompressionCodec.none) {
    out = Buffer.allocUnsafe(BATCH_HEADER_BYTES + layout.totalBytes);
    writeRecords(out, BATCH_HEADER_BYTES, records, layout);
  } else {
    const plain = Buffer.allocUnsafe(layout.totalBytes);
    writeRecords(plain, 0, records, layout);
    const compressed = await compressRecords(compression, plain);
    out = Buffer.allocUnsafe(BATCH_HEADER_BYTES + compressed.length);
    compressed.copy(out, BATCH_HEADER_BYTES);
  }
  assert(out.length - BATCH_LOG_OVERHEAD_BYTES <= INT32_MAX, "batch longer than batchLength can say");
  writeBatchHeader(out, 0, out.length, {
    baseOffset,
    partitionLeaderEpoch,
    attributes,
    lastOffsetDelta: records.length - 1,
    baseTimestamp,
    maxTimestamp,
    producerId,
    producerEpoch,
    baseSequence,
    recordsCount: records.length,
  });
  sealBatch(out, 0);
  return out;
}
