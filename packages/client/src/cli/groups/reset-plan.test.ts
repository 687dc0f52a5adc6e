import { describe, expect, it } from "vitest";
import { parseDurationMs, planReset, type PartitionPosition } from "./reset-plan.js";

const POSITIONS: PartitionPosition[] = [
  { topic: "t", partition: 0, earliest: 10n, latest: 100n, committed: 50n, atTimestamp: 70n },
  { topic: "t", partition: 1, earliest: 0n, latest: 20n, committed: null },
];

describe("planReset", () => {
  it("moves to the earliest, latest, current or timestamp offsets", () => {
    const offsets = (spec: Parameters<typeof planReset>[0]) => planReset(spec, POSITIONS).offsets.map((entry) => entry.offset);
    expect(offsets({ kind: "earliest" })).toEqual([10n, 0n]);
    expect(offsets({ kind: "latest" })).toEqual([100n, 20n]);
    expect(offsets({ kind: "current" })).toEqual([50n, 20n]);
    expect(offsets({ kind: "timestamp", timestampMs: 0 })).toEqual([70n, 20n]);
  });

  it("keeps explicit offsets within range, with Kafka's warnings", () => {
    expect(planReset({ kind: "offset", offset: 5n }, POSITIONS)).toEqual({
      offsets: [
        { topic: "t", partition: 0, offset: 10n },
        { topic: "t", partition: 1, offset: 5n },
      ],
      warnings: ["New offset (5) is lower than earliest offset for topic partition t-0. Value will be set to 10"],
    });
    expect(planReset({ kind: "offset", offset: 500n }, POSITIONS).warnings).toEqual([
      "New offset (500) is higher than latest offset for topic partition t-0. Value will be set to 100",
      "New offset (500) is higher than latest offset for topic partition t-1. Value will be set to 20",
    ]);
  });

  it("shifts committed offsets and refuses partitions without one", () => {
    expect(planReset({ kind: "shift", by: -45n }, [POSITIONS[0]!])).toEqual({
      offsets: [{ topic: "t", partition: 0, offset: 10n }],
      warnings: ["New offset (5) is lower than earliest offset for topic partition t-0. Value will be set to 10"],
    });
    expect(planReset({ kind: "shift", by: 7n }, [POSITIONS[0]!]).offsets[0]?.offset).toBe(57n);
    expect(() => planReset({ kind: "shift", by: 1n }, POSITIONS)).toThrow("Cannot shift offset for partition t-1 since there is no current committed offset");
  });
});

describe("parseDurationMs", () => {
  it("reads days, hours, minutes and seconds", () => {
    expect(parseDurationMs("PT1H")).toBe(3_600_000);
    expect(parseDurationMs("P1DT2H3M4.5S")).toBe(((24 + 2) * 60 + 3) * 60_000 + 4_500);
    expect(parseDurationMs("P2D")).toBe(2 * 86_400_000);
    for (const bad of ["P", "PT", "1H", "P1H", "PT-1H"]) expect(() => parseDurationMs(bad)).toThrow("--by-duration must be an ISO 8601 duration");
  });
});
