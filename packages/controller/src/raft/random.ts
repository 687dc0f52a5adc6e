import { assert } from "@tributary/client/internal/assert";

/**
 * Random is the only source of randomness the Raft core sees: it randomizes election timeouts
 * (thesis §3.4) without calling `Math.random()`, so a seeded run replays exactly.
 */
export interface Random {
  /** nextInt returns an integer uniformly distributed in `[0, bound)`. Requires `bound >= 1`. */
  nextInt(bound: number): number;
}

/**
 * SeededRandom is a deterministic {@link Random}: xoshiro128** seeded through splitmix32. The same
 * seed gives the same sequence on every platform, which is what makes a simulator seed a replayable
 * bug report. Not for cryptography.
 */
export class SeededRandom implements Random {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;

  /** Creates a generator from any safe integer seed (both 32-bit halves are mixed in). */
  constructor(seed: number) {
    assert(Number.isSafeInteger(seed), `seed must be a safe integer, got ${seed}`);
    let state = (seed | 0) ^ Math.floor(seed / 0x1_0000_0000) ^ 0x9e3779b9;
    const next = (): number => {
      // splitmix32: spreads a small seed over the whole state.
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#s0 = next();
    this.#s1 = next();
    this.#s2 = next();
    this.#s3 = next();
  }

  /** nextUint32 returns the next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#s1, 5), 7), 9) >>> 0;
    const t = this.#s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= this.#s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  /** nextFloat returns a number uniformly distributed in `[0, 1)`. */
  nextFloat(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** See {@link Random.nextInt}. */
  nextInt(bound: number): number {
    assert(Number.isInteger(bound) && bound >= 1, `bound must be a positive integer, got ${bound}`);
    return Math.floor(this.nextFloat() * bound);
  }

  /** intBetween returns an integer uniformly distributed in `[lo, hi]`. */
  intBetween(lo: number, hi: number): number {
    assert(lo <= hi, `empty range [${lo}, ${hi}]`);
    return lo + this.nextInt(hi - lo + 1);
  }

  /** chance returns true with probability `p`. */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** pick returns a uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    assert(items.length > 0, "pick from an empty array");
    return items[this.nextInt(items.length)]!;
  }

  /** fork returns an independent generator derived from this one's next output. */
  fork(): SeededRandom {
    return new SeededRandom(this.nextUint32() * 0x20_0000 + (this.nextUint32() >>> 11));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
