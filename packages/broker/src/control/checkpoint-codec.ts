import { crc32c } from "@tributary/client/internal/record";

/**
 * The layout of one page of a metadata checkpoint: a CRC-32C of everything after it, a record
 * count, then each record as a 4-byte big-endian length and the metadata record codec's bytes.
 * LevelDB checks its own blocks, but only when asked to; the CRC makes a damaged page an error we
 * always see instead of records we might misread.
 */

/** CheckpointCorruptError says stored checkpoint bytes cannot be trusted. */
export class CheckpointCorruptError extends Error {
  override readonly name = "CheckpointCorruptError";
}

const HEADER_BYTES = 8;

/** encodeCheckpointPage lays out encoded records as one page. */
export function encodeCheckpointPage(records: readonly Uint8Array[]): Uint8Array {
  const size = HEADER_BYTES + records.reduce((total, record) => total + 4 + record.byteLength, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, records.length);
  let position = HEADER_BYTES;
  for (const record of records) {
    view.setUint32(position, record.byteLength);
    bytes.set(record, position + 4);
    position += 4 + record.byteLength;
  }
  view.setUint32(0, crc32c(bytes, 4));
  return bytes;
}

/** decodeCheckpointPage returns the encoded records of a page, as views into it. */
export function decodeCheckpointPage(bytes: Uint8Array, name: string): Uint8Array[] {
  if (bytes.byteLength < HEADER_BYTES) throw new CheckpointCorruptError(`${name} is ${bytes.byteLength} bytes, shorter than its header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== crc32c(bytes, 4)) throw new CheckpointCorruptError(`${name} fails its CRC`);
  const count = view.getUint32(4);
  const records: Uint8Array[] = [];
  let position = HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    if (position + 4 > bytes.byteLength) throw new CheckpointCorruptError(`${name}: record ${i} of ${count} starts past the end`);
    const length = view.getUint32(position);
    if (position + 4 + length > bytes.byteLength) throw new CheckpointCorruptError(`${name}: record ${i} of ${count} runs past the end`);
    records.push(bytes.subarray(position + 4, position + 4 + length));
    position += 4 + length;
  }
  if (position !== bytes.byteLength) throw new CheckpointCorruptError(`${name}: ${bytes.byteLength - position} bytes follow the last record`);
  return records;
}
