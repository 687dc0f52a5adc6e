import { decodeMetadataRecord, encodeMetadataRecord } from "../metadata/record-codec.js";
import type { MetadataRecord } from "../metadata/records.js";

/**
 * A metadata batch is the records one controller operation writes, carried by one Raft entry so
 * they commit atomically: a 4-byte record count, then each record as a 4-byte length and the
 * record codec's bytes. Snapshots use the same layout for the image's records.
 */

/** MetadataBatchError says stored or received batch bytes are malformed. */
export class MetadataBatchError extends Error {
  override readonly name = "MetadataBatchError";
}

/** encodeRecordsPayloads encodes each record with the metadata record codec. */
export function encodeRecordPayloads(records: readonly MetadataRecord[]): Uint8Array[] {
  return records.map(encodeMetadataRecord);
}

/** encodeMetadataBatch lays encoded records out as one batch. */
export function encodeMetadataBatch(payloads: readonly Uint8Array[]): Uint8Array {
  const size = 4 + payloads.reduce((total, payload) => total + 4 + payload.byteLength, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, payloads.length);
  let position = 4;
  for (const payload of payloads) {
    view.setUint32(position, payload.byteLength);
    bytes.set(payload, position + 4);
    position += 4 + payload.byteLength;
  }
  return bytes;
}

/** splitMetadataBatch returns the encoded records of a batch, as views into it. */
export function splitMetadataBatch(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 4) throw new MetadataBatchError(`a metadata batch needs at least 4 bytes, got ${bytes.byteLength}`);
  const count = view.getUint32(0);
  const payloads: Uint8Array[] = [];
  let position = 4;
  for (let i = 0; i < count; i++) {
    if (position + 4 > bytes.byteLength) throw new MetadataBatchError(`record ${i} of ${count} starts past the batch end`);
    const length = view.getUint32(position);
    if (position + 4 + length > bytes.byteLength) throw new MetadataBatchError(`record ${i} of ${count} runs past the batch end`);
    payloads.push(bytes.subarray(position + 4, position + 4 + length));
    position += 4 + length;
  }
  if (position !== bytes.byteLength) throw new MetadataBatchError(`${bytes.byteLength - position} bytes follow the last record`);
  return payloads;
}

/** decodeMetadataBatch decodes every record of a batch. */
export function decodeMetadataBatch(bytes: Uint8Array): MetadataRecord[] {
  return splitMetadataBatch(bytes).map(decodeMetadataRecord);
}
