import {
  BATCH_CRC_START,
  BATCH_HEADER_BYTES,
  BATCH_LOG_OVERHEAD_BYTES,
  BatchAttribute,
  BatchField,
  RECORD_BATCH_MAGIC,
} from "./batch-layout.js";
import { crc32c } from "./crc32c.js";
import { CorruptRecordError } from "./corrupt-record-error.js";

/**
 * RecordBatchHeader is the fixed header of one v2 batch, read without touching its records. This is
 * all the broker's hot path needs: offsets, sizes, epochs, timestamps and the producer fields.
 */
export interface RecordBatchHeader {
  readonly baseOffset: bigint;
  /** Bytes after the batchLength field; the whole batch is `batchLength + 12` bytes. */
  readonly batchLength: number;
  readonly partitionLeaderEpoch: number;
  readonly magic: number;
  readonly crc: number;
  readonly attributes: number;
  readonly lastOffsetDelta: number;
  readonly baseTimestamp: bigint;
  readonly maxTimestamp: bigint;
  readonly producerId: bigint;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordsCount: number;
}

/** batchSizeBytes returns the size on disk of the batch whose header is `header`. */
export function batchSizeBytes(header: Pick<RecordBatchHeader, "batchLength">): number {
  return BATCH_LOG_OVERHEAD_BYTES + header.batchLength;
}

/** lastOffsetOf returns the offset of the last record of the batch. */
export function lastOffsetOf(header: Pick<RecordBatchHeader, "baseOffset" | "lastOffsetDelta">): bigint {
  return header.baseOffset + BigInt(header.lastOffsetDelta);
}

/** isControlBatch, isTransactional and compressionOf read attribute bits. */
export function isControlBatch(header: Pick<RecordBatchHeader, "attributes">): boolean {
  return (header.attributes & BatchAttribute.control) !== 0;
}
/** See {@link isControlBatch}. */
export function isTransactional(header: Pick<RecordBatchHeader, "attributes">): boolean {
  return (header.attributes & BatchAttribute.transactional) !== 0;
}
/** See {@link isControlBatch}. */
export function compressionOf(header: Pick<RecordBatchHeader, "attributes">): number {
  return header.attributes & BatchAttribute.compressionMask;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * readBatchHeader reads the header of the batch starting at `position` in `bytes`. It checks only
 * that the header itself is present and the magic is 2; it does not check the CRC or that the
 * whole batch is present (see {@link validateBatch}).
 *
 * @throws CorruptRecordError when fewer than 61 bytes remain, the magic is not 2, or batchLength
 *   is too small to hold the header.
 */
export function readBatchHeader(bytes: Uint8Array, position = 0): RecordBatchHeader {
  if (bytes.length - position < BATCH_HEADER_BYTES) {
    throw new CorruptRecordError(
      "truncated",
      position,
      `batch header needs ${BATCH_HEADER_BYTES} bytes, ${bytes.length - position} remain`,
    );
  }
  const dv = view(bytes);
  const magic = dv.getInt8(position + BatchField.magic);
  if (magic !== RECORD_BATCH_MAGIC) {
    throw new CorruptRecordError("bad-magic", position + BatchField.magic, `magic is ${magic}, expected 2`);
  }
  const batchLength = dv.getInt32(position + BatchField.batchLength);
  if (batchLength < BATCH_HEADER_BYTES - BATCH_LOG_OVERHEAD_BYTES) {
    throw new CorruptRecordError(
      "bad-length",
      position + BatchField.batchLength,
      `batchLength ${batchLength} is smaller than the ${BATCH_HEADER_BYTES - BATCH_LOG_OVERHEAD_BYTES}-byte header`,
    );
  }
  return {
    baseOffset: dv.getBigInt64(position + BatchField.baseOffset),
    batchLength,
    partitionLeaderEpoch: dv.getInt32(position + BatchField.partitionLeaderEpoch),
    magic,
    crc: dv.getUint32(position + BatchField.crc),
    attributes: dv.getInt16(position + BatchField.attributes),
    lastOffsetDelta: dv.getInt32(position + BatchField.lastOffsetDelta),
    baseTimestamp: dv.getBigInt64(position + BatchField.baseTimestamp),
    maxTimestamp: dv.getBigInt64(position + BatchField.maxTimestamp),
    producerId: dv.getBigInt64(position + BatchField.producerId),
    producerEpoch: dv.getInt16(position + BatchField.producerEpoch),
    baseSequence: dv.getInt32(position + BatchField.baseSequence),
    recordsCount: dv.getInt32(position + BatchField.recordsCount),
  };
}

/**
 * validateBatch reads the header of the batch at `position` and checks that the whole batch is
 * present and its CRC-32C matches. It does not decode records; it is what a broker runs once per
 * batch on produce and on recovery.
 *
 * @returns the header.
 * @throws CorruptRecordError naming what was wrong and where.
 */
export function validateBatch(bytes: Uint8Array, position = 0): RecordBatchHeader {
  const header = readBatchHeader(bytes, position);
  const size = batchSizeBytes(header);
  if (bytes.length - position < size) {
    throw new CorruptRecordError(
      "truncated",
      position,
      `batch is ${size} bytes by its batchLength, ${bytes.length - position} remain`,
    );
  }
  const actual = crc32c(bytes, position + BATCH_CRC_START, position + size);
  if (actual !== header.crc) {
    throw new CorruptRecordError(
      "bad-crc",
      position + BatchField.crc,
      `CRC-32C is 0x${actual.toString(16).padStart(8, "0")}, header says 0x${header.crc.toString(16).padStart(8, "0")}`,
    );
  }
  if (header.lastOffsetDelta < 0 || header.recordsCount < 0) {
    throw new CorruptRecordError(
      "bad-count",
      position + BatchField.lastOffsetDelta,
      `lastOffsetDelta ${header.lastOffsetDelta} and recordsCount ${header.recordsCount} must not be negative`,
    );
  }
  return header;
}

/**
 * stampBatch rewrites baseOffset and partitionLeaderEpoch of the batch at `position` in place.
 * Both lie outside the CRC, so the checksum stays valid. This is how a leader assigns offsets to
 * a producer's batch without re-encoding it.
 */
export function stampBatch(bytes: Uint8Array, position: number, baseOffset: bigint, partitionLeaderEpoch: number): void {
  const dv = view(bytes);
  dv.setBigInt64(position + BatchField.baseOffset, baseOffset);
  dv.setInt32(position + BatchField.partitionLeaderEpoch, partitionLeaderEpoch);
}

/**
 * BatchHeaderFields are the header fields a writer chooses; batchLength, magic and crc are derived
 * by {@link writeBatchHeader} and {@link sealBatch}.
 */
export type BatchHeaderFields = Omit<RecordBatchHeader, "batchLength" | "magic" | "crc">;

/**
 * writeBatchHeader writes a complete v2 header for a batch of `sizeBytes` bytes (header included)
 * at `position` of `target`, with a zero CRC. Call {@link sealBatch} once the records are in place.
 */
export function writeBatchHeader(target: Uint8Array, position: number, sizeBytes: number, fields: BatchHeaderFields): void {
  const dv = view(target);
  dv.setBigInt64(position + BatchField.baseOffset, fields.baseOffset);
  dv.setInt32(position + BatchField.batchLength, sizeBytes - BATCH_LOG_OVERHEAD_BYTES);
  dv.setInt32(position + BatchField.partitionLeaderEpoch, fields.partitionLeaderEpoch);
  dv.setInt8(position + BatchField.magic, RECORD_BATCH_MAGIC);
  dv.setUint32(position + BatchField.crc, 0);
  dv.setInt16(position + BatchField.attributes, fields.attributes);
  dv.setInt32(position + BatchField.lastOffsetDelta, fields.lastOffsetDelta);
  dv.setBigInt64(position + BatchField.baseTimestamp, fields.baseTimestamp);
  dv.setBigInt64(position + BatchField.maxTimestamp, fields.maxTimestamp);
  dv.setBigInt64(position + BatchField.producerId, fields.producerId);
  dv.setInt16(position + BatchField.producerEpoch, fields.producerEpoch);
  dv.setInt32(position + BatchField.baseSequence, fields.baseSequence);
  dv.setInt32(position + BatchField.recordsCount, fields.recordsCount);
}

/** sealBatch computes and stores the CRC-32C of the complete batch at `position` of `bytes`. */
export function sealBatch(bytes: Uint8Array, position = 0): void {
  const size = BATCH_LOG_OVERHEAD_BYTES + view(bytes).getInt32(position + BatchField.batchLength);
  view(bytes).setUint32(position + BatchField.crc, crc32c(bytes, position + BATCH_CRC_START, position + size));
}
