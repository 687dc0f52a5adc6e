/**
 * A short chaos run as part of `npm test`: a seeded schedule of process faults (leader, controller
 * and broker kills, a pause past the session timeout, clean restarts) under an idempotent acks=all
 * workload, then the checker. CI also runs a longer one through `npm run chaos`.
 */
import { describe, expect, it } from "vitest";
import { formatChaosResult, runChaos } from "./run-chaos.js";

describe("chaos", () => {
  it("loses, duplicates and reorders nothing under a seeded fault schedule", async () => {
    const seed = Number(process.env.CHAOS_SEED ?? 20261122);
    const result = await runChaos({ seed, durationMs: Number(process.env.CHAOS_DURATION_MS ?? 45_000) });
    console.log(formatChaosResult(result));
    expect(result.report.lost).toEqual([]);
    expect(result.report.duplicates).toEqual([]);
    expect(result.report.inconsistentOffsets).toEqual([]);
    expect(result.report.acknowledgedElsewhere).toEqual([]);
    expect(result.report.abortedReads).toEqual([]);
    expect(result.report.nonmonotonicPolls).toBe(0);
    expect(result.report.skippingPolls).toBe(0);
    expect(result.group.missed).toBe(0);
    expect(result.report.acknowledged).toBeGreaterThan(0);
    expect(result.faults.length).toBeGreaterThan(0);
  }, 600_000);
});
