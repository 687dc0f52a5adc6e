import { assert } from "@tributary/client/internal/assert";
import { NO_LEADER, type PartitionChangeRecord, type PartitionRecord } from "./records.js";

/**
 * PartitionState is one partition as the metadata image holds it (Kafka's PartitionRegistration).
 * Values are never mutated: a change replaces the object, so a reader may keep one.
 *
 * Invariants: leader = NO_LEADER or leader ∈ isr ⊆ replicas; isr and replicas are non-empty and
 * without duplicates; leaderEpoch and partitionEpoch never decrease.
 */
export interface PartitionState {
  readonly topicId: string;
  readonly partition: number;
  /** replicas in preferred order: replicas[0] is the preferred leader. */
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** leader is a broker id, or NO_LEADER (-1). */
  readonly leader: number;
  /** leaderEpoch increases with every leader change (KIP-101 fencing of stale leaders). */
  readonly leaderEpoch: number;
  /** partitionEpoch increases with every change to the partition (KIP-497 AlterPartition fencing). */
  readonly partitionEpoch: number;
}

/** partitionFromRecord builds the state a PartitionRecord states. */
export function partitionFromRecord(record: PartitionRecord): PartitionState {
  return {
    topicId: record.topicId,
    partition: record.partition,
    replicas: [...record.replicas],
    isr: [...record.isr],
    leader: record.leader,
    leaderEpoch: record.leaderEpoch,
    partitionEpoch: record.partitionEpoch,
  };
}

/** partitionToRecord restates a partition in full, for snapshots. */
export function partitionToRecord(state: PartitionState): PartitionRecord {
  return {
    type: "partition",
    topicId: state.topicId,
    partition: state.partition,
    replicas: [...state.replicas],
    isr: [...state.isr],
    leader: state.leader,
    leaderEpoch: state.leaderEpoch,
    partitionEpoch: state.partitionEpoch,
  };
}

/**
 * applyPartitionChange is the one place where epochs are bumped: naming a leader bumps the leader
 * epoch, and any change bumps the partition epoch (Kafka's PartitionRegistration.merge). Replay uses
 * it to apply a record, and managers use it to predict the state their response reports.
 */
export function applyPartitionChange(state: PartitionState, change: PartitionChangeRecord): PartitionState {
  assert(change.topicId === state.topicId && change.partition === state.partition, "partition change applied to another partition");
  const next: PartitionState = {
    topicId: state.topicId,
    partition: state.partition,
    replicas: change.replicas === undefined ? state.replicas : [...change.replicas],
    isr: change.isr === undefined ? state.isr : [...change.isr],
    leader: change.leader === undefined ? state.leader : change.leader,
    leaderEpoch: change.leader === undefined ? state.leaderEpoch : state.leaderEpoch + 1,
    partitionEpoch: state.partitionEpoch + 1,
  };
  assert(next.leaderEpoch >= state.leaderEpoch, "leader epoch went backwards");
  assert(next.partitionEpoch > state.partitionEpoch, "partition epoch did not advance");
  return next;
}

/**
 * partitionShapeProblem returns what is wrong with a partition's replica sets, or null. It checks
 * only the partition itself (leader ∈ isr ⊆ replicas, no duplicates, non-empty), not broker states.
 */
export function partitionShapeProblem(replicas: readonly number[], isr: readonly number[], leader: number): string | null {
  if (replicas.length === 0) return "replicas are empty";
  if (new Set(replicas).size !== replicas.length) return "replicas hold a duplicate";
  if (isr.length === 0) return "the ISR is empty";
  if (new Set(isr).size !== isr.length) return "the ISR holds a duplicate";
  if (!isr.every((id) => replicas.includes(id))) return "the ISR is not a subset of the replicas";
  if (leader !== NO_LEADER && !isr.includes(leader)) return "the leader is not in the ISR";
  return null;
}

/** sameMembers tells whether two broker lists hold the same ids in the same order. */
export function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => b[i] === id);
}
