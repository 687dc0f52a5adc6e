import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { CorruptRecordError } from "../corrupt-record-error.js";
import { compressSnappy, decompressSnappy } from "./snappy-codec.js";

const require = createRequire(import.meta.url);
const snappy = require("snappy") as typeof import("snappy");
interface KafkaJsCodec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}
const kafkajsSnappy = (require("kafkajs-snappy") as () => KafkaJsCodec)();

const LIMIT = 64 * 1024 * 1024;
const compressible = fc
  .array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 3000 })), { maxLength: 40 })
  .map((runs) => Buffer.concat(runs.map(([pattern, times]) => Buffer.concat(Array.from({ length: times }, () => pattern)))));
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 200_000 }).map((b) => Buffer.from(b)), compressible);

function sameBytes(actual: Uint8Array, expected: Uint8Array): boolean {
  return Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).equals(expected);
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

function chunk(length: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(length);
  return b;
}

const XERIAL_HEADER = Buffer.from("82534e41505059000000000100000001", "hex");

describe("Snappy", () => {
  it("writes snappy-java's xerial stream: header, then 32 KiB chunks", () => {
    const data = Buffer.from("kafka ".repeat(20_000)); // 120 000 bytes: four chunks
    const out = compressSnappy(data);
    expect(out.subarray(0, 16)).toEqual(XERIAL_HEADER);
    let cursor = 16;
    const pieces: Buffer[] = [];
    while (cursor < out.length) {
      const length = out.readInt32BE(cursor);
      const piece = snappy.uncompressSync(out.subarray(cursor + 4, cursor + 4 + length)) as Buffer;
      expect(piece.length).toBeLessThanOrEqual(32 * 1024);
      pieces.push(piece);
      cursor += 4 + length;
    }
    expect(pieces.length).toBe(4);
    expect(Buffer.concat(pieces).equals(data)).toBe(true);
  });

  it("round-trips, and kafkajs-snappy reads what it writes", async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (data) => {
        const out = compressSnappy(data);
        expect(sameBytes(decompressSnappy(out, LIMIT, 0), data)).toBe(true);
        expect(sameBytes(await kafkajsSnappy.decompress(out), data)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("reads the raw Snappy block KafkaJS writes", async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (data) => {
        const raw = await kafkajsSnappy.compress({ buffer: data });
        expect(sameBytes(decompressSnappy(raw, LIMIT, 0), data)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("checks the declared length against the limit before decompressing", () => {
    // A raw block whose preamble claims 0xffffffff bytes.
    expect(kindOf(() => decompressSnappy(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00]), LIMIT, 0))).toBe("too-large");
    const data = Buffer.alloc(200_000, 1);
    expect(kindOf(() => decompressSnappy(snappy.compressSync(data), 100_000, 0))).toBe("too-large");
    // Xerial: the budget spans chunks.
    const framed = compressSnappy(data);
    expect(kindOf(() => decompressSnappy(framed, 199_999, 0))).toBe("too-large");
    expect(sameBytes(decompressSnappy(framed, 200_000, 0), data)).toBe(true);
  });

  it("rejects malformed payloads with bad-compression", () => {
    const good = compressSnappy(Buffer.from("hello hello hello hello"));
    const block = snappy.compressSync(Buffer.from("abc"));
    const cases: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80]), // preamble never ends
      Buffer.from([0x05, 0x01, 0x02]), // bad raw block
      Buffer.concat([XERIAL_HEADER, Buffer.from([0, 0])]), // chunk length cut
      Buffer.concat([XERIAL_HEADER, chunk(-1)]),
      Buffer.concat([XERIAL_HEADER, chunk(0)]),
      Buffer.concat([XERIAL_HEADER, chunk(100), block]), // chunk past the end
      Buffer.concat([XERIAL_HEADER, chunk(block.length + 1), block, Buffer.from([0])]), // trailing byte in chunk
      good.subarray(0, good.length - 1),
      Buffer.concat([Buffer.from([0x04]), block.subarray(1)]), // preamble disagrees with the data
    ];
    for (const [index, payload] of cases.entries()) {
      expect({ index, kind: kindOf(() => decompressSnappy(payload, LIMIT, 0)) }).toEqual({ index, kind: "bad-compression" });
    }
  });

  it("decodes a xerial header with no chunks as nothing", () => {
    expect(decompressSnappy(XERIAL_HEADER, LIMIT, 0).length).toBe(0);
  });

  it("throws nothing but CorruptRecordError on garbage or damaged payloads", () => {
    fc.assert(
      fc.property(anyBytes, fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (data, xerial, flips) => {
        const out = Buffer.from(xerial ? compressSnappy(data) : snappy.compressSync(data));
        for (const [at, mask] of flips) out[at % out.length]! ^= mask;
        kindOf(() => decompressSnappy(out, 1024 * 1024, 0));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (garbage) => {
        kindOf(() => decompressSnappy(Buffer.from(garbage), 1024 * 1024, 0));
        kindOf(() => decompressSnappy(Buffer.concat([XERIAL_HEADER, garbage]), 1024 * 1024, 0));
      }),
      { numRuns: 300 },
    );
  });
});
