import { TributaryError } from "../errors/tributary-error.js";
import type { RecordHeader, RecordInput } from "../record/record-batch-types.js";
import type { Message, MessageHeaders } from "./producer-types.js";

/**
 * RECORD_OVERHEAD_BYTES bounds a v2 record's framing beyond key and value: length (5), attributes
 * (1), timestamp delta (10), offset delta (5), key and value lengths (5 + 5), header count (5).
 */
const RECORD_OVERHEAD_BYTES = 36;
/** HEADER_OVERHEAD_BYTES bounds one header's framing: key and value lengths. */
const HEADER_OVERHEAD_BYTES = 10;

/** PreparedRecord is a message turned into a record, with the bytes it may occupy in a batch. */
export interface PreparedRecord {
  readonly record: RecordInput;
  /** keyBytes is the key as hashed for partitioning, or null. */
  readonly keyBytes: Buffer | null;
  /** sizeBytes is an upper bound of the encoded record's size; memory accounting uses it. */
  readonly sizeBytes: number;
}

/**
 * prepareMessage encodes a message's key, value and headers as bytes (strings as UTF-8), fixes its
 * timestamp (`defaultTimestampMs` when it has none), and bounds its size.
 *
 * @throws TributaryError INVALID_RECORD naming what is wrong with the message.
 */
export function prepareMessage(message: Message, defaultTimestampMs: number): PreparedRecord {
  const key = toBytes(message.key, "key");
  const value = toBytes(message.value, "value");
  const headers = toHeaders(message.headers);
  const timestamp = toTimestamp(message.timestamp, defaultTimestampMs);
  let sizeBytes = RECORD_OVERHEAD_BYTES + (key?.length ?? 0) + (value?.length ?? 0);
  for (const header of headers) sizeBytes += HEADER_OVERHEAD_BYTES + Buffer.byteLength(header.key) + (header.value?.length ?? 0);
  return { record: { key, value, timestamp, headers }, keyBytes: key, sizeBytes };
}

function toBytes(input: Buffer | string | null | undefined, field: string): Buffer | null {
  if (input === null || input === undefined) return null;
  if (Buffer.isBuffer(input)) return input;
  if (typeof input === "string") return Buffer.from(input, "utf8");
  throw new TributaryError("INVALID_RECORD", `a message ${field} must be a Buffer, a string or null, not ${typeof input}`);
}

function toHeaders(headers: MessageHeaders | undefined): RecordHeader[] {
  if (headers === undefined) return [];
  const out: RecordHeader[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? (value as readonly (string | Buffer)[]) : [value as string | Buffer];
    for (const item of values) out.push({ key, value: toBytes(item, `header "${key}"`) });
  }
  return out;
}

function toTimestamp(input: Message["timestamp"], defaultTimestampMs: number): bigint {
  if (input === undefined) return BigInt(defaultTimestampMs);
  let timestamp: bigint | undefined;
  if (typeof input === "bigint") timestamp = input;
  else if (typeof input === "number" && Number.isSafeInteger(input)) timestamp = BigInt(input);
  else if (typeof input === "string" && /^-?\d+$/.test(input)) timestamp = BigInt(input);
  if (timestamp === undefined || timestamp < 0n || timestamp > 0x7fffffffffffffffn) {
    throw new TributaryError("INVALID_RECORD", `message timestamp ${String(input)} is not a time in ms since the epoch`);
  }
  return timestamp;
}
