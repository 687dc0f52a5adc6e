/**
 * Goal: every rule of idempotent append validation (KIP-98, Kafka's ProducerAppendInfo) gives the
 * verdict or the error Kafka gives: duplicates answered with original offsets, fenced epochs, new
 * epochs from 0, sequence gaps, unknown producers from 0, sequence wraparound, several batches
 * per request. Method: a leader harness (validate, append to an in-memory log, complete) over
 * hand-built batch headers.
 */
import { describe, expect, it } from "vitest";
import { AssertionError } from "@tributary/client/internal/assert";
import { BatchAttribute, NO_PRODUCER_EPOCH, NO_PRODUCER_ID, NO_SEQUENCE } from "@tributary/client/internal/record";
import { ProducerStateManager } from "./producer-state-manager.js";
import { SEQUENCE_MAX } from "./sequence.js";
import { LeaderHarness } from "./testing/leader-harness.js";
import { producerBatch } from "./testing/producer-batch.js";

const P = 7n;

function batch(baseSequence: number, records = 1, producerEpoch = 0, producerId = P) {
  return producerBatch({ producerId, producerEpoch, baseSequence, records });
}

describe("ProducerStateManager.validateAppend: sequences within an epoch", () => {
  it("appends a new producer's first batch and records its window", () => {
    const leader = new LeaderHarness(new ProducerStateManager(), 3);
    expect(leader.produce(batch(0, 4))).toEqual({ kind: "appended", firstOffset: 0n, lastOffset: 3n });
    expect(leader.state.entry(P)).toEqual({
      producerId: P,
      producerEpoch: 0,
      batches: [{ firstSequence: 0, lastSequence: 3, firstOffset: 0n, lastOffset: 3n, maxTimestampMs: 1_700_000_000_000, leaderEpoch: 3 }],
    });
    expect(leader.state.mapEndOffset).toBe(4n);
  });

  it("appends the next sequence and refuses a gap with OUT_OF_ORDER_SEQUENCE_NUMBER", () => {
    const leader = new LeaderHarness();
    leader.produce(batch(0, 2));
    expect(leader.produce(batch(2))).toMatchObject({ kind: "appended", firstOffset: 2n });
    expect(leader.produce(batch(4))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    expect(leader.log).toHaveLength(2);
  });

  it("answers a retry of any of the last five batches with its original offsets and appends nothing", () => {
    const leader = new LeaderHarness();
    const sent = [0, 2, 4, 6, 8, 10].map((sequence) => batch(sequence, 2));
    const outcomes = sent.map((header) => leader.produce(header));
    for (let index = 1; index < sent.length; index++) {
      const original = outcomes[index]!;
      expect(leader.produce(sent[index]!)).toEqual({ ...original, kind: "duplicate" });
    }
    expect(leader.log).toHaveLength(6);
  });

  it("does not recognize a retry older than the window: that sequence is out of order", () => {
    const leader = new LeaderHarness();
    for (const sequence of [0, 1, 2, 3, 4, 5]) leader.produce(batch(sequence));
    expect(leader.state.entry(P)?.batches).toHaveLength(5);
    expect(leader.produce(batch(0))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
  });

  it("treats a partial overlap with a retained batch as out of order, not as a duplicate", () => {
    const leader = new LeaderHarness();
    leader.produce(batch(0, 4));
    expect(leader.produce(batch(0, 2))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    expect(leader.produce(batch(2, 4))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
  });
});

describe("ProducerStateManager.validateAppend: epochs", () => {
  it("fences an older epoch with INVALID_PRODUCER_EPOCH", () => {
    const leader = new LeaderHarness();
    leader.produce(batch(0, 1, 2));
    expect(leader.produce(batch(1, 1, 1))).toEqual({ kind: "error", code: "INVALID_PRODUCER_EPOCH" });
  });

  it("starts a newer epoch at sequence 0 with a fresh window", () => {
    const leader = new LeaderHarness();
    leader.produce(batch(0, 3, 0));
    expect(leader.produce(batch(5, 1, 1))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    expect(leader.produce(batch(0, 2, 1))).toMatchObject({ kind: "appended", firstOffset: 3n });
    expect(leader.state.entry(P)).toMatchObject({ producerEpoch: 1, batches: [{ firstSequence: 0, lastSequence: 1, firstOffset: 3n }] });
  });

  it("fences a retry from the old epoch once a new epoch was appended, instead of deduplicating it", () => {
    const leader = new LeaderHarness();
    const old = batch(0, 1, 0);
    leader.produce(old);
    leader.produce(batch(0, 1, 1));
    expect(leader.produce(old)).toEqual({ kind: "error", code: "INVALID_PRODUCER_EPOCH" });
  });

  it("fences the old epoch even when its batch would be next in its own sequence", () => {
    const leader = new LeaderHarness();
    leader.produce(batch(0, 1, 0));
    leader.produce(batch(0, 1, 1));
    expect(leader.produce(batch(1, 1, 0))).toEqual({ kind: "error", code: "INVALID_PRODUCER_EPOCH" });
  });
});

describe("ProducerStateManager.validateAppend: unknown producers", () => {
  it("refuses a first sequence other than 0 with UNKNOWN_PRODUCER_ID and writes nothing", () => {
    const leader = new LeaderHarness();
    expect(leader.produce(batch(17, 3, 4))).toEqual({ kind: "error", code: "UNKNOWN_PRODUCER_ID" });
    expect(leader.log).toHaveLength(0);
    expect(leader.state.producerCount).toBe(0);
  });

  it("keeps order when a new producer's second request overtakes its first: it waits for sequence 0", () => {
    const leader = new LeaderHarness();
    expect(leader.produce(batch(2, 2, 4))).toEqual({ kind: "error", code: "UNKNOWN_PRODUCER_ID" });
    expect(leader.produce(batch(0, 2, 4))).toMatchObject({ kind: "appended", firstOffset: 0n });
    expect(leader.produce(batch(2, 2, 4))).toMatchObject({ kind: "appended", firstOffset: 2n });
  });

  it("accepts sequence 0 in any epoch from an unknown producer, then enforces order", () => {
    const leader = new LeaderHarness();
    expect(leader.produce(batch(0, 3, 4))).toMatchObject({ kind: "appended" });
    expect(leader.produce(batch(0, 3, 4))).toMatchObject({ kind: "duplicate", firstOffset: 0n, lastOffset: 2n });
    expect(leader.produce(batch(4, 1, 4))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    expect(leader.produce(batch(3, 1, 4))).toMatchObject({ kind: "appended", firstOffset: 3n });
  });

  it("treats a producer forgotten by expiry as unknown", () => {
    const leader = new LeaderHarness(new ProducerStateManager({ producerIdExpirationMs: 1_000 }));
    leader.produce(batch(0));
    leader.state.removeExpiredProducers(1_700_000_001_000);
    expect(leader.produce(batch(1))).toEqual({ kind: "error", code: "UNKNOWN_PRODUCER_ID" });
  });

  it("keeps producers apart", () => {
    const leader = new LeaderHarness();
    leader.produce(batch(0, 1, 0, 1n));
    leader.produce(batch(0, 1, 0, 2n));
    expect(leader.produce(batch(1, 1, 0, 1n))).toMatchObject({ kind: "appended" });
    expect(leader.produce(batch(0, 1, 0, 2n))).toMatchObject({ kind: "duplicate", firstOffset: 1n });
  });
});

describe("ProducerStateManager.validateAppend: wraparound at Int32 max", () => {
  it("continues at 0 after SEQUENCE_MAX", () => {
    const leader = new LeaderHarness();
    leader.replicate(batch(SEQUENCE_MAX - 2, 3));
    expect(leader.state.entry(P)?.batches[0]).toMatchObject({ firstSequence: SEQUENCE_MAX - 2, lastSequence: SEQUENCE_MAX });
    expect(leader.produce(batch(1))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    expect(leader.produce(batch(0, 2))).toMatchObject({ kind: "appended", firstOffset: 3n });
  });

  it("deduplicates a batch that straddles the wrap and continues after it", () => {
    const leader = new LeaderHarness();
    leader.replicate(batch(SEQUENCE_MAX - 3, 2));
    const straddling = batch(SEQUENCE_MAX - 1, 4);
    expect(leader.produce(straddling)).toEqual({ kind: "appended", firstOffset: 2n, lastOffset: 5n });
    expect(leader.state.entry(P)?.batches[1]).toMatchObject({ firstSequence: SEQUENCE_MAX - 1, lastSequence: 1 });
    expect(leader.produce(straddling)).toEqual({ kind: "duplicate", firstOffset: 2n, lastOffset: 5n });
    expect(leader.produce(batch(0))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    expect(leader.produce(batch(2))).toMatchObject({ kind: "appended", firstOffset: 6n });
  });
});

describe("ProducerStateManager.validateAppend: several batches in one request", () => {
  it("validates each batch against the state the earlier ones leave", () => {
    const leader = new LeaderHarness();
    expect(leader.produce(batch(0, 2), batch(2, 3), batch(5))).toEqual({ kind: "appended", firstOffset: 0n, lastOffset: 5n });
    expect(leader.state.entry(P)?.batches.map((b) => [b.firstOffset, b.lastOffset])).toEqual([[0n, 1n], [2n, 4n], [5n, 5n]]);
  });

  it("refuses the whole request when a later batch is out of order", () => {
    const leader = new LeaderHarness();
    expect(leader.produce(batch(0), batch(2))).toEqual({ kind: "error", code: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    expect(leader.log).toHaveLength(0);
    expect(leader.state.producerCount).toBe(0);
  });

  it("lets a new epoch start mid-request and continue in it", () => {
    const leader = new LeaderHarness();
    leader.produce(batch(0, 1, 0));
    expect(leader.produce(batch(0, 1, 1), batch(1, 1, 1))).toMatchObject({ kind: "appended", firstOffset: 1n, lastOffset: 2n });
    expect(leader.produce(batch(0, 1, 2), batch(1, 1, 1))).toEqual({ kind: "error", code: "INVALID_PRODUCER_EPOCH" });
  });

  it("returns a verdict per batch for a retry followed by new batches", () => {
    const leader = new LeaderHarness();
    leader.produce(batch(0, 2));
    const validation = leader.state.validateAppend([batch(0, 2), batch(2), batch(3)]);
    expect(validation.verdicts).toEqual([
      { kind: "duplicate", firstOffset: 0n, lastOffset: 1n, maxTimestampMs: 1_700_000_000_000 },
      { kind: "append" },
      { kind: "append" },
    ]);
    expect(validation.appendCount).toBe(2);
    leader.state.completeAppend(validation, 2n, 0);
    expect(leader.state.entry(P)?.batches.map((b) => [b.firstSequence, b.firstOffset])).toEqual([[0, 0n], [2, 2n], [3, 3n]]);
  });

  it("refuses a request that carries the same batch twice with INVALID_REQUEST", () => {
    const leader = new LeaderHarness();
    expect(leader.produce(batch(0), batch(0))).toEqual({ kind: "error", code: "INVALID_REQUEST" });
  });

  it("validates batches of different producers independently", () => {
    const leader = new LeaderHarness();
    expect(leader.produce(batch(0, 1, 0, 1n), batch(0, 1, 0, 2n), batch(1, 1, 0, 1n))).toMatchObject({ kind: "appended", lastOffset: 2n });
    expect(leader.state.entry(1n)?.batches).toHaveLength(2);
    expect(leader.state.entry(2n)?.batches).toHaveLength(1);
  });
});

describe("ProducerStateManager.validateAppend: batches it does not track or refuses", () => {
  it("appends batches without a producer id and only advances the map end offset", () => {
    const leader = new LeaderHarness();
    const plain = producerBatch({ producerId: NO_PRODUCER_ID, producerEpoch: NO_PRODUCER_EPOCH, baseSequence: NO_SEQUENCE, records: 3 });
    expect(leader.produce(plain)).toEqual({ kind: "appended", firstOffset: 0n, lastOffset: 2n });
    expect(leader.produce(plain)).toMatchObject({ kind: "appended", firstOffset: 3n });
    expect(leader.state.producerCount).toBe(0);
    expect(leader.state.mapEndOffset).toBe(6n);
  });

  it("refuses malformed producer fields and client control batches with INVALID_RECORD", () => {
    const leader = new LeaderHarness();
    expect(leader.produce(producerBatch({ producerId: P, producerEpoch: -1, baseSequence: 0 }))).toEqual({ kind: "error", code: "INVALID_RECORD" });
    expect(leader.produce(producerBatch({ producerId: P, baseSequence: -1 }))).toEqual({ kind: "error", code: "INVALID_RECORD" });
    expect(leader.produce(producerBatch({ producerId: -2n, baseSequence: 0 }))).toEqual({ kind: "error", code: "INVALID_RECORD" });
    expect(leader.produce(producerBatch({ producerId: P, baseSequence: 0, attributes: BatchAttribute.control }))).toEqual({ kind: "error", code: "INVALID_RECORD" });
    expect(leader.produce({ ...batch(0), lastOffsetDelta: -1 })).toEqual({ kind: "error", code: "INVALID_RECORD" });
  });

  it("asserts when the state changed between validation and completion", () => {
    const state = new ProducerStateManager();
    const validation = state.validateAppend([batch(0)]);
    state.onAppended({ ...batch(0, 1, 0, 9n), baseOffset: 0n, partitionLeaderEpoch: 0 });
    expect(() => state.completeAppend(validation, 1n, 0)).toThrow(AssertionError);
  });
});
