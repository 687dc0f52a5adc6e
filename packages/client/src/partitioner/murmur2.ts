/**
 * murmur2 and toPositive exactly as Kafka's Java client defines them (`Utils.murmur2`,
 * `Utils.toPositive`). Keyed records must land on the same partition whichever client produced
 * them, so this is the one hash every Kafka client agrees on: seed 0x9747b28c, m 0x5bd1e995,
 * r 24, little-endian 4-byte blocks, signed 32-bit arithmetic.
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/** murmur2 returns Java's `Utils.murmur2(data)`: a signed 32-bit hash of `data`. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const blocksEnd = length - (length & 3);
  for (let i = 0; i < blocksEnd; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // Java's switch falls through from 3 to 2 to 1.
  const tail = length & 3;
  if (tail === 3) h ^= data[blocksEnd + 2]! << 16;
  if (tail >= 2) h ^= data[blocksEnd + 1]! << 8;
  if (tail >= 1) h = Math.imul(h ^ data[blocksEnd]!, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * toPositive returns Java's `Utils.toPositive(x)`: `x` with its sign bit cleared. Not Math.abs:
 * it maps -1 to 2147483647 and never overflows.
 */
export function toPositive(x: number): number {
  return x & 0x7fffffff;
}
