/**
 * Goal: the state is a replay of the log, so a follower and a rebuilt leader hold what the leader
 * held; truncation forgets what the log forgot and demands a rebuild when that leaves the state
 * inexact; log start advances keep producers (KIP-360); expiry forgets idle producers.
 * Method: a leader harness appends to an in-memory log of stored headers; followers and rebuilds
 * replay those headers.
 */
import { describe, expect, it } from "vitest";
import { AssertionError } from "@tributary/client/internal/assert";
import { NO_PRODUCER_EPOCH, NO_PRODUCER_ID, NO_SEQUENCE } from "@tributary/client/internal/record";
import { ProducerStateManager } from "./producer-state-manager.js";
import { LeaderHarness } from "./testing/leader-harness.js";
import { producerBatch, stored } from "./testing/producer-batch.js";

function batch(producerId: bigint, baseSequence: number, records = 1, producerEpoch = 0, timestampMs?: number) {
  return producerBatch({ producerId, producerEpoch, baseSequence, records, ...(timestampMs === undefined ? {} : { timestampMs }) });
}

/** busyLeader appends, in epoch 2: producer 1 seq 0..6 (seven batches), a plain batch, producer 2 seq 0..1, producer 1 epoch 1 seq 0. */
function busyLeader(): LeaderHarness {
  const leader = new LeaderHarness(new ProducerStateManager(), 2);
  for (let sequence = 0; sequence < 7; sequence++) leader.produce(batch(1n, sequence));
  leader.produce(producerBatch({ producerId: NO_PRODUCER_ID, producerEpoch: NO_PRODUCER_EPOCH, baseSequence: NO_SEQUENCE, records: 2 }));
  leader.produce(batch(2n, 0, 2));
  leader.produce(batch(3n, 0, 1, 0), batch(3n, 1, 1, 0));
  leader.produce(batch(3n, 0, 1, 1));
  return leader;
}

function sortedEntries(state: ProducerStateManager) {
  return state.entries().sort((a, b) => (a.producerId < b.producerId ? -1 : 1));
}

describe("ProducerStateManager replay", () => {
  it("gives a follower applying stored batches the leader's state", () => {
    const leader = busyLeader();
    const follower = new ProducerStateManager();
    for (const header of leader.log) follower.onAppended(header);
    expect(sortedEntries(follower)).toEqual(sortedEntries(leader.state));
    expect(follower.mapEndOffset).toBe(leader.state.mapEndOffset);
  });

  it("rebuilds from the log to the same state, and the rebuilt leader answers retries with the original offsets", () => {
    const leader = busyLeader();
    const rebuilt = new ProducerStateManager();
    rebuilt.rebuildFrom(leader.log, 0n);
    expect(sortedEntries(rebuilt)).toEqual(sortedEntries(leader.state));
    const next = new LeaderHarness(rebuilt, 3);
    next.log.push(...leader.log);
    expect(next.produce(batch(2n, 0, 2))).toEqual({ kind: "duplicate", firstOffset: 9n, lastOffset: 10n });
    expect(next.produce(batch(1n, 6))).toEqual({ kind: "duplicate", firstOffset: 6n, lastOffset: 6n });
    expect(next.produce(batch(1n, 7))).toMatchObject({ kind: "appended", firstOffset: 14n });
    expect(next.state.entry(1n)?.batches.at(-1)?.leaderEpoch).toBe(3);
  });

  it("keeps producers wholly below the rebuild offset and replaces the others from the replay", () => {
    const state = new ProducerStateManager();
    state.onAppended(stored(batch(1n, 0), 0n, 0));
    state.onAppended(stored(batch(2n, 0), 1n, 0));
    state.onAppended(stored(batch(2n, 1), 2n, 0));
    state.rebuildFrom([stored(batch(2n, 0), 1n, 0), stored(batch(2n, 1), 2n, 0)], 2n);
    expect(state.entry(1n)?.batches).toHaveLength(1);
    expect(state.entry(2n)?.batches.map((b) => b.firstOffset)).toEqual([2n]);
    expect(state.mapEndOffset).toBe(3n);
  });

  it("asserts that batches are applied in offset order", () => {
    const state = new ProducerStateManager();
    state.onAppended(stored(batch(1n, 0, 2), 4n, 0));
    expect(() => state.onAppended(stored(batch(1n, 2), 5n, 0))).toThrow(AssertionError);
  });
});

describe("ProducerStateManager.truncateTo", () => {
  it("stays exact when no retained batch is at or after the offset", () => {
    const leader = busyLeader();
    const before = sortedEntries(leader.state);
    leader.log.push(stored(producerBatch({ producerId: NO_PRODUCER_ID, producerEpoch: NO_PRODUCER_EPOCH, baseSequence: NO_SEQUENCE }), 14n, 2));
    leader.state.onAppended(leader.log.at(-1)!);
    expect(leader.truncateTo(14n)).toBe(true);
    expect(leader.state.rebuildRequired).toBe(false);
    expect(sortedEntries(leader.state)).toEqual(before);
    expect(leader.state.mapEndOffset).toBe(14n);
  });

  it("forgets truncated batches, requires a rebuild before validating, and the rebuild is exact", () => {
    const leader = busyLeader();
    expect(leader.truncateTo(6n)).toBe(false);
    expect(leader.state.rebuildRequired).toBe(true);
    expect(leader.state.entry(2n)).toBeUndefined();
    expect(leader.state.entry(1n)?.batches.map((b) => b.firstSequence)).toEqual([2, 3, 4, 5]);
    expect(() => leader.state.validateAppend([batch(1n, 6)])).toThrow(AssertionError);
    expect(() => leader.state.snapshot()).toThrow(AssertionError);

    leader.state.rebuildFrom(leader.log, 0n);
    expect(leader.state.rebuildRequired).toBe(false);
    expect(leader.state.entry(1n)?.batches.map((b) => b.firstSequence)).toEqual([1, 2, 3, 4, 5]);
    expect(leader.produce(batch(1n, 6))).toEqual({ kind: "appended", firstOffset: 6n, lastOffset: 6n });
    expect(leader.produce(batch(2n, 0, 2))).toMatchObject({ kind: "appended", firstOffset: 7n });
  });

  it("forgets everything on truncateFullyAndStartAt", () => {
    const leader = busyLeader();
    leader.state.truncateFullyAndStartAt(100n);
    expect(leader.state.producerCount).toBe(0);
    expect(leader.state.mapEndOffset).toBe(100n);
    expect(leader.state.rebuildRequired).toBe(false);
  });
});

describe("ProducerStateManager.onLogStartOffset", () => {
  it("keeps producers whose batches fell below the log start, so retries are still deduplicated (KIP-360)", () => {
    const leader = busyLeader();
    leader.state.onLogStartOffset(13n);
    expect(leader.state.producerCount).toBe(3);
    expect(leader.produce(batch(2n, 0, 2))).toEqual({ kind: "duplicate", firstOffset: 9n, lastOffset: 10n });
  });

  it("keeps those producers across a rebuild from the new log start", () => {
    const leader = busyLeader();
    leader.state.onLogStartOffset(11n);
    leader.state.rebuildFrom(leader.log.filter((header) => header.baseOffset >= 9n), 11n);
    expect(leader.state.entry(2n)?.batches).toHaveLength(1);
    expect(leader.state.entry(3n)?.producerEpoch).toBe(1);
  });

  it("moves the map end offset past a log start beyond it", () => {
    const state = new ProducerStateManager();
    state.onLogStartOffset(50n);
    expect(state.mapEndOffset).toBe(50n);
    state.onLogStartOffset(10n);
    expect(state.mapEndOffset).toBe(50n);
  });
});

describe("ProducerStateManager.removeExpiredProducers", () => {
  it("forgets producers whose last batch is producerIdExpirationMs old, and no others", () => {
    const state = new ProducerStateManager({ producerIdExpirationMs: 1_000 });
    state.onAppended(stored(batch(1n, 0, 1, 0, 5_000), 0n, 0));
    state.onAppended(stored(batch(2n, 0, 1, 0, 5_000), 1n, 0));
    state.onAppended(stored(batch(2n, 1, 1, 0, 5_500), 2n, 0));
    expect(state.removeExpiredProducers(5_999)).toBe(0);
    expect(state.removeExpiredProducers(6_000)).toBe(1);
    expect(state.entry(1n)).toBeUndefined();
    expect(state.entry(2n)).toBeDefined();
    expect(state.removeExpiredProducers(6_500)).toBe(1);
    expect(state.producerCount).toBe(0);
  });

  it("refuses a non-positive expiration", () => {
    expect(() => new ProducerStateManager({ producerIdExpirationMs: 0 })).toThrow(AssertionError);
  });
});
