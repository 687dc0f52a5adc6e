/**
 * Interoperability with KafkaJS's own RecordBatch v2 encoder and decoder
 * (kafkajs/src/protocol/recordBatch), for every codec both sides support:
 * - batches KafkaJS builds decode with ours to the same records;
 * - batches we build decode with KafkaJS to the same records;
 * - uncompressed and gzip batches are byte-identical given the same fields.
 *
 * KafkaJS has gzip built in and takes kafkajs-snappy for Snappy (snappyjs, raw Snappy blocks out,
 * raw or xerial in). Its LZ4 and zstd codec packages need a C++ compiler to install, so the test
 * plugs in codecs with the same contract: lz4js (an independent pure-JS LZ4 frame implementation)
 * and @mongodb-js/zstd (standard zstd frames).
 */
import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { RecordBatchInput } from "./record-batch-types.js";
import { CompressionCodec } from "./batch-layout.js";
import { decodeRecordBatches } from "./decode-record-batches.js";
import { encodeRecordBatch } from "./encode-record-batch.js";

const require = createRequire(import.meta.url);

interface KafkaJsEncoder {
  buffer: Buffer;
}
interface KafkaJsLong {
  toString(): string;
}
interface KafkaJsCodec {
  compress(encoder: KafkaJsEncoder): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}
type KafkaJsHeaders = Record<string, Buffer | null | (Buffer | null)[]>;
interface KafkaJsRecordFields {
  offsetDelta: number;
  timestampDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: KafkaJsHeaders;
}
interface KafkaJsBatchFields {
  compression: number;
  firstOffset: KafkaJsLong;
  firstTimestamp: number;
  maxTimestamp: number;
  partitionLeaderEpoch: number;
  lastOffsetDelta: number;
  transactional: boolean;
  producerId: KafkaJsLong;
  producerEpoch: number;
  firstSequence: number;
  records: KafkaJsEncoder[];
}
interface KafkaJsDecodedBatch {
  firstOffset: string;
  firstTimestamp: string;
  maxTimestamp: string;
  partitionLeaderEpoch: number;
  inTransaction: boolean;
  isControlBatch: boolean;
  lastOffsetDelta: number;
  producerId: string;
  producerEpoch: number;
  firstSequence: number;
  timestampType: number;
  records: { offset: string; timestamp: string; key: Buffer | null; value: Buffer | null; headers: KafkaJsHeaders }[];
}

const { RecordBatch } = require("kafkajs/src/protocol/recordBatch/v0") as {
  RecordBatch(fields: KafkaJsBatchFields): Promise<KafkaJsEncoder>;
};
const Record = require("kafkajs/src/protocol/recordBatch/record/v0") as (fields: KafkaJsRecordFields) => KafkaJsEncoder;
const decodeKafkaJsBatch = require("kafkajs/src/protocol/recordBatch/v0/decoder") as (decoder: unknown) => Promise<KafkaJsDecodedBatch>;
const KafkaJsDecoder = require("kafkajs/src/protocol/decoder") as new (buffer: Buffer) => unknown;
const Long = require("kafkajs/src/utils/long") as { fromValue(value: bigint | number | string): KafkaJsLong };
const { Codecs, Types } = require("kafkajs/src/protocol/message/compression") as {
  Codecs: Record<number, () => KafkaJsCodec>;
  Types: { None: number; GZIP: number; Snappy: number; LZ4: number; ZSTD: number };
};
const lz4js = require("lz4js") as { compress(src: Uint8Array): Uint8Array; decompress(src: Uint8Array): Uint8Array };
const zstd = require("@mongodb-js/zstd") as typeof import("@mongodb-js/zstd");

Codecs[Types.Snappy] = require("kafkajs-snappy") as () => KafkaJsCodec;
Codecs[Types.LZ4] = () => ({
  compress: async (encoder) => Buffer.from(lz4js.compress(encoder.buffer)),
  decompress: async (buffer) => Buffer.from(lz4js.decompress(buffer)),
});
Codecs[Types.ZSTD] = () => ({
  compress: async (encoder) => zstd.compress(encoder.buffer, 3),
  decompress: async (buffer) => zstd.decompress(buffer),
});

const codecs = Object.values(CompressionCodec);
const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((b) => Buffer.from(b));
const repetitive = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 20_000 }))
  .map(([pattern, times]) => Buffer.concat(Array.from({ length: times }, () => Buffer.from(pattern))));
const value = fc.oneof(fc.constant(null), bytes(100), repetitive);
/**
 * Header keys KafkaJS can carry: its headers are a plain object, so keys that are array indices
 * (reordered) or names on Object.prototype (like __proto__) do not survive it.
 */
const headerKey = fc.string({ unit: "grapheme", maxLength: 10 }).filter((key) => !/^(0|[1-9]\d*)$/.test(key) && !(key in {}));
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const safeTimestamp = fc.integer({ min: 0, max: 2 ** 50 });

const hex = (b: Buffer | null | undefined) => (b == null ? null : b.toString("hex"));

function decodeWithKafkaJs(batch: Buffer): Promise<KafkaJsDecodedBatch> {
  return decodeKafkaJsBatch(new KafkaJsDecoder(batch));
}

/** groupHeaders folds headers into KafkaJS's shape: one value per key, or an array when repeated. */
function groupHeaders(headers: readonly { key: string; value: Buffer | null }[]): Record<string, unknown> {
  const grouped = new Map<string, (string | null)[]>();
  for (const { key, value: v } of headers) grouped.set(key, [...(grouped.get(key) ?? []), hex(v)]);
  return Object.fromEntries([...grouped].map(([key, values]) => [key, values.length === 1 ? values[0] : values]));
}

function hexHeaders(headers: KafkaJsHeaders): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).map(([key, v]) => [key, Array.isArray(v) ? v.map(hex) : hex(v)]),
  );
}

describe("KafkaJS batches decode with ours", () => {
  const kafkaJsBatch = fc.record({
    compression: fc.constantFrom(...codecs),
    firstOffset: fc.bigInt({ min: 0n, max: 1n << 62n }),
    firstTimestamp: safeTimestamp,
    partitionLeaderEpoch: int32,
    transactional: fc.boolean(),
    producerId: fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
    producerEpoch: fc.integer({ min: -(2 ** 15), max: 2 ** 15 - 1 }),
    firstSequence: int32,
    records: fc.array(
      fc.record({
        timestampDelta: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        key: fc.oneof(fc.constant(null), bytes(40)),
        value,
        headers: fc.uniqueArray(fc.tuple(headerKey, fc.oneof(bytes(20), fc.array(bytes(20), { minLength: 2, maxLength: 3 }))), {
          selector: ([key]) => key,
          maxLength: 4,
        }),
      }),
      { minLength: 1, maxLength: 15 },
    ),
  });

  it("for every codec", async () => {
    await fc.assert(
      fc.asyncProperty(kafkaJsBatch, async (batch) => {
        const records = batch.records.map((r, offsetDelta) => ({ ...r, offsetDelta, headers: Object.fromEntries(r.headers) as KafkaJsHeaders }));
        const maxTimestamp = Math.max(...records.map((r) => batch.firstTimestamp + r.timestampDelta));
        const encoded = await RecordBatch({
          compression: batch.compression,
          firstOffset: Long.fromValue(batch.firstOffset),
          firstTimestamp: batch.firstTimestamp,
          maxTimestamp,
          partitionLeaderEpoch: batch.partitionLeaderEpoch,
          lastOffsetDelta: records.length - 1,
          transactional: batch.transactional,
          producerId: Long.fromValue(batch.producerId),
          producerEpoch: batch.producerEpoch,
          firstSequence: batch.firstSequence,
          records: records.map((r) => Record(r)),
        });

        const [decoded, ...rest] = await decodeRecordBatches(encoded.buffer);
        expect(rest).toEqual([]);
        expect(decoded!.header).toMatchObject({
          baseOffset: batch.firstOffset,
          partitionLeaderEpoch: batch.partitionLeaderEpoch,
          lastOffsetDelta: records.length - 1,
          baseTimestamp: BigInt(batch.firstTimestamp),
          maxTimestamp: BigInt(maxTimestamp),
          producerId: batch.producerId,
          producerEpoch: batch.producerEpoch,
          baseSequence: batch.firstSequence,
          recordsCount: records.length,
        });
        expect([decoded!.compression, decoded!.transactional, decoded!.control, decoded!.timestampType]).toEqual([
          batch.compression,
          batch.transactional,
          false,
          "create-time",
        ]);
        expect(
          decoded!.records.map((r) => ({ offset: r.offset, timestamp: r.timestamp, key: hex(r.key), value: hex(r.value), headers: groupHeaders(r.headers) })),
        ).toEqual(
          records.map((r, i) => ({
            offset: batch.firstOffset + BigInt(i),
            timestamp: BigInt(batch.firstTimestamp + r.timestampDelta),
            key: hex(r.key),
            value: hex(r.value),
            headers: hexHeaders(r.headers),
          })),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("our batches decode with KafkaJS", () => {
  const ourBatch: fc.Arbitrary<RecordBatchInput> = fc.record(
    {
      compression: fc.constantFrom(...codecs),
      baseOffset: fc.bigInt({ min: 0n, max: 1n << 62n }),
      partitionLeaderEpoch: int32,
      producerId: fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
      producerEpoch: fc.integer({ min: -(2 ** 15), max: 2 ** 15 - 1 }),
      baseSequence: int32,
      transactional: fc.boolean(),
      control: fc.boolean(),
      timestampType: fc.constantFrom("create-time" as const, "log-append-time" as const),
      logAppendTime: safeTimestamp.map(BigInt),
      records: fc.array(
        fc.record({
          key: fc.oneof(fc.constant(null), bytes(40)),
          value,
          timestamp: safeTimestamp.map(BigInt),
          headers: fc.array(fc.record({ key: headerKey, value: fc.oneof(fc.constant(null), bytes(20)) }), { maxLength: 4 }),
        }),
        { minLength: 1, maxLength: 15 },
      ),
    },
    { requiredKeys: ["records", "compression"] },
  );

  it("for every codec", async () => {
    await fc.assert(
      fc.asyncProperty(ourBatch, async (input) => {
        const decoded = await decodeWithKafkaJs(await encodeRecordBatch(input));
        const timestamps = input.records.map((r) => r.timestamp!);
        const logAppend = input.timestampType === "log-append-time";
        const latest = timestamps.reduce((a, b) => (b > a ? b : a));
        const maxTimestamp = logAppend ? (input.logAppendTime ?? latest) : latest;
        const baseOffset = input.baseOffset ?? 0n;
        expect(decoded).toMatchObject({
          firstOffset: baseOffset.toString(),
          firstTimestamp: timestamps[0]!.toString(),
          maxTimestamp: maxTimestamp.toString(),
          partitionLeaderEpoch: input.partitionLeaderEpoch ?? -1,
          inTransaction: input.transactional ?? false,
          isControlBatch: input.control ?? false,
          lastOffsetDelta: input.records.length - 1,
          producerId: (input.producerId ?? -1n).toString(),
          producerEpoch: input.producerEpoch ?? -1,
          firstSequence: input.baseSequence ?? -1,
          timestampType: logAppend ? 1 : 0,
        });
        expect(
          decoded.records.map((r) => ({ offset: r.offset, timestamp: r.timestamp, key: hex(r.key), value: hex(r.value), headers: hexHeaders(r.headers) })),
        ).toEqual(
          input.records.map((r, i) => ({
            offset: (baseOffset + BigInt(i)).toString(),
            timestamp: (logAppend ? maxTimestamp : r.timestamp!).toString(),
            key: hex(r.key),
            value: hex(r.value),
            headers: groupHeaders(r.headers ?? []),
          })),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("byte-for-byte agreement with KafkaJS", () => {
  it("for uncompressed and gzip batches built from the same fields", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(CompressionCodec.none, CompressionCodec.gzip),
        safeTimestamp,
        fc.array(
          fc.record({
            key: fc.oneof(fc.constant(null), bytes(40)),
            value: fc.oneof(fc.constant(null), bytes(100)),
            timestampDelta: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
            headers: fc.uniqueArray(fc.tuple(headerKey, bytes(20)), { selector: ([key]) => key, maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.record({ partitionLeaderEpoch: int32, producerId: fc.bigInt({ min: -1n, max: 1n << 40n }), producerEpoch: fc.integer({ min: 0, max: 100 }), baseSequence: int32, transactional: fc.boolean() }),
        async (compression, firstTimestamp, records, fields) => {
          const timestamps = records.map((r) => firstTimestamp + r.timestampDelta);
          const theirs = await RecordBatch({
            compression,
            firstOffset: Long.fromValue(0),
            firstTimestamp,
            maxTimestamp: Math.max(...timestamps),
            partitionLeaderEpoch: fields.partitionLeaderEpoch,
            lastOffsetDelta: records.length - 1,
            transactional: fields.transactional,
            producerId: Long.fromValue(fields.producerId),
            producerEpoch: fields.producerEpoch,
            firstSequence: fields.baseSequence,
            records: records.map((r, offsetDelta) =>
              Record({ offsetDelta, timestampDelta: r.timestampDelta, key: r.key, value: r.value, headers: Object.fromEntries(r.headers) }),
            ),
          });
          const ours = await encodeRecordBatch({
            compression,
            baseTimestamp: BigInt(firstTimestamp),
            partitionLeaderEpoch: fields.partitionLeaderEpoch,
            producerId: fields.producerId,
            producerEpoch: fields.producerEpoch,
            baseSequence: fields.baseSequence,
            transactional: fields.transactional,
            records: records.map((r, i) => ({
              key: r.key,
              value: r.value,
              timestamp: BigInt(timestamps[i]!),
              headers: r.headers.map(([key, v]) => ({ key, value: v })),
            })),
          });
          expect(ours.toString("hex")).toBe(theirs.buffer.toString("hex"));
        },
      ),
      { numRuns: 100 },
    );
  });
});
