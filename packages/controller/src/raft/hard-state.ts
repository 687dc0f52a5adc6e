import type { NodeId } from "./node-id.js";

/**
 * HardState is the part of a node's Raft state that must survive a crash (Raft Figure 2,
 * "persistent state on all servers", plus the commit index). A node that forgot its term or vote
 * could vote twice in one term and elect two leaders (thesis §3.8).
 */
export interface HardState {
  /** Latest term this node has seen. Invariant: never decreases, in memory or on disk. */
  readonly term: number;
  /** The candidate this node voted for in `term`, if any. */
  readonly vote: NodeId | undefined;
  /**
   * Highest log index known to be committed. Persisting it is an optimization (a restarted node
   * re-learns it from the leader), but a persisted value must be truly committed.
   */
  readonly commit: number;
}

/** EMPTY_HARD_STATE is the state of a node that has never run. */
export const EMPTY_HARD_STATE: HardState = { term: 0, vote: undefined, commit: 0 };

/** hardStateEqual compares two hard states field by field. */
export function hardStateEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}
