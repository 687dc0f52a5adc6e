import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readBatchHeader, validateBatch } from "./batch-header.js";
import { CompressionCodec } from "./batch-layout.js";
import { decodeRecordBatches } from "./decode-record-batches.js";
import { encodeRecordBatch } from "./encode-record-batch.js";

const require = createRequire(import.meta.url);
/** KafkaJS's own CRC-32C, an implementation independent of ours. */
const kafkajsCrc32c = require("kafkajs/src/protocol/recordBatch/crc32C") as (buffer: Buffer) => number;

describe("encodeRecordBatch", () => {
  it("writes a hand-assembled Kafka v2 batch byte for byte", async () => {
    const encoded = await encodeRecordBatch({
      baseOffset: 5n,
      partitionLeaderEpoch: 3,
      producerId: 42n,
      producerEpoch: 7,
      baseSequence: 11,
      transactional: true,
      records: [
        { key: Buffer.from("k"), value: Buffer.from("v"), timestamp: 1_700_000_000_005n, headers: [{ key: "h", value: Buffer.from("x") }] },
        { key: null, value: null, timestamp: 1_700_000_000_000n },
      ],
    });

    const records = Buffer.from(
      "18" + "00" + "00" + "00" + "026b" + "0276" + "02" + "0268" + "0278" + // length 12, attrs, Δts 0, Δoffset 0, key, value, 1 header h=x
        "0c" + "00" + "09" + "02" + "01" + "01" + "00", // length 6, attrs, Δts -5, Δoffset 1, null key, null value, no headers
      "hex",
    );
    const body = Buffer.alloc(40);
    body.writeInt16BE(0x0010, 0); // attributes: transactional, CreateTime, no compression
    body.writeInt32BE(1, 2); // lastOffsetDelta
    body.writeBigInt64BE(1_700_000_000_005n, 6); // baseTimestamp: the first record's
    body.writeBigInt64BE(1_700_000_000_005n, 14); // maxTimestamp
    body.writeBigInt64BE(42n, 22); // producerId
    body.writeInt16BE(7, 30); // producerEpoch
    body.writeInt32BE(11, 32); // baseSequence
    body.writeInt32BE(2, 36); // recordsCount
    const crcCovered = Buffer.concat([body, records]);
    const prefix = Buffer.alloc(21);
    prefix.writeBigInt64BE(5n, 0); // baseOffset
    prefix.writeInt32BE(9 + crcCovered.length, 8); // batchLength: epoch, magic, crc, then the rest
    prefix.writeInt32BE(3, 12); // partitionLeaderEpoch
    prefix.writeInt8(2, 16); // magic
    prefix.writeUInt32BE(kafkajsCrc32c(crcCovered) >>> 0, 17);
    const expected = Buffer.concat([prefix, crcCovered]);

    expect(encoded.toString("hex")).toBe(expected.toString("hex"));
  });

  it("uses the documented defaults", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_600_000_000_000);
    try {
      const encoded = await encodeRecordBatch({ records: [{ value: Buffer.from("a") }, { value: null }] });
      const header = validateBatch(encoded);
      expect(header).toMatchObject({
        baseOffset: 0n,
        partitionLeaderEpoch: -1,
        magic: 2,
        attributes: 0,
        lastOffsetDelta: 1,
        baseTimestamp: 1_600_000_000_000n,
        maxTimestamp: 1_600_000_000_000n,
        producerId: -1n,
        producerEpoch: -1,
        baseSequence: -1,
        recordsCount: 2,
      });
      const [batch] = await decodeRecordBatches(encoded);
      expect(batch?.records.map((r) => [r.offset, r.timestamp, r.key, r.headers])).toEqual([
        [0n, 1_600_000_000_000n, null, []],
        [1n, 1_600_000_000_000n, null, []],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  describe("timestamps", () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(2_000);
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it("stores deltas from the first record's timestamp and keeps the largest as maxTimestamp", async () => {
      const encoded = await encodeRecordBatch({
        records: [{ value: null, timestamp: 500n }, { value: null, timestamp: 100n }, { value: null, timestamp: 900n }, { value: null }],
      });
      const header = readBatchHeader(encoded);
      expect([header.baseTimestamp, header.maxTimestamp]).toEqual([500n, 2_000n]);
      const [batch] = await decodeRecordBatches(encoded);
      expect(batch?.records.map((r) => r.timestamp)).toEqual([500n, 100n, 900n, 2_000n]);
    });

    it("gives untimed records an explicit baseTimestamp", async () => {
      const encoded = await encodeRecordBatch({ baseTimestamp: 700n, records: [{ value: null }, { value: null, timestamp: 800n }] });
      const [batch] = await decodeRecordBatches(encoded);
      expect(batch?.header.baseTimestamp).toBe(700n);
      expect(batch?.records.map((r) => r.timestamp)).toEqual([700n, 800n]);
    });

    it("marks log-append-time batches; their records all read as maxTimestamp", async () => {
      const encoded = await encodeRecordBatch({
        timestampType: "log-append-time",
        logAppendTime: 5_000n,
        records: [{ value: null, timestamp: 1n }, { value: null, timestamp: 3n }],
      });
      const header = readBatchHeader(encoded);
      expect(header.attributes & 0x08).toBe(0x08);
      expect(header.maxTimestamp).toBe(5_000n);
      const [batch] = await decodeRecordBatches(encoded);
      expect(batch?.timestampType).toBe("log-append-time");
      expect(batch?.records.map((r) => r.timestamp)).toEqual([5_000n, 5_000n]);
    });
  });

  it("sets the compression, transactional and control bits", async () => {
    for (const compression of Object.values(CompressionCodec)) {
      const encoded = await encodeRecordBatch({ compression, control: true, transactional: true, records: [{ value: Buffer.from("x") }] });
      expect(readBatchHeader(encoded).attributes).toBe(compression | 0x10 | 0x20);
    }
  });

  it("refuses what it cannot encode with a RangeError", async () => {
    const one = [{ value: null }];
    await expect(encodeRecordBatch({ records: [] })).rejects.toThrow(RangeError);
    await expect(encodeRecordBatch({ records: one, compression: 5 as 0 })).rejects.toThrow(RangeError);
    await expect(encodeRecordBatch({ records: one, partitionLeaderEpoch: 2 ** 31 })).rejects.toThrow(RangeError);
    await expect(encodeRecordBatch({ records: one, producerEpoch: 40_000 })).rejects.toThrow(RangeError);
    await expect(encodeRecordBatch({ records: one, baseSequence: 1.5 })).rejects.toThrow(RangeError);
    await expect(encodeRecordBatch({ records: one, baseOffset: 1n << 63n })).rejects.toThrow(RangeError);
    await expect(encodeRecordBatch({ records: one, producerId: -(1n << 64n) })).rejects.toThrow(RangeError);
    await expect(
      encodeRecordBatch({ records: [{ value: null, timestamp: -(1n << 62n) }, { value: null, timestamp: (1n << 62n) - 1n }] }),
    ).resolves.toBeInstanceOf(Buffer);
    await expect(
      encodeRecordBatch({ records: [{ value: null, timestamp: -(1n << 63n) }, { value: null, timestamp: (1n << 63n) - 1n }] }),
    ).rejects.toThrow(RangeError);
  });
});
