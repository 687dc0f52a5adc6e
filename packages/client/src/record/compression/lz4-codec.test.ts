import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { CorruptRecordError } from "../corrupt-record-error.js";
import { compressLz4, decompressLz4 } from "./lz4-codec.js";
import { xxhash32 } from "./xxhash32.js";

const require = createRequire(import.meta.url);
const lz4napi = require("lz4-napi") as typeof import("lz4-napi");
const lz4js = require("lz4js") as { compress(src: Uint8Array): Uint8Array; decompress(src: Uint8Array): Uint8Array };

const LIMIT = 64 * 1024 * 1024;

/** Bytes that compress: runs and repeats, with some noise. */
const compressible = fc
  .array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 3000 })), { maxLength: 60 })
  .map((runs) => Buffer.concat(runs.map(([pattern, times]) => Buffer.concat(Array.from({ length: times }, () => pattern)))));
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 300_000 }).map((b) => Buffer.from(b)), compressible);

/** pseudoRandomBytes returns deterministic incompressible bytes (xorshift32). */
function pseudoRandomBytes(length: number): Buffer {
  const out = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[index] = state & 0xff;
  }
  return out;
}

/** expectSameBytes compares buffers without vitest's slow element-wise diff. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).equals(expected)).toBe(true);
}

function kindOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CorruptRecordError)) throw error;
    return error.kind;
  }
  return "none";
}

/** frame builds a frame with the given descriptor and raw (already framed) block bytes. */
function frame(flg: number, bd: number, options: Buffer, body: Buffer): Buffer {
  const descriptor = Buffer.concat([Buffer.from([flg, bd]), options]);
  const hc = (xxhash32(descriptor) >>> 8) & 0xff;
  return Buffer.concat([Buffer.from([0x04, 0x22, 0x4d, 0x18]), descriptor, Buffer.from([hc]), body]);
}

function u32le(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

describe("LZ4 frames", () => {
  it("writes the frame layout Kafka's Java producer writes", () => {
    const data = Buffer.from("tributary ".repeat(20_000)); // 200 000 bytes: four 64 KiB blocks
    const out = compressLz4(data);
    expect(out.subarray(0, 7).toString("hex")).toBe("04224d18604082");
    expect(out.subarray(out.length - 4).toString("hex")).toBe("00000000");
    let cursor = 7;
    let blocks = 0;
    for (;;) {
      const word = out.readUInt32LE(cursor);
      cursor += 4;
      if (word === 0) break;
      expect(word & 0x7fffffff).toBeLessThanOrEqual(64 * 1024);
      cursor += word & 0x7fffffff;
      blocks++;
    }
    expect(blocks).toBe(4);
    expect(cursor).toBe(out.length);
  });

  it("stores incompressible blocks uncompressed, as Java does", () => {
    const noise = pseudoRandomBytes(1000);
    const out = compressLz4(noise);
    expect(out.readUInt32LE(7)).toBe((0x80000000 | 1000) >>> 0);
    expectSameBytes(decompressLz4(out, LIMIT, 0), noise);
  });

  it("round-trips, and lz4_flex and lz4js read what it writes", () => {
    fc.assert(
      fc.property(anyBytes, (data) => {
        const framed = compressLz4(data);
        expectSameBytes(decompressLz4(framed, LIMIT, 0), data);
        expectSameBytes(lz4napi.decompressFrameSync(framed), data);
        expectSameBytes(Buffer.from(lz4js.decompress(framed)), data);
      }),
      { numRuns: 40 },
    );
  });

  it("reads lz4_flex frames, with and without block and content checksums", () => {
    fc.assert(
      fc.property(anyBytes, fc.boolean(), fc.boolean(), (data, blockChecksums, contentChecksum) => {
        const framed = lz4napi.compressFrameSync(data, { blockChecksums, contentChecksum });
        expectSameBytes(decompressLz4(framed, LIMIT, 0), data);
      }),
      { numRuns: 40 },
    );
  });

  it("reads lz4js frames (linked blocks, 4 MiB block size)", () => {
    fc.assert(
      fc.property(anyBytes, (data) => {
        expectSameBytes(decompressLz4(Buffer.from(lz4js.compress(data)), LIMIT, 0), data);
      }),
      { numRuns: 30 },
    );
  });

  it("reads concatenated frames and skips skippable frames", () => {
    const a = compressLz4(Buffer.from("first "));
    const b = compressLz4(Buffer.from("second"));
    const skippable = Buffer.concat([u32le(0x184d2a53), u32le(3), Buffer.from([1, 2, 3])]);
    expect(decompressLz4(Buffer.concat([a, skippable, b]), LIMIT, 0).toString()).toBe("first second");
  });

  it("stops at maxDecompressedBytes while decoding", () => {
    const data = Buffer.alloc(1024 * 1024, 7);
    const framed = compressLz4(data);
    expect(framed.length).toBeLessThan(10_000);
    expect(kindOf(() => decompressLz4(framed, 100_000, 0))).toBe("too-large");
    expect(kindOf(() => decompressLz4(framed, data.length - 1, 0))).toBe("too-large");
    expectSameBytes(decompressLz4(framed, data.length, 0), data);
  });

  it("refuses a frame that declares more content than the limit, before decoding", () => {
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(1n << 40n);
    const declared = frame(0x68, 0x40, size, u32le(0));
    expect(kindOf(() => decompressLz4(declared, LIMIT, 0))).toBe("too-large");
  });

  it("checks a declared content size against the content", () => {
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(5n);
    const body = Buffer.concat([u32le((0x80000000 | 3) >>> 0), Buffer.from("abc"), u32le(0)]);
    expect(kindOf(() => decompressLz4(frame(0x68, 0x40, size, body), LIMIT, 0))).toBe("bad-compression");
    size.writeBigUInt64LE(3n);
    expect(decompressLz4(frame(0x68, 0x40, size, body), LIMIT, 0).toString()).toBe("abc");
  });

  it("rejects malformed frames with bad-compression", () => {
    const good = compressLz4(Buffer.from("hello hello hello hello hello"));
    const cases: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from([0x04, 0x22, 0x4d]),
      Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]),
      good.subarray(0, good.length - 1), // end mark cut
      good.subarray(0, 9), // block size cut
      Buffer.concat([good.subarray(0, 6), Buffer.from([good[6]! ^ 1]), good.subarray(7)]), // header checksum
      frame(0xa0, 0x40, Buffer.alloc(0), u32le(0)), // version 2
      frame(0x61, 0x40, Buffer.alloc(4), u32le(0)), // dictionary id
      frame(0x62, 0x40, Buffer.alloc(0), u32le(0)), // reserved bit
      frame(0x60, 0x30, Buffer.alloc(0), u32le(0)), // block size id 3
      frame(0x60, 0x40, Buffer.alloc(0), Buffer.concat([u32le(70_000), Buffer.alloc(70_000), u32le(0)])), // block > 64 KiB
      frame(0x60, 0x40, Buffer.alloc(0), Buffer.concat([u32le(4), Buffer.from([0x10, 0x61, 0x05, 0x00]), u32le(0)])), // match before window
      frame(0x60, 0x40, Buffer.alloc(0), Buffer.concat([u32le(3), Buffer.from([0x1f, 0x61, 0x01]), u32le(0)])), // offset cut short
      frame(0x70, 0x40, Buffer.alloc(0), Buffer.concat([u32le(1), Buffer.from([0x00]), u32le(0), u32le(0)])), // block checksum
      frame(0x64, 0x40, Buffer.alloc(0), Buffer.concat([u32le(1), Buffer.from([0x00]), u32le(0), u32le(1)])), // content checksum
    ];
    for (const [index, payload] of cases.entries()) {
      const kind = kindOf(() => decompressLz4(payload, LIMIT, 0));
      expect({ index, kind }).toEqual({ index, kind: "bad-compression" });
    }
  });

  it("throws nothing but CorruptRecordError on garbage or damaged frames", () => {
    fc.assert(
      fc.property(anyBytes, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (data, flips) => {
        const framed = Buffer.from(compressLz4(data));
        for (const [at, mask] of flips) framed[at % framed.length]! ^= mask;
        kindOf(() => decompressLz4(framed, 1024 * 1024, 0));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (garbage) => {
        const withMagic = Buffer.concat([Buffer.from([0x04, 0x22, 0x4d, 0x18]), garbage]);
        kindOf(() => decompressLz4(withMagic, 1024 * 1024, 0));
        kindOf(() => decompressLz4(Buffer.from(garbage), 1024 * 1024, 0));
      }),
      { numRuns: 300 },
    );
  });
});
