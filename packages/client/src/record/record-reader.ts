/**
 * Reading the records section of a v2 batch (layout in record-writer.ts), checking every length
 * against its container: a record's fields must fill exactly its declared length, the records must
 * be exactly as many as recordsCount says and fill exactly the section, and offset deltas must
 * increase and stay within lastOffsetDelta. Counts are never trusted for allocation: arrays grow
 * as records and headers are actually read, and every one consumes input.
 */
import type { RecordBatchHeader } from "./batch-header.js";
import type { ByteReader } from "./byte-reader.js";
import type { DecodedRecord, RecordHeader } from "./record-batch-types.js";
import { readVarint, readVarlong } from "./varint.js";

const NULL_LENGTH = -1;

function readNullableBytes(reader: ByteReader, what: string): Buffer | null {
  const at = reader.position;
  const length = readVarint(reader);
  if (length === NULL_LENGTH) return null;
  if (length < NULL_LENGTH) throw reader.corrupt("bad-record", `${what} length ${length} is negative`, at);
  return reader.readBytes(length, what);
}

function readHeaders(reader: ByteReader): RecordHeader[] {
  const at = reader.position;
  const count = readVarint(reader);
  if (count < 0) throw reader.corrupt("bad-record", `header count ${count} is negative`, at);
  const headers: RecordHeader[] = [];
  for (let index = 0; index < count; index++) {
    const keyAt = reader.position;
    const keyLength = readVarint(reader);
    if (keyLength < 0) throw reader.corrupt("bad-record", `header key length ${keyLength} is negative`, keyAt);
    const key = reader.readUtf8(keyLength, "header key");
    const value = readNullableBytes(reader, "header value");
    headers.push({ key, value });
  }
  return headers;
}

/**
 * readRecords reads `header.recordsCount` records from `reader`, which spans exactly the records
 * section, and resolves offsets and timestamps against the batch header.
 *
 * @param logAppendTime whether the batch's timestamps are the broker's (then every record has
 *   maxTimestamp as its timestamp, as Java's DefaultRecordBatch reports it).
 * @throws CorruptRecordError naming what was wrong and where.
 */
export function readRecords(reader: ByteReader, header: RecordBatchHeader, logAppendTime: boolean): DecodedRecord[] {
  const records: DecodedRecord[] = [];
  let previousOffsetDelta = -1;
  for (let index = 0; index < header.recordsCount; index++) {
    if (reader.remaining() === 0) {
      throw reader.corrupt("bad-count", `recordsCount is ${header.recordsCount} but the records end after ${index}`);
    }
    const recordAt = reader.position;
    const length = readVarint(reader);
    if (length < 0) throw reader.corrupt("bad-length", `record length ${length} is negative`, recordAt);
    if (length > reader.remaining()) {
      throw reader.corrupt("bad-length", `record length ${length} runs past the records (${reader.remaining()} bytes left)`, recordAt);
    }
    const recordEnd = reader.position + length;
    const outerEnd = reader.narrow(length);
    reader.readInt8("record attributes"); // no record attributes are defined
    const timestampDelta = readVarlong(reader);
    const offsetDeltaAt = reader.position;
    const offsetDelta = readVarint(reader);
    if (offsetDelta <= previousOffsetDelta || offsetDelta > header.lastOffsetDelta) {
      throw reader.corrupt(
        "bad-count",
        `offset delta ${offsetDelta} of record ${index} is not in (${previousOffsetDelta}, ${header.lastOffsetDelta}]`,
        offsetDeltaAt,
      );
    }
    previousOffsetDelta = offsetDelta;
    const key = readNullableBytes(reader, "key");
    const value = readNullableBytes(reader, "value");
    const headers = readHeaders(reader);
    if (reader.position !== recordEnd) {
      throw reader.corrupt(
        "bad-record",
        `record ${index} declares ${length} bytes but its fields end ${recordEnd - reader.position} bytes early`,
        recordAt,
      );
    }
    reader.restore(outerEnd);
    records.push({
      offset: BigInt.asIntN(64, header.baseOffset + BigInt(offsetDelta)),
      timestamp: logAppendTime ? header.maxTimestamp : BigInt.asIntN(64, header.baseTimestamp + timestampDelta),
      key,
      value,
      headers,
    });
  }
  if (reader.remaining() !== 0) {
    throw reader.corrupt("bad-count", `${reader.remaining()} bytes remain after the ${header.recordsCount} records recordsCount promised`);
  }
  return records;
}
