/**
 * Goal: placement spreads replicas and preferred leaders evenly over brokers, and replicas of one
 * partition over as many racks as it can, deterministically.
 * Method: place many partitions on small clusters and count; a property over random clusters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeReplicas, type PlacementBroker } from "./replica-placement.js";

function counts(values: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return map;
}

describe("placeReplicas", () => {
  const racked: PlacementBroker[] = [0, 1, 2, 3, 4, 5].map((brokerId) => ({ brokerId, rack: ["a", "b", "c"][Math.floor(brokerId / 2)] ?? null }));

  it("stripes leaders and replicas evenly and puts each partition in every rack", () => {
    const placement = placeReplicas(racked, { firstPartition: 0, partitions: 60, replicationFactor: 3, startIndex: 0 });
    expect(placement).toHaveLength(60);
    const rackOf = (id: number): string | null => racked.find((b) => b.brokerId === id)?.rack ?? null;
    for (const replicas of placement) {
      expect(new Set(replicas).size).toBe(3);
      expect(new Set(replicas.map(rackOf)).size).toBe(3);
    }
    expect([...counts(placement.map((r) => r[0] ?? -1)).values()]).toEqual([10, 10, 10, 10, 10, 10]);
    expect([...counts(placement.flat()).values()]).toEqual([30, 30, 30, 30, 30, 30]);
    // Consecutive preferred leaders alternate racks.
    expect(placement.slice(0, 3).map((r) => rackOf(r[0] ?? -1))).toEqual(["a", "b", "c"]);
  });

  it("places without racks, up to one replica per broker", () => {
    const brokers = [1, 2, 3, 4, 5].map((brokerId) => ({ brokerId, rack: null }));
    const placement = placeReplicas(brokers, { firstPartition: 0, partitions: 10, replicationFactor: 5, startIndex: 3 });
    for (const replicas of placement) expect([...replicas].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...counts(placement.map((r) => r[0] ?? -1)).values()]).toEqual([2, 2, 2, 2, 2]);
  });

  it("rotates the first leader with the start index and numbers from firstPartition", () => {
    const brokers = [1, 2, 3].map((brokerId) => ({ brokerId, rack: null }));
    expect(placeReplicas(brokers, { firstPartition: 0, partitions: 1, replicationFactor: 1, startIndex: 0 })).toEqual([[1]]);
    expect(placeReplicas(brokers, { firstPartition: 0, partitions: 1, replicationFactor: 1, startIndex: 1 })).toEqual([[2]]);
    expect(placeReplicas(brokers, { firstPartition: 2, partitions: 1, replicationFactor: 1, startIndex: 0 })).toEqual([[3]]);
  });

  it("covers every rack before doubling up, even with uneven racks", () => {
    const brokers = [
      { brokerId: 1, rack: "a" },
      { brokerId: 2, rack: "a" },
      { brokerId: 3, rack: "a" },
      { brokerId: 4, rack: "b" },
    ];
    for (const replicas of placeReplicas(brokers, { firstPartition: 0, partitions: 12, replicationFactor: 2, startIndex: 0 })) {
      expect(replicas.some((id) => id === 4)).toBe(true);
    }
  });

  it("always returns distinct replicas on given brokers, as many racks as possible", () => {
    const cluster = fc.uniqueArray(fc.record({ brokerId: fc.nat(50), rack: fc.constantFrom(null, "a", "b", "c") }), { minLength: 1, maxLength: 8, selector: (b) => b.brokerId });
    fc.assert(
      fc.property(cluster, fc.nat(100), fc.nat(20), fc.integer({ min: 1, max: 8 }), (brokers, startIndex, firstPartition, rf) => {
        const replicationFactor = Math.min(rf, brokers.length);
        const racks = new Set(brokers.map((b) => b.rack)).size;
        for (const replicas of placeReplicas(brokers, { firstPartition, partitions: 10, replicationFactor, startIndex })) {
          expect(new Set(replicas).size).toBe(replicationFactor);
          expect(replicas.every((id) => brokers.some((b) => b.brokerId === id))).toBe(true);
          const used = new Set(replicas.map((id) => brokers.find((b) => b.brokerId === id)?.rack));
          expect(used.size).toBe(Math.min(racks, replicationFactor));
        }
      }),
      { numRuns: 200 },
    );
  });
});
