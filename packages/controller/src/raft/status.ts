import type { NodeId } from "./node-id.js";
import type { FlowStateKind } from "./progress.js";
import type { RoleKind } from "./role.js";

/**
 * VoterStatus is a leader's view of one voter, what DescribeQuorum reports per voter (KRaft's
 * ReplicaState: logEndOffset, lastFetchTimestamp, lastCaughtUpTimestamp).
 */
export interface VoterStatus {
  readonly id: NodeId;
  /** Highest index known persisted on the voter and equal to the leader's log. */
  readonly match: number;
  /** Next index the leader will send. */
  readonly next: number;
  readonly flow: FlowStateKind;
  /** True when heard from in the current check-quorum period. */
  readonly recentActive: boolean;
  /** The leader's tick count when the voter was last heard from (the leader itself: now). */
  readonly lastContactTick: number;
}

/**
 * BasicStatus is a node's Raft state without per-voter detail: cheap enough to read after every
 * event (etcd's BasicStatus). Invariant: `applied <= commit <= lastIndex` and
 * `firstIndex <= lastIndex + 1`.
 */
export interface BasicStatus {
  readonly id: NodeId;
  readonly role: RoleKind;
  readonly term: number;
  readonly vote: NodeId | undefined;
  /** The leader of `term` as far as this node knows. */
  readonly leader: NodeId | undefined;
  readonly commit: number;
  readonly applied: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
  /** Ticks since this node started; the clock of `lastContactTick`. */
  readonly tick: number;
  /** On a leader, the voter leadership is being transferred to. */
  readonly transferee: NodeId | undefined;
}

/** RaftStatus adds, on a leader, what DescribeQuorum reports per voter. */
export interface RaftStatus extends BasicStatus {
  /** On a leader, every voter's progress (itself included), in voter order; otherwise undefined. */
  readonly voters: readonly VoterStatus[] | undefined;
}
