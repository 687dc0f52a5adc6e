import { crc32c as nativeCrc32c } from "@node-rs/crc32";

/**
 * crc32c returns the CRC-32C (Castagnoli) checksum of `bytes[start, end)` as an unsigned 32-bit
 * integer: the checksum Kafka's RecordBatch v2 carries. It uses SSE4.2 / ARMv8 CRC instructions
 * through `@node-rs/crc32`, because the leader validates the CRC of every batch it appends and a
 * table-driven JavaScript CRC would cap produce throughput well below the disk's.
 */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const view = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
  return nativeCrc32c(Buffer.from(view.buffer, view.byteOffset, view.byteLength)) >>> 0;
}
