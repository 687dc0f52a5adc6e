import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DecodedRecordBatch, RecordBatchInput, RecordInput } from "./record-batch-types.js";
import { sealBatch } from "./batch-header.js";
import { BatchField, CompressionCodec } from "./batch-layout.js";
import { CorruptRecordError } from "./corrupt-record-error.js";
import { decodeRecordBatches } from "./decode-record-batches.js";
import { encodeRecordBatch } from "./encode-record-batch.js";

const NOW = 1_700_000_000_000n;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

beforeAll(() => {
  // Records without a timestamp take the clock; pin it so expectations are exact.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Number(NOW));
});
afterAll(() => {
  vi.useRealTimers();
});

const codecs = Object.values(CompressionCodec);
const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((b) => Buffer.from(b));
const repetitive = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 20_000 }))
  .map(([pattern, times]) => Buffer.concat(Array.from({ length: times }, () => Buffer.from(pattern))));
/** Timestamps near now, and anywhere in ±2^62 so that any two differ by less than 2^63. */
const timestamp = fc.oneof(fc.bigInt({ min: NOW - 10n ** 9n, max: NOW + 10n ** 9n }), fc.bigInt({ min: -(1n << 62n), max: (1n << 62n) - 1n }));

function recordInput(maxValueBytes: number, big: boolean): fc.Arbitrary<RecordInput> {
  return fc.record(
    {
      key: fc.oneof(fc.constant(null), bytes(40)),
      value: fc.oneof(fc.constant(null), bytes(maxValueBytes), ...(big ? [repetitive] : [])),
      timestamp,
      headers: fc.array(fc.record({ key: fc.string({ unit: "grapheme", maxLength: 12 }), value: fc.oneof(fc.constant(null), bytes(24)) }), {
        maxLength: 4,
      }),
    },
    { requiredKeys: ["value"] },
  );
}

function batchInput(maxRecords: number, maxValueBytes: number, big: boolean): fc.Arbitrary<RecordBatchInput> {
  return fc.record(
    {
      records: fc.array(recordInput(maxValueBytes, big), { minLength: 1, maxLength: maxRecords }),
      compression: fc.constantFrom(...codecs),
      baseOffset: fc.bigInt({ min: 0n, max: 1n << 62n }),
      partitionLeaderEpoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
      producerId: fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
      producerEpoch: fc.integer({ min: -(2 ** 15), max: 2 ** 15 - 1 }),
      baseSequence: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      transactional: fc.boolean(),
      control: fc.boolean(),
      timestampType: fc.constantFrom("create-time" as const, "log-append-time" as const),
      baseTimestamp: timestamp,
      logAppendTime: timestamp,
    },
    { requiredKeys: ["records"] },
  );
}

const hex = (b: Buffer | null | undefined) => (b == null ? null : b.toString("hex"));

/** expectedBatch is what decoding `input` must give, derived from the documented defaults. */
function expectedBatch(input: RecordBatchInput) {
  const fallback = input.baseTimestamp ?? NOW;
  const baseTimestamp = input.baseTimestamp ?? input.records[0]!.timestamp ?? fallback;
  const timestamps = input.records.map((r) => r.timestamp ?? fallback);
  const logAppend = input.timestampType === "log-append-time";
  const maxTimestamp = logAppend && input.logAppendTime !== undefined ? input.logAppendTime : timestamps.reduce((a, b) => (b > a ? b : a));
  const compression = input.compression ?? CompressionCodec.none;
  const baseOffset = input.baseOffset ?? 0n;
  return {
    header: {
      baseOffset,
      partitionLeaderEpoch: input.partitionLeaderEpoch ?? -1,
      magic: 2,
      attributes: compression | (logAppend ? 0x08 : 0) | (input.transactional ? 0x10 : 0) | (input.control ? 0x20 : 0),
      lastOffsetDelta: input.records.length - 1,
      baseTimestamp,
      maxTimestamp,
      producerId: input.producerId ?? -1n,
      producerEpoch: input.producerEpoch ?? -1,
      baseSequence: input.baseSequence ?? -1,
      recordsCount: input.records.length,
    },
    compression,
    timestampType: input.timestampType ?? "create-time",
    transactional: input.transactional ?? false,
    control: input.control ?? false,
    records: input.records.map((r, i) => ({
      offset: BigInt.asIntN(64, baseOffset + BigInt(i)),
      timestamp: logAppend ? maxTimestamp : timestamps[i],
      key: hex(r.key),
      value: hex(r.value),
      headers: (r.headers ?? []).map((h) => ({ key: h.key, value: hex(h.value) })),
    })),
  };
}

/** comparable drops what encoding decides (batchLength, crc) and turns bytes into hex. */
function comparable(batch: DecodedRecordBatch) {
  const { batchLength: _length, crc: _crc, ...header } = batch.header;
  return {
    header,
    compression: batch.compression,
    timestampType: batch.timestampType,
    transactional: batch.transactional,
    control: batch.control,
    records: batch.records.map((r) => ({
      offset: r.offset,
      timestamp: r.timestamp,
      key: hex(r.key),
      value: hex(r.value),
      headers: r.headers.map((h) => ({ key: h.key, value: hex(h.value) })),
    })),
  };
}

async function corruptKind(input: Uint8Array, options?: Parameters<typeof decodeRecordBatches>[1]): Promise<string> {
  try {
    await decodeRecordBatches(input, options);
  } catch (error) {
    if (!(error instanceof CorruptRecordError)) throw error;
    return error.kind;
  }
  return "none";
}

describe("record batch round trip", () => {
  it("decode(encode(batch)) gives back the batch, for every codec", async () => {
    await fc.assert(
      fc.asyncProperty(batchInput(20, 200, true), async (input) => {
        const [decoded, ...rest] = await decodeRecordBatches(await encodeRecordBatch(input));
        expect(rest).toEqual([]);
        expect(comparable(decoded!)).toEqual(expectedBatch(input));
      }),
      { numRuns: 150 },
    );
  });

  it("decodes a run of batches as the batches, in order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchInput(4, 50, false), { minLength: 1, maxLength: 5 }), async (inputs) => {
        const encoded = await Promise.all(inputs.map((input) => encodeRecordBatch(input)));
        const decoded = await decodeRecordBatches(Buffer.concat(encoded));
        expect(decoded.map(comparable)).toEqual(inputs.map(expectedBatch));
      }),
      { numRuns: 50 },
    );
  });
});

describe("record batch corruption", () => {
  /** Outside the CRC on purpose: a leader stamps these without re-sealing. */
  const unprotected = (at: number) =>
    (at >= BatchField.baseOffset && at < BatchField.batchLength) ||
    (at >= BatchField.partitionLeaderEpoch && at < BatchField.magic);

  async function checkFlip(encoded: Buffer, expected: ReturnType<typeof expectedBatch>, at: number, mask: number): Promise<void> {
    const damaged = Buffer.from(encoded);
    damaged[at]! ^= mask;
    if (!unprotected(at)) {
      const kind = await corruptKind(damaged);
      if (at === BatchField.magic) expect(kind).toBe("bad-magic");
      else if (at >= BatchField.crc) expect(kind).toBe("bad-crc");
      else expect(["truncated", "bad-length", "bad-crc"]).toContain(kind); // batchLength
      return;
    }
    const [decoded] = await decodeRecordBatches(damaged);
    const baseOffset = damaged.readBigInt64BE(BatchField.baseOffset);
    const partitionLeaderEpoch = damaged.readInt32BE(BatchField.partitionLeaderEpoch);
    expect(comparable(decoded!)).toEqual({
      ...expected,
      header: { ...expected.header, baseOffset, partitionLeaderEpoch },
      records: expected.records.map((r, i) => ({ ...r, offset: BigInt.asIntN(64, baseOffset + BigInt(i)) })),
    });
  }

  it("detects every single-byte change in a batch, except to baseOffset and partitionLeaderEpoch", async () => {
    await fc.assert(
      fc.asyncProperty(batchInput(5, 40, false), fc.nat(), fc.integer({ min: 1, max: 255 }), async (input, where, mask) => {
        const encoded = await encodeRecordBatch(input);
        await checkFlip(encoded, expectedBatch(input), where % encoded.length, mask);
      }),
      { numRuns: 500 },
    );
  });

  it("detects a change at every position of one batch per codec", async () => {
    for (const compression of codecs) {
      const input: RecordBatchInput = {
        compression,
        baseOffset: 42n,
        producerId: 7n,
        records: [
          { key: Buffer.from("key"), value: Buffer.from("value value value"), timestamp: NOW, headers: [{ key: "h", value: Buffer.from("v") }] },
          { value: null, timestamp: NOW + 5n },
        ],
      };
      const encoded = await encodeRecordBatch(input);
      for (let at = 0; at < encoded.length; at++) {
        for (const mask of [0x01, 0x80, 0xff]) await checkFlip(encoded, expectedBatch(input), at, mask);
      }
    }
  });

  it("reports every cut-short batch as truncated, and skips it when told to", async () => {
    await fc.assert(
      fc.asyncProperty(batchInput(3, 40, false), fc.nat(), async (input, cut) => {
        const encoded = await encodeRecordBatch(input);
        const prefix = encoded.subarray(0, 1 + (cut % (encoded.length - 1)));
        expect(await corruptKind(prefix)).toBe("truncated");
        expect(await decodeRecordBatches(prefix, { allowTruncatedTail: true })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("throws nothing but CorruptRecordError when the sealed contents are garbage", async () => {
    // Damage behind a valid CRC, so the record and decompression parsers see it.
    await fc.assert(
      fc.asyncProperty(
        batchInput(5, 60, false),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }),
        async (input, flips) => {
          const damaged = Buffer.from(await encodeRecordBatch(input));
          for (const [where, mask] of flips) damaged[BatchField.attributes + (where % (damaged.length - BatchField.attributes))]! ^= mask;
          sealBatch(damaged);
          await corruptKind(damaged, { maxDecompressedBytes: 1024 * 1024 });
        },
      ),
      { numRuns: 500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...codecs), fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 0, max: 100 }), async (codec, garbage, count) => {
        const batch = Buffer.concat([Buffer.from(await encodeRecordBatch({ compression: codec, records: [{ value: null }] })).subarray(0, 61), garbage]);
        batch.writeInt32BE(batch.length - 12, BatchField.batchLength);
        batch.writeInt32BE(count, BatchField.recordsCount);
        batch.writeInt32BE(count, BatchField.lastOffsetDelta);
        sealBatch(batch);
        await corruptKind(batch, { maxDecompressedBytes: 1024 * 1024 });
      }),
      { numRuns: 500 },
    );
  });
});
