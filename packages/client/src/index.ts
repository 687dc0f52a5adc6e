/**
 * @tributary/client: the Tributary SDK. Record batches in Kafka's v2 format, partitioners, and
 * (as they land) the admin, producer and consumer clients.
 */
export { CorruptRecordError } from "./record/corrupt-record-error.js";
export type { CorruptRecordKind } from "./record/corrupt-record-error.js";
export { CompressionCodec } from "./record/batch-layout.js";
export type { CompressionCodecId } from "./record/batch-layout.js";
