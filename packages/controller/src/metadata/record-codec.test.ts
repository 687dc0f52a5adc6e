/**
 * Goal: every metadata record survives encode → decode unchanged, and no input, however malformed,
 * makes the decoder throw anything but a typed TributaryError.
 * Method: fast-check round trips over generated records of every type; hand-written malformed
 * inputs for each kind of validation; random bytes and random JSON for the "never crashes" rule.
 */
import { TributaryError } from "@tributary/client/internal/errors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMetadataRecord, encodeMetadataRecord, METADATA_RECORD_BYTES_MAX } from "./record-codec.js";
import type { MetadataRecord } from "./records.js";

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const brokerId = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const epoch = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const token = fc.stringMatching(/^\S{1,40}$/);
const topicName = fc.stringMatching(/^[A-Za-z0-9._-]{1,249}$/);

/** A partition's replica sets: distinct replicas, an ISR drawn from them, a leader from the ISR or -1. */
const replicaSets = fc
  .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 })
  .chain((replicas) =>
    fc.subarray(replicas, { minLength: 1 }).chain((isr) => fc.record({ replicas: fc.constant(replicas), isr: fc.constant(isr), leader: fc.constantFrom(-1, ...isr) })),
  );

/** Every record type; structuredClone gives fast-check's null-prototype objects ordinary prototypes. */
const recordArbitrary: fc.Arbitrary<MetadataRecord> = fc.oneof(
  fc.record({
    type: fc.constant("register-broker" as const),
    brokerId,
    incarnationId: id,
    endpoints: fc.uniqueArray(fc.record({ listener: token, host: token, port: fc.integer({ min: 1, max: 65_535 }) }), {
      minLength: 1,
      maxLength: 4,
      selector: (e) => e.listener,
    }),
    rack: fc.option(token, { nil: null }),
    brokerEpoch: fc.option(epoch, { nil: null }),
  }),
  fc.record({ type: fc.constantFrom("fence-broker" as const, "unfence-broker" as const, "broker-controlled-shutdown" as const, "unregister-broker" as const), brokerId, brokerEpoch: epoch }),
  fc.record({ type: fc.constant("topic" as const), name: topicName, topicId: id }),
  fc.record({ type: fc.constant("remove-topic" as const), topicId: id }),
  fc
    .record({ topicId: id, partition: brokerId, sets: replicaSets, leaderEpoch: fc.nat({ max: 2 ** 31 - 1 }), partitionEpoch: fc.nat({ max: 2 ** 31 - 1 }) })
    .map(({ sets, ...rest }) => ({ type: "partition" as const, ...rest, ...sets })),
  fc
    .record({ topicId: id, partition: brokerId, sets: replicaSets, fields: fc.subarray(["isr", "leader", "replicas"] as const, { minLength: 1 }) })
    .map(({ topicId, partition, sets, fields }) => ({
      type: "partition-change" as const,
      topicId,
      partition,
      ...(fields.includes("isr") ? { isr: sets.isr } : {}),
      ...(fields.includes("leader") ? { leader: sets.leader } : {}),
      ...(fields.includes("replicas") ? { replicas: sets.replicas } : {}),
    })),
  fc.oneof(
    fc.record({ type: fc.constant("config" as const), resourceType: fc.constant("topic" as const), resourceName: topicName, name: token, value: fc.option(fc.string(), { nil: null }) }),
    fc.record({
      type: fc.constant("config" as const),
      resourceType: fc.constant("broker" as const),
      resourceName: fc.oneof(fc.constant(""), brokerId.map(String)),
      name: token,
      value: fc.option(fc.string(), { nil: null }),
    }),
  ),
  fc.record({ type: fc.constant("producer-ids" as const), brokerId, brokerEpoch: epoch, nextProducerId: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }) }),
  fc.constant({ type: "no-op" as const }),
).map((record) => structuredClone(record));

const text = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

function decodeError(bytes: Uint8Array): TributaryError {
  try {
    decodeMetadataRecord(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(TributaryError);
    return error as TributaryError;
  }
  throw new Error("decoded without an error");
}

describe("metadata record codec", () => {
  it("round-trips every record type", () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        expect(decodeMetadataRecord(encodeMetadataRecord(record))).toStrictEqual(record);
      }),
      { numRuns: 500 },
    );
  });

  it("writes compact, readable JSON with a version and 64-bit ids as strings", () => {
    const bytes = encodeMetadataRecord({ type: "producer-ids", brokerId: 1, brokerEpoch: 7, nextProducerId: 2n ** 62n });
    expect(new TextDecoder().decode(bytes)).toBe('{"v":1,"type":"producer-ids","brokerId":1,"brokerEpoch":7,"nextProducerId":"4611686018427387904"}');
  });

  it("refuses a newer version with UNSUPPORTED_VERSION", () => {
    expect(decodeError(text({ v: 2, type: "no-op" })).code).toBe("UNSUPPORTED_VERSION");
  });

  it.each([
    ["not UTF-8", new Uint8Array([0xff, 0xfe])],
    ["not JSON", text("{")],
    ["not an object", text([1, 2])],
    ["no version", text({ type: "no-op" })],
    ["an unknown type", text({ v: 1, type: "banana" })],
    ["an unknown field", text({ v: 1, type: "no-op", extra: 1 })],
    ["a missing field", text({ v: 1, type: "fence-broker", brokerId: 1 })],
    ["a fractional id", text({ v: 1, type: "fence-broker", brokerId: 1.5, brokerEpoch: 1 })],
    ["a negative broker id", text({ v: 1, type: "fence-broker", brokerId: -1, brokerEpoch: 1 })],
    ["a string where a number goes", text({ v: 1, type: "fence-broker", brokerId: "1", brokerEpoch: 1 })],
    ["a prototype key", text('{"v":1,"type":"no-op","__proto__":{"x":1}}')],
    ["a bad topic name", text({ v: 1, type: "topic", name: "a b", topicId: "t" })],
    ["a bad port", text({ v: 1, type: "register-broker", brokerId: 1, incarnationId: "i", endpoints: [{ listener: "L", host: "h", port: 0 }], rack: null, brokerEpoch: null })],
    ["no endpoints", text({ v: 1, type: "register-broker", brokerId: 1, incarnationId: "i", endpoints: [], rack: null, brokerEpoch: null })],
    [
      "a listener named twice",
      text({
        v: 1,
        type: "register-broker",
        brokerId: 1,
        incarnationId: "i",
        endpoints: [
          { listener: "L", host: "h", port: 1 },
          { listener: "L", host: "g", port: 2 },
        ],
        rack: null,
        brokerEpoch: null,
      }),
    ],
    ["a leader outside the ISR", text({ v: 1, type: "partition", topicId: "t", partition: 0, replicas: [1, 2], isr: [1], leader: 2, leaderEpoch: 0, partitionEpoch: 0 })],
    ["an ISR outside the replicas", text({ v: 1, type: "partition", topicId: "t", partition: 0, replicas: [1], isr: [1, 3], leader: 1, leaderEpoch: 0, partitionEpoch: 0 })],
    ["an empty ISR", text({ v: 1, type: "partition", topicId: "t", partition: 0, replicas: [1], isr: [], leader: -1, leaderEpoch: 0, partitionEpoch: 0 })],
    ["duplicate replicas", text({ v: 1, type: "partition", topicId: "t", partition: 0, replicas: [1, 1], isr: [1], leader: 1, leaderEpoch: 0, partitionEpoch: 0 })],
    ["a change that changes nothing", text({ v: 1, type: "partition-change", topicId: "t", partition: 0 })],
    ["a changed leader outside the changed ISR", text({ v: 1, type: "partition-change", topicId: "t", partition: 0, isr: [1], leader: 2 })],
    ["a leader below -1", text({ v: 1, type: "partition-change", topicId: "t", partition: 0, leader: -2 })],
    ["a bad broker resource", text({ v: 1, type: "config", resourceType: "broker", resourceName: "x", name: "a", value: "1" })],
    ["a negative producer id", text({ v: 1, type: "producer-ids", brokerId: 1, brokerEpoch: 1, nextProducerId: "-1" })],
    ["a producer id past int64", text({ v: 1, type: "producer-ids", brokerId: 1, brokerEpoch: 1, nextProducerId: "9223372036854775808" })],
    ["a producer id as a number", text({ v: 1, type: "producer-ids", brokerId: 1, brokerEpoch: 1, nextProducerId: 5 })],
    ["too many bytes", new Uint8Array(METADATA_RECORD_BYTES_MAX + 1)],
  ])("refuses %s with CORRUPT_MESSAGE", (_, bytes) => {
    expect(decodeError(bytes).code).toBe("CORRUPT_MESSAGE");
  });

  it("never throws anything but a TributaryError on arbitrary bytes or JSON", () => {
    const check = (bytes: Uint8Array): void => {
      try {
        decodeMetadataRecord(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(TributaryError);
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), check), { numRuns: 300 });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => check(text(value))),
      { numRuns: 300 },
    );
    // Mutations of valid records: one field replaced by an arbitrary JSON value.
    fc.assert(
      fc.property(recordArbitrary, fc.jsonValue(), fc.nat(), (record, value, pick) => {
        const object = JSON.parse(new TextDecoder().decode(encodeMetadataRecord(record))) as Record<string, unknown>;
        const keys = Object.keys(object);
        object[keys[pick % keys.length] ?? "v"] = value;
        check(text(object));
      }),
      { numRuns: 300 },
    );
  });
});
