import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { xxhash32 } from "./xxhash32.js";

const require = createRequire(import.meta.url);
/** lz4js ships an independent XXH32: hash(seed, bytes, start, length). */
const lz4jsXxh32 = (require("lz4js/xxh32.js") as { hash(seed: number, src: Uint8Array, start: number, length: number): number }).hash;

describe("xxhash32", () => {
  it("matches the reference vectors", () => {
    expect(xxhash32(Buffer.from(""))).toBe(0x02cc5d05);
    expect(xxhash32(Buffer.from("a"))).toBe(0x550d7456);
    expect(xxhash32(Buffer.from("abc"))).toBe(0x32d153ff);
    expect(xxhash32(Buffer.from("Nobody inspects the spammish repetition"))).toBe(0xe2293b2f);
  });

  it("gives the LZ4 frame header checksum byte Java writes", () => {
    // 04 22 4d 18 | 60 40 | 82: Kafka's Lz4BlockOutputStream header.
    expect((xxhash32(Uint8Array.of(0x60, 0x40)) >>> 8) & 0xff).toBe(0x82);
  });

  it("agrees with lz4js's implementation on any range and seed", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 0xffffffff }), (bytes, a, b, seed) => {
        const start = bytes.length === 0 ? 0 : a % (bytes.length + 1);
        const end = start + (bytes.length === 0 ? 0 : b % (bytes.length - start + 1));
        expect(xxhash32(bytes, start, end, seed)).toBe(lz4jsXxh32(seed, bytes, start, end - start) >>> 0);
      }),
    );
  });
});
