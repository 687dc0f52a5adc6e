/**
 * The fixed header of a Kafka RecordBatch v2 (magic 2), byte offsets from the start of the batch.
 * See Kafka's DefaultRecordBatch and docs/implementation.html section 5.3.
 *
 * Total size on disk = {@link BATCH_LOG_OVERHEAD_BYTES} + batchLength. The CRC covers
 * attributes..end; baseOffset, batchLength and partitionLeaderEpoch lie outside it, so a leader can
 * stamp offsets and its epoch without recomputing the checksum.
 */
export const BatchField = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordsCount: 57,
} as const;

/** BATCH_HEADER_BYTES is the size of the fixed header; records start here. */
export const BATCH_HEADER_BYTES = 61;

/** BATCH_LOG_OVERHEAD_BYTES is what precedes batchLength's count: baseOffset (8) and batchLength (4). */
export const BATCH_LOG_OVERHEAD_BYTES = 12;

/** BATCH_CRC_START is where the CRC-32C coverage begins (the attributes field). */
export const BATCH_CRC_START = BatchField.attributes;

/** RECORD_BATCH_MAGIC is the only batch format version Tributary reads and writes. */
export const RECORD_BATCH_MAGIC = 2;

/** NO_PRODUCER_ID, NO_PRODUCER_EPOCH and NO_SEQUENCE mark a batch from a non-idempotent producer. */
export const NO_PRODUCER_ID = -1n;
/** See {@link NO_PRODUCER_ID}. */
export const NO_PRODUCER_EPOCH = -1;
/** See {@link NO_PRODUCER_ID}. */
export const NO_SEQUENCE = -1;
/** NO_PARTITION_LEADER_EPOCH is what a client writes before a leader stamps its epoch. */
export const NO_PARTITION_LEADER_EPOCH = -1;

/** Attribute bits of a v2 batch. */
export const BatchAttribute = {
  compressionMask: 0x07,
  timestampTypeLogAppend: 0x08,
  transactional: 0x10,
  control: 0x20,
  hasDeleteHorizon: 0x40,
} as const;

/** CompressionCodec is the codec id stored in attribute bits 0-2. */
export const CompressionCodec = {
  none: 0,
  gzip: 1,
  snappy: 2,
  lz4: 3,
  zstd: 4,
} as const;

/** CompressionCodec's union of ids. */
export type CompressionCodecId = (typeof CompressionCodec)[keyof typeof CompressionCodec];
