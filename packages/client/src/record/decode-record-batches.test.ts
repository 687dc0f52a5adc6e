import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { sealBatch, writeBatchHeader } from "./batch-header.js";
import { BatchField, CompressionCodec } from "./batch-layout.js";
import { compressRecords } from "./compression/record-compression.js";
import { CorruptRecordError } from "./corrupt-record-error.js";
import { decodeRecordBatches } from "./decode-record-batches.js";
import { encodeRecordBatch } from "./encode-record-batch.js";

interface BatchShape {
  recordsCount: number;
  lastOffsetDelta?: number;
  attributes?: number;
  baseOffset?: bigint;
}

/** sealed wraps a records section in a valid header and CRC, so only the records can be at fault. */
function sealed(records: Buffer, shape: BatchShape): Buffer {
  const out = Buffer.alloc(61 + records.length);
  writeBatchHeader(out, 0, out.length, {
    baseOffset: shape.baseOffset ?? 0n,
    partitionLeaderEpoch: -1,
    attributes: shape.attributes ?? 0,
    lastOffsetDelta: shape.lastOffsetDelta ?? Math.max(0, shape.recordsCount - 1),
    baseTimestamp: 1000n,
    maxTimestamp: 1000n,
    producerId: -1n,
    producerEpoch: -1,
    baseSequence: -1,
    recordsCount: shape.recordsCount,
  });
  records.copy(out, 61);
  sealBatch(out);
  return out;
}

/** record frames a record body (hex) with its length varint; `length` overrides the true length. */
function record(bodyHex: string, length?: number): Buffer {
  const body = Buffer.from(bodyHex, "hex");
  const declared = length ?? body.length;
  return Buffer.concat([Buffer.from([((declared << 1) ^ (declared >> 31)) & 0x7f]), body]);
}

/** A minimal record body: attributes, Δts 0, Δoffset `delta` (< 64), null key, null value, no headers. */
function minimal(delta: number): string {
  return `0000${(delta * 2).toString(16).padStart(2, "0")}010100`;
}

async function failure(bytes: Uint8Array, options?: Parameters<typeof decodeRecordBatches>[1]): Promise<CorruptRecordError> {
  try {
    await decodeRecordBatches(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(CorruptRecordError);
    return error as CorruptRecordError;
  }
  throw new Error("expected decodeRecordBatches to throw");
}

async function expectCorrupt(bytes: Uint8Array, kind: string, position?: number): Promise<CorruptRecordError> {
  const error = await failure(bytes);
  expect({ kind: error.kind, message: error.message }).toMatchObject({ kind });
  if (position !== undefined) expect(error.position).toBe(position);
  return error;
}

describe("decodeRecordBatches on well-formed input", () => {
  it("decodes nothing from nothing", async () => {
    expect(await decodeRecordBatches(Buffer.alloc(0))).toEqual([]);
  });

  it("decodes several batches in a row, from a plain Uint8Array too", async () => {
    const a = await encodeRecordBatch({ baseOffset: 10n, records: [{ value: Buffer.from("a") }] });
    const b = await encodeRecordBatch({ baseOffset: 11n, compression: CompressionCodec.gzip, records: [{ value: Buffer.from("b") }] });
    const both = Buffer.concat([a, b]);
    const batches = await decodeRecordBatches(new Uint8Array(both));
    expect(batches.map((batch) => [batch.records[0]?.offset, batch.records[0]?.value?.toString()])).toEqual([
      [10n, "a"],
      [11n, "b"],
    ]);
  });

  it("accepts compacted batches: offset gaps, and no records at all", async () => {
    const gaps = sealed(Buffer.concat([record(minimal(0)), record(minimal(2)), record(minimal(5))]), {
      recordsCount: 3,
      lastOffsetDelta: 7,
      baseOffset: 100n,
    });
    const empty = sealed(Buffer.alloc(0), { recordsCount: 0, lastOffsetDelta: 4 });
    const [withGaps, none] = await decodeRecordBatches(Buffer.concat([gaps, empty]));
    expect(withGaps?.records.map((r) => r.offset)).toEqual([100n, 102n, 105n]);
    expect(none?.records).toEqual([]);
  });

  it("returns views of the input for uncompressed records", async () => {
    const encoded = await encodeRecordBatch({ records: [{ value: Buffer.from("view") }] });
    const [batch] = await decodeRecordBatches(encoded);
    const value = batch?.records[0]?.value;
    expect(value?.buffer).toBe(encoded.buffer);
  });

  it("ignores a cut-short last batch only when asked", async () => {
    const a = await encodeRecordBatch({ records: [{ value: Buffer.from("a") }] });
    const b = await encodeRecordBatch({ records: [{ value: Buffer.from("b") }] });
    for (const cut of [1, 11, 12, 16, 17, 30, 61, b.length - 1]) {
      const partial = Buffer.concat([a, b.subarray(0, cut)]);
      expect((await decodeRecordBatches(partial, { allowTruncatedTail: true })).length).toBe(1);
      await expectCorrupt(partial, "truncated", a.length);
    }
    // A tail that cannot be the start of a batch is still an error.
    const wrongMagic = Buffer.from(b.subarray(0, 30));
    wrongMagic[16] = 7;
    expect((await failure(Buffer.concat([a, wrongMagic]), { allowTruncatedTail: true })).position).toBe(a.length);
  });

  it("accepts any limit up to the largest safe integer", async () => {
    for (const compression of Object.values(CompressionCodec)) {
      const encoded = await encodeRecordBatch({ compression, records: [{ value: Buffer.from("x") }] });
      const [batch] = await decodeRecordBatches(encoded, { maxDecompressedBytes: Number.MAX_SAFE_INTEGER });
      expect(batch?.records[0]?.value?.toString()).toBe("x");
    }
  });

  it("refuses a limit that is not a positive integer", async () => {
    await expect(decodeRecordBatches(Buffer.alloc(0), { maxDecompressedBytes: 0 })).rejects.toThrow(RangeError);
    await expect(decodeRecordBatches(Buffer.alloc(0), { maxDecompressedBytes: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe("decodeRecordBatches on hostile input", () => {
  const one = sealed(record(minimal(0)), { recordsCount: 1 });

  it("names a header that is cut short, has the wrong magic or a bad CRC", async () => {
    await expectCorrupt(one.subarray(0, 10), "truncated", 0);
    await expectCorrupt(one.subarray(0, 60), "truncated", 0);
    await expectCorrupt(one.subarray(0, one.length - 1), "truncated", 0);
    const magic = Buffer.from(one);
    magic[BatchField.magic] = 1;
    await expectCorrupt(magic, "bad-magic", BatchField.magic);
    const crc = Buffer.from(one);
    crc[one.length - 1]! ^= 0x40;
    await expectCorrupt(crc, "bad-crc", BatchField.crc);
  });

  it("names batch lengths that lie", async () => {
    for (const batchLength of [-1, 0, 48, -(2 ** 31)]) {
      const bad = Buffer.from(one);
      bad.writeInt32BE(batchLength, BatchField.batchLength);
      await expectCorrupt(bad, "bad-length", BatchField.batchLength);
    }
    const long = Buffer.from(one);
    long.writeInt32BE(2 ** 31 - 1, BatchField.batchLength);
    await expectCorrupt(long, "truncated", 0);
    const short = Buffer.from(one);
    short.writeInt32BE(one.length - 12 - 1, BatchField.batchLength);
    await expectCorrupt(short, "bad-crc");
  });

  it("names record counts that lie", async () => {
    // Too few bytes for the count: refused before reading a record.
    await expectCorrupt(sealed(record(minimal(0)), { recordsCount: 2 }), "bad-count", BatchField.recordsCount);
    // Enough bytes for the count, but they hold fewer records.
    await expectCorrupt(sealed(record(minimal(0) + "00".repeat(7), 13), { recordsCount: 2 }), "bad-record", 61);
    await expectCorrupt(sealed(record("000000" + "0e" + "00".repeat(7) + "0100"), { recordsCount: 2 }), "bad-count", 61 + 14);
    await expectCorrupt(sealed(Buffer.concat([record(minimal(0)), record(minimal(1))]), { recordsCount: 1, lastOffsetDelta: 1 }), "bad-count");
    await expectCorrupt(sealed(record(minimal(0)), { recordsCount: 2 ** 31 - 1 }), "bad-count", BatchField.recordsCount);
    await expectCorrupt(sealed(record(minimal(0)), { recordsCount: 3, lastOffsetDelta: 1 }), "bad-count", BatchField.recordsCount);
    await expectCorrupt(sealed(record(minimal(0)), { recordsCount: -1, lastOffsetDelta: 0 }), "bad-count");
    await expectCorrupt(sealed(record(minimal(0)), { recordsCount: 1, lastOffsetDelta: -1 }), "bad-count");
  });

  it("names offset deltas that go backwards or past lastOffsetDelta", async () => {
    await expectCorrupt(sealed(Buffer.concat([record(minimal(1)), record(minimal(1))]), { recordsCount: 2, lastOffsetDelta: 3 }), "bad-count", 61 + 7 + 3);
    await expectCorrupt(sealed(record(minimal(2)), { recordsCount: 1, lastOffsetDelta: 1 }), "bad-count", 61 + 3);
  });

  it("names record lengths that lie", async () => {
    await expectCorrupt(sealed(record(minimal(0), 40), { recordsCount: 1 }), "bad-length", 61);
    await expectCorrupt(sealed(Buffer.concat([record(minimal(0), 4), Buffer.from("0100", "hex")]), { recordsCount: 1 }), "bad-varint");
    await expectCorrupt(sealed(Buffer.concat([record(minimal(0) + "00", 7)]), { recordsCount: 1 }), "bad-record", 61);
    await expectCorrupt(sealed(Buffer.from("01000000000000", "hex"), { recordsCount: 1 }), "bad-length", 61); // length -1
  });

  it("names varints that overflow", async () => {
    await expectCorrupt(sealed(Buffer.from("ffffffffff0100", "hex"), { recordsCount: 1 }), "bad-varint", 61);
    const longDelta = "00" + "ff".repeat(10) + "01" + "00010100";
    await expectCorrupt(sealed(record(longDelta), { recordsCount: 1 }), "bad-varint", 61 + 2);
  });

  it("names key, value and header lengths that lie", async () => {
    await expectCorrupt(sealed(record("00000003010100"), { recordsCount: 1 }), "bad-record", 61 + 4); // key length -2
    await expectCorrupt(sealed(record("000000c801010100"), { recordsCount: 1 }), "bad-length"); // key length 100
    await expectCorrupt(sealed(record("0000000101" + "01"), { recordsCount: 1 }), "bad-record"); // header count -1
    await expectCorrupt(sealed(record("0000000101" + "02" + "01" + "01"), { recordsCount: 1 }), "bad-record"); // header key length -1
    await expectCorrupt(sealed(record("0000000101" + "02" + "0a" + "6162" + "01"), { recordsCount: 1 }), "bad-length"); // key past end
    await expectCorrupt(sealed(record("0000000101" + "7e"), { recordsCount: 1 }), "bad-varint"); // 63 headers, none present
  });

  it("names an unknown compression codec", async () => {
    for (const codec of [5, 6, 7]) {
      await expectCorrupt(sealed(record(minimal(0)), { recordsCount: 1, attributes: codec }), "bad-compression", BatchField.attributes);
    }
  });

  for (const [name, codec] of Object.entries(CompressionCodec)) {
    if (codec === CompressionCodec.none) continue;

    it(`names a ${name} payload that does not decompress`, async () => {
      for (const garbage of [Buffer.alloc(0), Buffer.from("this is not compressed at all")]) {
        await expectCorrupt(sealed(garbage, { recordsCount: 1, attributes: codec }), "bad-compression", 61);
      }
    });

    it(`stops a ${name} payload at maxDecompressedBytes`, async () => {
      const bomb = await encodeRecordBatch({ compression: codec, records: [{ value: Buffer.alloc(4 * 1024 * 1024) }] });
      expect(bomb.length).toBeLessThan(300 * 1024);
      const error = await failure(bomb, { maxDecompressedBytes: 1024 * 1024 });
      expect([error.kind, error.position]).toEqual(["too-large", 61]);
      expect((await decodeRecordBatches(bomb, { maxDecompressedBytes: 5 * 1024 * 1024 }))[0]?.records[0]?.value?.length).toBe(4 * 1024 * 1024);
    });

    it(`names bad records inside a ${name} payload, pointing at the payload`, async () => {
      const lying = await compressRecords(codec, record(minimal(0), 40));
      const error = await expectCorrupt(sealed(lying, { recordsCount: 1, attributes: codec }), "bad-length", 61);
      expect(error.message).toContain("of the decompressed records");
    });
  }

  it("points into the batch where the problem is, not the first batch", async () => {
    const first = await encodeRecordBatch({ records: [{ value: Buffer.from("fine") }] });
    const bad = sealed(Buffer.from(gzipSync(Buffer.from("nonsense"))), { recordsCount: 1, attributes: CompressionCodec.gzip });
    bad[BatchField.magic] = 0;
    await expectCorrupt(Buffer.concat([first, bad]), "bad-magic", first.length + BatchField.magic);
  });
});
