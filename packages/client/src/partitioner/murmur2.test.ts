import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { partitionForKey } from "./default-partitioner.js";
import { murmur2, toPositive } from "./murmur2.js";

const require = createRequire(import.meta.url);
const kafkajsMurmur2 = require("kafkajs/src/producer/partitioners/default/murmur2") as (key: Buffer | string) => number;
type KafkaJsPartitioner = (args: {
  topic: string;
  partitionMetadata: { partitionId: number; leader: number }[];
  message: { key?: Buffer | string | null; partition?: number | null };
}) => number;
const createKafkaJsDefaultPartitioner = (require("kafkajs") as { Partitioners: { DefaultPartitioner: () => KafkaJsPartitioner } })
  .Partitioners.DefaultPartitioner;

describe("murmur2", () => {
  it("matches Java's Utils.murmur2 test vectors", () => {
    const vectors: [string, number][] = [
      ["0", 971027396],
      ["1", -1993445489],
      ["128", -326012175],
      ["2187", -1508407203],
      ["16384", -325739742],
      ["100:48069", 1009543857],
    ];
    for (const [key, hash] of vectors) expect([key, murmur2(Buffer.from(key))]).toEqual([key, hash]);
  });

  it("returns signed 32-bit integers and agrees with KafkaJS on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const hash = murmur2(bytes);
        expect(hash | 0).toBe(hash);
        expect(hash).toBe(kafkajsMurmur2(Buffer.from(bytes)));
      }),
      { numRuns: 2000 },
    );
  });

  it("clears only the sign bit in toPositive, like Java", () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(5)).toBe(5);
  });
});

describe("partitionForKey", () => {
  it("picks the partition KafkaJS's DefaultPartitioner picks", () => {
    const partitioner = createKafkaJsDefaultPartitioner();
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)), fc.string({ unit: "grapheme" })), fc.integer({ min: 1, max: 1000 }), (key, numPartitions) => {
        const partitionMetadata = Array.from({ length: numPartitions }, (_, partitionId) => ({ partitionId, leader: partitionId % 3 === 0 ? -1 : 1 }));
        expect(partitionForKey(key, numPartitions)).toBe(partitioner({ topic: "t", partitionMetadata, message: { key } }));
      }),
      { numRuns: 2000 },
    );
  });

  it("hashes a string as its UTF-8 bytes", () => {
    expect(partitionForKey("ключ", 97)).toBe(partitionForKey(Buffer.from("ключ", "utf8"), 97));
  });

  it("refuses a partition count that is not a positive integer", () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => partitionForKey("k", bad)).toThrow(RangeError);
  });
});
