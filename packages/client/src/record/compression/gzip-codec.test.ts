import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CorruptRecordError } from "../corrupt-record-error.js";
import { compressGzip, decompressGzip } from "./gzip-codec.js";

function kindOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CorruptRecordError)) throw error;
    return error.kind;
  }
  return "none";
}

describe("gzip", () => {
  it("round-trips, including concatenated members", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
        const data = Buffer.from(bytes);
        expect(decompressGzip(compressGzip(data), 1 << 26, 0).equals(data)).toBe(true);
      }),
      { numRuns: 30 },
    );
    const members = Buffer.concat([gzipSync(Buffer.from("ab")), gzipSync(Buffer.from("cd"))]);
    expect(decompressGzip(members, 100, 0).toString()).toBe("abcd");
  });

  it("stops inflating at maxDecompressedBytes", () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024)); // ~32 KiB that inflates to 32 MiB
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(kindOf(() => decompressGzip(bomb, 1024 * 1024, 7))).toBe("too-large");
    try {
      decompressGzip(bomb, 1024 * 1024, 7);
    } catch (error) {
      expect((error as CorruptRecordError).position).toBe(7);
    }
  });

  it("turns every zlib failure into bad-compression", () => {
    const good = compressGzip(Buffer.from("hello"));
    for (const payload of [Buffer.alloc(0), Buffer.from([1, 2, 3]), good.subarray(0, good.length - 3)]) {
      expect(kindOf(() => decompressGzip(payload, 1000, 0))).toBe("bad-compression");
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, mask) => {
        const damaged = Buffer.from(compressGzip(Buffer.from(bytes)));
        damaged[at % damaged.length]! ^= mask;
        kindOf(() => decompressGzip(damaged, 1 << 20, 0));
      }),
      { numRuns: 300 },
    );
  });
});
