import type { SeededRandom } from "./random.js";

/** FaultKind names the faults the chaos suite injects on the process cluster. */
export type FaultKind =
  | "kill-partition-leader"
  | "kill-active-controller"
  | "kill-random-broker"
  | "kill-two-brokers"
  | "pause-broker-past-session"
  | "restart-partition-leader";

/** FAULT_KINDS lists every fault, in the order the schedule draws from. */
export const FAULT_KINDS: readonly FaultKind[] = [
  "kill-partition-leader",
  "kill-active-controller",
  "kill-random-broker",
  "kill-two-brokers",
  "pause-broker-past-session",
  "restart-partition-leader",
];

/** ScheduledFault is one fault: when it starts (ms after the workload starts) and how long it lasts before healing. */
export interface ScheduledFault {
  readonly kind: FaultKind;
  readonly atMs: number;
  readonly healAfterMs: number;
  /** Which partition a partition-targeted fault chases. */
  readonly partition: number;
  /** A number the fault uses to choose among candidates (which broker, which two). */
  readonly choice: number;
}

/**
 * makeSchedule draws faults for `durationMs` of workload: each fault starts after the previous
 * one healed plus a quiet gap, so faults do not overlap and the cluster can recover in between.
 */
export function makeSchedule(random: SeededRandom, durationMs: number, partitions: number, sessionTimeoutMs: number): ScheduledFault[] {
  // Every kind once, in a seeded order (Fisher-Yates), before any repeats.
  const firstRound = [...FAULT_KINDS];
  for (let i = firstRound.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [firstRound[i], firstRound[j]] = [firstRound[j]!, firstRound[i]!];
  }
  const faults: ScheduledFault[] = [];
  let atMs = 2_000;
  for (let index = 0; atMs < durationMs - 5_000; index++) {
    const kind = firstRound[index] ?? random.pick(FAULT_KINDS);
    // A fault lasts past the session timeout, so the controller notices it and the ISR shrinks.
    const healAfterMs = kind === "restart-partition-leader" ? 0 : sessionTimeoutMs + 1_000 + random.int(2_000);
    faults.push({ kind, atMs, healAfterMs, partition: random.int(partitions), choice: random.int(1_000) });
    atMs += healAfterMs + 3_000 + random.int(2_000);
  }
  return faults;
}
