/**
 * @tributary/client: the Tributary SDK. Record batches in Kafka's v2 format, partitioners, and
 * (as they land) the admin, producer and consumer clients.
 */
export { CorruptRecordError } from "./record/corrupt-record-error.js";
export type { CorruptRecordKind } from "./record/corrupt-record-error.js";
export { CompressionCodec } from "./record/batch-layout.js";
export type { CompressionCodecId } from "./record/batch-layout.js";

/**
 * Kafka RecordBatch v2 codec: `encodeRecordBatch(batch): Promise<Buffer>` and
 * `decodeRecordBatches(bytes, options?): Promise<DecodedRecordBatch[]>`, byte-compatible with Kafka's
 * Java client and KafkaJS, for every compression codec. Decoding checks the CRC and every length,
 * caps decompression at `maxDecompressedBytes`, and throws only CorruptRecordError for bad input.
 * Decoded keys and values are views of the input (or of the decompressed records), not copies.
 */
export { encodeRecordBatch } from "./record/encode-record-batch.js";
export { decodeRecordBatches } from "./record/decode-record-batches.js";
export { DEFAULT_MAX_DECOMPRESSED_BYTES } from "./record/record-batch-types.js";
export type {
  DecodedRecord,
  DecodedRecordBatch,
  DecodeRecordBatchesOptions,
  RecordBatchInput,
  RecordHeader,
  RecordInput,
  TimestampType,
} from "./record/record-batch-types.js";
export type { RecordBatchHeader } from "./record/batch-header.js";

/**
 * Kafka's default keyed partitioning: `partitionForKey(key, numPartitions)` is
 * `toPositive(murmur2(key)) % numPartitions`, the partition Java and KafkaJS producers pick.
 */
export { murmur2, toPositive } from "./partitioner/murmur2.js";
export { partitionForKey } from "./partitioner/default-partitioner.js";
