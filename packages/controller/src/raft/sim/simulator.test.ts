/**
 * The seeded simulator over many seeds, and proof that its checker can fail. Goal: every invariant
 * of safety-checker.ts holds under drops, duplicates, reordering, partitions, pauses, crashes that
 * lose unpersisted state, compaction and leadership transfers, and a proposal commits once faults
 * stop. Method: `runSimulation` per seed; a failure names the seed and the replay command. Then two
 * deliberately broken drivers (see {@link SimBug}) must be caught within a bounded number of seeds.
 */
import { describe, expect, it } from "vitest";
import type { SimBug } from "./sim-node.js";
import { runSimulation } from "./simulator.js";
import type { SimulationResult } from "./simulator.js";

const SEEDS = 500;
const STEPS = 6000;

function describeFailure(result: SimulationResult): string {
  return [
    `seed ${result.seed}: ${result.violation?.message}`,
    `replay: npm run sim -- --seed ${result.seed} --steps ${result.steps} --trace`,
    ...result.trace.slice(-20),
  ].join("\n");
}

describe("raft simulator", () => {
  it(`keeps every invariant over ${SEEDS} seeds x ${STEPS} steps`, () => {
    const totals = { leaderTerms: 0, committed: 0, crashes: 0, snapshotsRestored: 0, transfers: 0, partitions: 0 };
    for (let seed = 1; seed <= SEEDS; seed++) {
      const result = runSimulation({ seed, steps: STEPS });
      if (result.violation !== undefined) expect.fail(describeFailure(result));
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result.stats[key];
    }
    // The runs exercised what they claim to.
    expect(totals.leaderTerms).toBeGreaterThan(SEEDS * 5);
    expect(totals.committed).toBeGreaterThan(SEEDS * 50);
    expect(totals.crashes).toBeGreaterThan(SEEDS * 5);
    expect(totals.snapshotsRestored).toBeGreaterThan(SEEDS);
    expect(totals.transfers).toBeGreaterThan(SEEDS);
    expect(totals.partitions).toBeGreaterThan(SEEDS * 5);
  }, 120_000);

  it("replays a seed exactly", () => {
    const a = runSimulation({ seed: 42, steps: 3000 });
    const b = runSimulation({ seed: 42, steps: 3000 });
    expect(b.stats).toEqual(a.stats);
    expect(b.trace).toEqual(a.trace);
  });
});

describe("the checker catches a broken driver", () => {
  const bugs: { bug: SimBug; invariants: readonly string[] }[] = [
    // A node that forgets its vote on restart votes twice in a term: two leaders, seen either as
    // such or through the different entries they write at the same (index, term).
    { bug: "forget-vote-on-restart", invariants: ["election-safety", "log-matching"] },
    // Acknowledging before the disk write lets a leader commit what a majority has not persisted.
    { bug: "ack-before-persist", invariants: ["commit-durability"] },
  ];
  it.each(bugs)("with bug $bug", ({ bug, invariants }) => {
    let caught: SimulationResult | undefined;
    for (let seed = 1; seed <= 200 && caught === undefined; seed++) {
      const result = runSimulation({ seed, steps: STEPS, bug });
      if (result.violation !== undefined) caught = result;
    }
    expect(caught, `no seed in 1..200 caught ${bug}`).toBeDefined();
    expect(invariants).toContain(caught!.violation!.invariant);
    // The same seed without the bug is clean: the failure is the bug's, not the core's.
    expect(runSimulation({ seed: caught!.seed, steps: STEPS }).violation).toBeUndefined();
  }, 60_000);
});
