/**
 * Zig-zag varints as Kafka's records use them (protobuf's sint32/sint64): the signed value is
 * zig-zag mapped to unsigned (0, -1, 1, -2 -> 0, 1, 2, 3) and written 7 bits a byte, least
 * significant group first, the high bit of each byte saying "more follows".
 *
 * An int32 varint takes at most 5 bytes and an int64 varlong at most 10. A reader rejects a longer
 * run and a last byte whose bits would not fit the type, so every accepted encoding decodes to
 * exactly one value in range (Java's ByteUtils silently drops such overflow bits).
 */
import type { ByteReader } from "./byte-reader.js";
import { assert } from "../util/assert.js";

/** MAX_VARINT_BYTES is the longest int32 varint. */
export const MAX_VARINT_BYTES = 5;
/** MAX_VARLONG_BYTES is the longest int64 varlong. */
export const MAX_VARLONG_BYTES = 10;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
/** Below 2^51 in magnitude the zig-zag value stays under 2^53, so plain numbers are exact. */
const NUMBER_PATH_LIMIT = 1n << 51n;

/** zigZag32 maps an int32 to its unsigned zig-zag value. */
function zigZag32(value: number): number {
  return ((value << 1) ^ (value >> 31)) >>> 0;
}

/** sizeOfVarint returns how many bytes {@link writeVarint} takes for the int32 `value`. */
export function sizeOfVarint(value: number): number {
  let unsigned = zigZag32(value);
  let bytes = 1;
  while (unsigned >= 0x80) {
    unsigned >>>= 7;
    bytes++;
  }
  return bytes;
}

/**
 * writeVarint writes the int32 `value` at `position` of `target` and returns the position after it.
 * The caller has sized `target` with {@link sizeOfVarint}.
 */
export function writeVarint(target: Uint8Array, position: number, value: number): number {
  assert((value | 0) === value, `varint value ${value} is not an int32`);
  let unsigned = zigZag32(value);
  while (unsigned >= 0x80) {
    target[position++] = (unsigned & 0x7f) | 0x80;
    unsigned >>>= 7;
  }
  target[position++] = unsigned;
  return position;
}

/** isInt64 says whether `value` fits a signed 64-bit integer. */
export function isInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/** smallZigZag64 maps a small int64 to its zig-zag value as an exact number, or returns -1 when too big. */
function smallZigZag64(value: bigint): number {
  if (value >= NUMBER_PATH_LIMIT || value <= -NUMBER_PATH_LIMIT) return -1;
  const n = Number(value);
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

/** bigZigZag64 maps any int64 to its unsigned zig-zag value. */
function bigZigZag64(value: bigint): bigint {
  return BigInt.asUintN(64, (value << 1n) ^ (value >> 63n));
}

/** sizeOfVarlong returns how many bytes {@link writeVarlong} takes for the int64 `value`. */
export function sizeOfVarlong(value: bigint): number {
  let small = smallZigZag64(value);
  if (small >= 0) {
    let bytes = 1;
    while (small >= 0x80) {
      small = Math.floor(small / 0x80);
      bytes++;
    }
    return bytes;
  }
  let big = bigZigZag64(value);
  let bytes = 1;
  while (big >= 0x80n) {
    big >>= 7n;
    bytes++;
  }
  return bytes;
}

/**
 * writeVarlong writes the int64 `value` at `position` of `target` and returns the position after
 * it. Values under 2^51 in magnitude (every realistic timestamp delta) take a number-only path.
 */
export function writeVarlong(target: Uint8Array, position: number, value: bigint): number {
  assert(isInt64(value), `varlong value ${value} is not an int64`);
  let small = smallZigZag64(value);
  if (small >= 0) {
    while (small >= 0x80) {
      target[position++] = (small % 0x80) | 0x80;
      small = Math.floor(small / 0x80);
    }
    target[position++] = small;
    return position;
  }
  let big = bigZigZag64(value);
  while (big >= 0x80n) {
    target[position++] = Number(big & 0x7fn) | 0x80;
    big >>= 7n;
  }
  target[position++] = Number(big);
  return position;
}

/**
 * readVarint reads an int32 varint at the reader's position and advances past it.
 *
 * @throws CorruptRecordError("bad-varint") when it runs past the reader's end or past 5 bytes, or
 *   when its fifth byte carries bits beyond 32.
 */
export function readVarint(reader: ByteReader): number {
  const bytes = reader.bytes;
  const start = reader.position;
  const end = reader.end;
  let position = start;
  let unsigned = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (position >= end) throw reader.corrupt("bad-varint", "varint runs past the end", start);
    const byte = bytes[position++]!;
    if (shift === 28 && byte > 0x0f) throw reader.corrupt("bad-varint", "varint overflows 32 bits", start);
    unsigned |= (byte & 0x7f) << shift;
    if (byte < 0x80) {
      reader.position = position;
      return (unsigned >>> 1) ^ -(unsigned & 1);
    }
  }
  // The fifth byte is at most 0x0f, so the loop has returned or thrown before getting here.
  throw reader.corrupt("bad-varint", "varint longer than 5 bytes", start);
}

/**
 * readVarlong reads an int64 varlong at the reader's position and advances past it. The first 7
 * bytes (49 bits) accumulate in a number, exact below 2^53; only longer encodings use bigint.
 *
 * @throws CorruptRecordError("bad-varint") when it runs past the reader's end or past 10 bytes, or
 *   when its tenth byte carries bits beyond 64.
 */
export function readVarlong(reader: ByteReader): bigint {
  const bytes = reader.bytes;
  const start = reader.position;
  const end = reader.end;
  let position = start;
  let small = 0;
  let scale = 1;
  for (let index = 0; index < 7; index++) {
    if (position >= end) throw reader.corrupt("bad-varint", "varlong runs past the end", start);
    const byte = bytes[position++]!;
    small += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      reader.position = position;
      // small < 2^49: halving and the zig-zag sign stay exact.
      return BigInt(small % 2 === 0 ? small / 2 : -(small + 1) / 2);
    }
    scale *= 0x80;
  }
  let unsigned = BigInt(small);
  for (let shift = 49n; shift < 70n; shift += 7n) {
    if (position >= end) throw reader.corrupt("bad-varint", "varlong runs past the end", start);
    const byte = bytes[position++]!;
    if (shift === 63n && byte > 0x01) throw reader.corrupt("bad-varint", "varlong overflows 64 bits", start);
    unsigned |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) {
      reader.position = position;
      return (unsigned >> 1n) ^ -(unsigned & 1n);
    }
  }
  // The tenth byte is at most 0x01, so the loop has returned or thrown before getting here.
  throw reader.corrupt("bad-varint", "varlong longer than 10 bytes", start);
}
