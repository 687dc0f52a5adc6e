import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CorruptRecordError } from "../corrupt-record-error.js";
import { compressZstd, decompressZstd } from "./zstd-codec.js";
import { zstdDecompressedBound } from "./zstd-frame-bound.js";

const LIMIT = 64 * 1024 * 1024;
const MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const compressible = fc
  .array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 3000 })), { maxLength: 40 })
  .map((runs) => Buffer.concat(runs.map(([pattern, times]) => Buffer.concat(Array.from({ length: times }, () => pattern)))));
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 200_000 }).map((b) => Buffer.from(b)), compressible);

async function kindOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof CorruptRecordError)) throw error;
    return error.kind;
  }
  return "none";
}

/** blockHeader encodes a zstd block header: last flag, type (0 raw, 1 RLE, 2 compressed, 3 reserved), size. */
function blockHeader(last: boolean, type: number, size: number): Buffer {
  const value = (size << 3) | (type << 1) | (last ? 1 : 0);
  return Buffer.from([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff]);
}

/** rleFrame is a frame of `blocks` RLE blocks of 128 KiB of `byte` each, with a 128 KiB window. */
function rleFrame(blocks: number, byte: number): Buffer {
  const parts: Buffer[] = [MAGIC, Buffer.from([0x00, 0x38])];
  for (let index = 0; index < blocks; index++) parts.push(blockHeader(index === blocks - 1, 1, 128 * 1024), Buffer.from([byte]));
  return Buffer.concat(parts);
}

describe("zstd", () => {
  it("round-trips", async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (data) => {
        const out = await compressZstd(data);
        expect((await decompressZstd(out, LIMIT, 0)).equals(data)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("bounds the decompressed size from above, within one block per frame", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyBytes, { minLength: 1, maxLength: 3 }), async (pieces) => {
        const frames = await Promise.all(pieces.map((piece) => compressZstd(piece)));
        const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
        const bound = zstdDecompressedBound(Buffer.concat(frames), LIMIT, 0);
        expect(bound).toBeGreaterThanOrEqual(total);
        expect(bound).toBeLessThanOrEqual(total + pieces.length * 128 * 1024);
      }),
      { numRuns: 30 },
    );
  });

  it("refuses a payload whose bound passes the limit before decompressing", async () => {
    const data = Buffer.alloc(8 * 1024 * 1024);
    const out = await compressZstd(data);
    expect(out.length).toBeLessThan(2000);
    expect(await kindOf(() => decompressZstd(out, 1024 * 1024, 0))).toBe("too-large");
    expect((await decompressZstd(out, data.length, 0)).length).toBe(data.length);
  });

  it("bounds RLE blocks exactly, and the native decoder agrees", async () => {
    const bomb = rleFrame(100, 0x41); // 12.5 MiB from a few hundred bytes
    expect(zstdDecompressedBound(bomb, LIMIT, 0)).toBe(100 * 128 * 1024);
    expect(await kindOf(() => decompressZstd(bomb, 1024 * 1024, 0))).toBe("too-large");
    const out = await decompressZstd(bomb, LIMIT, 0);
    expect(out.length).toBe(100 * 128 * 1024);
    expect(out.every((byte) => byte === 0x41)).toBe(true);
  });

  it("refuses frames that declare too much content or too large a window", async () => {
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(1n << 40n);
    const declared = Buffer.concat([MAGIC, Buffer.from([0xe0]), size, blockHeader(true, 0, 0)]);
    expect(await kindOf(() => decompressZstd(declared, LIMIT, 0))).toBe("too-large");
    // Window descriptor 0x80: 2^(10+16) = 64 MiB, above max(1 MiB, 8 MiB).
    const window = Buffer.concat([MAGIC, Buffer.from([0x00, 0x80]), blockHeader(true, 0, 0)]);
    expect(await kindOf(() => decompressZstd(window, 1024 * 1024, 0))).toBe("too-large");
  });

  it("skips skippable frames and reads several frames", async () => {
    const skippable = Buffer.from([0x5a, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 9, 9, 9]);
    const payload = Buffer.concat([await compressZstd(Buffer.from("one ")), skippable, await compressZstd(Buffer.from("two"))]);
    expect((await decompressZstd(payload, LIMIT, 0)).toString()).toBe("one two");
  });

  it("rejects malformed frames with bad-compression", async () => {
    const good = await compressZstd(Buffer.from("hello hello hello hello"));
    const cases: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from([1, 2, 3, 4, 5]),
      MAGIC,
      Buffer.concat([MAGIC, Buffer.from([0x08, 0x38]), blockHeader(true, 0, 0)]), // reserved header bit
      Buffer.concat([MAGIC, Buffer.from([0x00, 0x38]), blockHeader(true, 3, 0)]), // reserved block type
      Buffer.concat([MAGIC, Buffer.from([0x00, 0x38]), blockHeader(true, 0, 10)]), // raw block cut short
      Buffer.concat([MAGIC, Buffer.from([0x00, 0x38]), blockHeader(true, 2, 200_000)]), // block above 128 KiB
      Buffer.concat([MAGIC, Buffer.from([0x00, 0x38]), blockHeader(true, 2, 3), Buffer.from([1, 2, 3])]), // garbage block
      Buffer.concat([MAGIC, Buffer.from([0x00, 0x38]), blockHeader(false, 0, 0)]), // no last block
      Buffer.concat([MAGIC, Buffer.from([0x04, 0x38]), blockHeader(true, 0, 0)]), // checksum missing
      Buffer.concat([MAGIC, Buffer.from([0x01, 0x38, 0x07]), blockHeader(true, 0, 0)]), // needs a dictionary
      good.subarray(0, good.length - 2),
      Buffer.concat([good, Buffer.from([0])]),
    ];
    for (const [index, payload] of cases.entries()) {
      expect({ index, kind: await kindOf(() => decompressZstd(payload, LIMIT, 0)) }).toEqual({ index, kind: "bad-compression" });
    }
  });

  it("throws nothing but CorruptRecordError on garbage or damaged frames", async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), async (data, flips) => {
        const out = Buffer.from(await compressZstd(data));
        for (const [at, mask] of flips) out[at % out.length]! ^= mask;
        await kindOf(() => decompressZstd(out, 1024 * 1024, 0));
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (garbage) => {
        await kindOf(() => decompressZstd(Buffer.concat([MAGIC, garbage]), 1024 * 1024, 0));
        await kindOf(() => decompressZstd(Buffer.from(garbage), 1024 * 1024, 0));
      }),
      { numRuns: 300 },
    );
  });
});
