/**
 * Goal: a snapshot restores exactly the state it was taken from, and any damage, truncation,
 * unknown version or broken invariant makes the load refuse it (the caller rebuilds from the log)
 * instead of restoring a wrong state. Method: encode states built by a leader harness and by
 * fast-check, then round-trip them and corrupt them byte by byte.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ProducerStateManager } from "./producer-state-manager.js";
import { decodeProducerStateSnapshot, encodeProducerStateSnapshot } from "./producer-state-snapshot.js";
import type { ProducerStateSnapshot } from "./producer-state-snapshot.js";
import { SEQUENCE_MAX } from "./sequence.js";
import { LeaderHarness } from "./testing/leader-harness.js";
import { producerBatch } from "./testing/producer-batch.js";

function sampleLeader(): LeaderHarness {
  const leader = new LeaderHarness(new ProducerStateManager(), 4);
  for (let sequence = 0; sequence < 12; sequence += 2) leader.produce(producerBatch({ producerId: 1n, baseSequence: sequence, records: 2 }));
  leader.replicate(producerBatch({ producerId: 99n, producerEpoch: 3, baseSequence: SEQUENCE_MAX - 1, records: 4, timestampMs: 1_800_000_000_000 }));
  return leader;
}

function decodeOrThrow(bytes: Uint8Array): ProducerStateSnapshot {
  const result = decodeProducerStateSnapshot(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.snapshot;
}

describe("producer state snapshots", () => {
  it("round-trips a state, and the restored manager deduplicates and continues like the original", () => {
    const leader = sampleLeader();
    const snapshot = decodeOrThrow(encodeProducerStateSnapshot(leader.state.snapshot()));
    expect(snapshot).toEqual(leader.state.snapshot());
    const restored = new LeaderHarness(ProducerStateManager.restore(snapshot), 5);
    expect(restored.state.mapEndOffset).toBe(16n);
    expect(restored.produce(producerBatch({ producerId: 99n, producerEpoch: 3, baseSequence: SEQUENCE_MAX - 1, records: 4 }))).toEqual({
      kind: "duplicate",
      firstOffset: 12n,
      lastOffset: 15n,
    });
    expect(restored.produce(producerBatch({ producerId: 1n, baseSequence: 12 }))).toEqual({ kind: "appended", firstOffset: 16n, lastOffset: 16n });
  });

  it("round-trips an empty state", () => {
    const state = new ProducerStateManager({}, 42n);
    expect(decodeOrThrow(encodeProducerStateSnapshot(state.snapshot()))).toEqual({ mapEndOffset: 42n, entries: [] });
  });

  it("refuses every single-byte corruption and every truncation", () => {
    const bytes = encodeProducerStateSnapshot(sampleLeader().state.snapshot());
    for (let position = 0; position < bytes.length; position++) {
      const damaged = bytes.slice();
      damaged[position] = damaged[position]! ^ 0x40;
      expect(decodeProducerStateSnapshot(damaged).ok, `flip at ${position}`).toBe(false);
      expect(decodeProducerStateSnapshot(bytes.subarray(0, position)).ok, `cut at ${position}`).toBe(false);
    }
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(decodeProducerStateSnapshot(longer).ok).toBe(false);
  });

  it("names why it refused: version, checksum, broken invariants under a valid checksum", () => {
    const bytes = encodeProducerStateSnapshot(sampleLeader().state.snapshot());
    const versioned = bytes.slice();
    versioned[1] = 2;
    expect(decodeProducerStateSnapshot(versioned)).toEqual({ ok: false, reason: "unknown snapshot version 2" });
    const flipped = bytes.slice();
    flipped[30] = flipped[30]! ^ 1;
    expect(decodeProducerStateSnapshot(flipped)).toEqual({ ok: false, reason: "checksum mismatch" });

    const batch = { firstSequence: 0, lastSequence: 0, firstOffset: 5n, lastOffset: 5n, maxTimestampMs: 0, leaderEpoch: 0 };
    const invalid: Array<[ProducerStateSnapshot, RegExp]> = [
      [{ mapEndOffset: 5n, entries: [{ producerId: 1n, producerEpoch: 0, batches: [batch] }] }, /not below the map end offset/],
      [{ mapEndOffset: 9n, entries: [{ producerId: 1n, producerEpoch: 0, batches: [] }] }, /has 0 batches/],
      [{ mapEndOffset: 9n, entries: [{ producerId: 1n, producerEpoch: 0, batches: [batch, batch] }] }, /overlaps/],
      [{ mapEndOffset: 9n, entries: [{ producerId: 1n, producerEpoch: 0, batches: [batch] }, { producerId: 1n, producerEpoch: 0, batches: [batch] }] }, /repeated producer id/],
      [{ mapEndOffset: 9n, entries: [{ producerId: 1n, producerEpoch: -2, batches: [batch] }] }, /negative epoch/],
      [{ mapEndOffset: 9n, entries: [{ producerId: 1n, producerEpoch: 0, batches: [{ ...batch, firstSequence: -5 }] }] }, /invalid sequences/],
      [{ mapEndOffset: 9n, entries: [{ producerId: 1n, producerEpoch: 0, batches: Array.from({ length: 6 }, (_, i) => ({ ...batch, firstOffset: BigInt(i), lastOffset: BigInt(i) })) }] }, /has 6 batches/],
    ];
    for (const [snapshot, reason] of invalid) {
      const result = decodeProducerStateSnapshot(encodeProducerStateSnapshot(snapshot));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });

  it("round-trips arbitrary valid states", () => {
    const batchArbitrary = fc.record({
      records: fc.integer({ min: 1, max: 1_000 }),
      gap: fc.bigInt({ min: 0n, max: 1_000_000n }),
      baseSequence: fc.integer({ min: 0, max: SEQUENCE_MAX }),
      timestampMs: fc.integer({ min: -1, max: 2 ** 45 }),
      leaderEpoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
    });
    const producer = fc.record({
      producerId: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
      producerEpoch: fc.integer({ min: 0, max: 32_767 }),
      batches: fc.array(batchArbitrary, { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(producer, { selector: (p) => p.producerId, maxLength: 8 }), fc.bigInt({ min: 0n, max: 10n }), (producers, tail) => {
        let offset = 0n;
        const entries = producers.map((p) => ({
          producerId: p.producerId,
          producerEpoch: p.producerEpoch,
          batches: p.batches.map((b) => {
            const firstOffset = offset + b.gap;
            offset = firstOffset + BigInt(b.records);
            return { firstSequence: b.baseSequence, lastSequence: b.baseSequence, firstOffset, lastOffset: offset - 1n, maxTimestampMs: b.timestampMs, leaderEpoch: b.leaderEpoch };
          }),
        }));
        const snapshot = { mapEndOffset: offset + tail, entries };
        expect(decodeOrThrow(encodeProducerStateSnapshot(snapshot))).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});
