/**
 * XXH32, the 32-bit xxHash the LZ4 frame format uses for its header, block and content checksums.
 * Only frame headers (2-14 bytes) and the optional checksums go through it, so a plain JavaScript
 * version with Math.imul is fast enough and saves a native dependency.
 */

const PRIME1 = 0x9e3779b1;
const PRIME2 = 0x85ebca77;
const PRIME3 = 0xc2b2ae3d;
const PRIME4 = 0x27d4eb2f;
const PRIME5 = 0x165667b1;

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

function readU32(bytes: Uint8Array, position: number): number {
  return bytes[position]! | (bytes[position + 1]! << 8) | (bytes[position + 2]! << 16) | (bytes[position + 3]! << 24);
}

function round(accumulator: number, lane: number): number {
  return Math.imul(rotl((accumulator + Math.imul(lane, PRIME2)) | 0, 13), PRIME1);
}

/** xxhash32 returns XXH32 of `bytes[start, end)` with `seed`, as an unsigned 32-bit integer. */
export function xxhash32(bytes: Uint8Array, start = 0, end = bytes.length, seed = 0): number {
  const length = end - start;
  let position = start;
  let hash: number;
  if (length >= 16) {
    let v1 = (seed + PRIME1 + PRIME2) | 0;
    let v2 = (seed + PRIME2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - PRIME1) | 0;
    const lastStripe = end - 16;
    while (position <= lastStripe) {
      v1 = round(v1, readU32(bytes, position));
      v2 = round(v2, readU32(bytes, position + 4));
      v3 = round(v3, readU32(bytes, position + 8));
      v4 = round(v4, readU32(bytes, position + 12));
      position += 16;
    }
    hash = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    hash = (seed + PRIME5) | 0;
  }
  hash = (hash + length) | 0;
  while (position + 4 <= end) {
    hash = Math.imul(rotl((hash + Math.imul(readU32(bytes, position), PRIME3)) | 0, 17), PRIME4);
    position += 4;
  }
  while (position < end) {
    hash = Math.imul(rotl((hash + Math.imul(bytes[position]!, PRIME5)) | 0, 11), PRIME1);
    position++;
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, PRIME2);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, PRIME3);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
