/**
 * @internal Record-batch internals shared with the controller and broker packages. Not part of
 * the public API and not covered by semver.
 */
export {
  BATCH_CRC_START,
  BATCH_HEADER_BYTES,
  BATCH_LOG_OVERHEAD_BYTES,
  BatchAttribute,
  BatchField,
  CompressionCodec,
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  RECORD_BATCH_MAGIC,
} from "../record/batch-layout.js";
export type { CompressionCodecId } from "../record/batch-layout.js";
export {
  batchSizeBytes,
  compressionOf,
  isControlBatch,
  isTransactional,
  lastOffsetOf,
  readBatchHeader,
  sealBatch,
  stampBatch,
  validateBatch,
  writeBatchHeader,
} from "../record/batch-header.js";
export type { BatchHeaderFields, RecordBatchHeader } from "../record/batch-header.js";
export { crc32c } from "../record/crc32c.js";
export { CorruptRecordError } from "../record/corrupt-record-error.js";
export { ByteReader } from "../record/byte-reader.js";
export {
  MAX_VARINT_BYTES,
  MAX_VARLONG_BYTES,
  readVarint,
  readVarlong,
  sizeOfVarint,
  sizeOfVarlong,
  writeVarint,
  writeVarlong,
} from "../record/varint.js";
export { compressRecords, decompressRecords, isCompressionCodecId } from "../record/compression/record-compression.js";
export { assert, AssertionError } from "../util/assert.js";
