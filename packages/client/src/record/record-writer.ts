/**
 * Sizing and writing the records section of a v2 batch. Every size is computed first so the encoder
 * allocates one buffer and writes each byte once.
 *
 * Record layout: length varint (of the rest), attributes int8 (0), timestampDelta varlong,
 * offsetDelta varint, key length varint (-1 = null) and bytes, value length varint (-1 = null) and
 * bytes, header count varint, then per header: key length varint, UTF-8 key, value length varint
 * (-1 = null), value bytes.
 */
import type { RecordInput } from "./record-batch-types.js";
import { assert } from "../util/assert.js";
import { sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from "./varint.js";

const NULL_LENGTH = -1;

/**
 * RecordsLayout is what sizing learnt and writing reuses: each record's body size and timestamp
 * delta, and the UTF-8 size of every header key in record order.
 */
export interface RecordsLayout {
  readonly totalBytes: number;
  readonly bodyBytes: readonly number[];
  readonly timestampDeltas: readonly bigint[];
  readonly headerKeyBytes: readonly number[];
}

function sizeOfNullableBytes(bytes: Uint8Array | null | undefined): number {
  return bytes == null ? sizeOfVarint(NULL_LENGTH) : sizeOfVarint(bytes.length) + bytes.length;
}

/**
 * layoutRecords sizes the records section. `timestampDeltas[i]` is record i's timestamp minus the
 * batch's baseTimestamp, already checked to fit an int64.
 */
export function layoutRecords(records: readonly RecordInput[], timestampDeltas: readonly bigint[]): RecordsLayout {
  const bodyBytes: number[] = new Array<number>(records.length);
  const headerKeyBytes: number[] = [];
  let totalBytes = 0;
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    let size = 1 + sizeOfVarlong(timestampDeltas[index]!) + sizeOfVarint(index) +
      sizeOfNullableBytes(record.key) + sizeOfNullableBytes(record.value);
    const headers = record.headers ?? [];
    size += sizeOfVarint(headers.length);
    for (const header of headers) {
      const keyBytes = Buffer.byteLength(header.key, "utf8");
      headerKeyBytes.push(keyBytes);
      size += sizeOfVarint(keyBytes) + keyBytes + sizeOfNullableBytes(header.value);
    }
    bodyBytes[index] = size;
    totalBytes += sizeOfVarint(size) + size;
  }
  return { totalBytes, bodyBytes, timestampDeltas, headerKeyBytes };
}

function writeNullableBytes(target: Buffer, position: number, bytes: Uint8Array | null | undefined): number {
  if (bytes == null) return writeVarint(target, position, NULL_LENGTH);
  position = writeVarint(target, position, bytes.length);
  target.set(bytes, position);
  return position + bytes.length;
}

/**
 * writeRecords writes the records laid out by {@link layoutRecords} at `position` of `target` and
 * returns the position after them. Record i gets offset delta i.
 */
export function writeRecords(target: Buffer, position: number, records: readonly RecordInput[], layout: RecordsLayout): number {
  const start = position;
  let headerIndex = 0;
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    const bodyBytes = layout.bodyBytes[index]!;
    position = writeVarint(target, position, bodyBytes);
    const bodyStart = position;
    target[position++] = 0; // attributes: none defined for records
    position = writeVarlong(target, position, layout.timestampDeltas[index]!);
    position = writeVarint(target, position, index);
    position = writeNullableBytes(target, position, record.key);
    position = writeNullableBytes(target, position, record.value);
    const headers = record.headers ?? [];
    position = writeVarint(target, position, headers.length);
    for (const header of headers) {
      const keyBytes = layout.headerKeyBytes[headerIndex++]!;
      position = writeVarint(target, position, keyBytes);
      position += target.write(header.key, position, keyBytes, "utf8");
      position = writeNullableBytes(target, position, header.value);
    }
    assert(position - bodyStart === bodyBytes, `record ${index} wrote ${position - bodyStart} bytes, sized ${bodyBytes}`);
  }
  assert(position - start === layout.totalBytes, "records section size mismatch");
  return position;
}
