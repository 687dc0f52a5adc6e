import { assert } from "@tributary/client/internal/assert";
import type { NodeId } from "./node-id.js";
import type { Progress } from "./progress.js";

/**
 * The four roles of a voter, as explicit states with their own data (thesis §3.3 and §9.6; etcd's
 * StateType; KRaft's EpochState). Transitions and their triggers:
 *
 * ```
 *   follower      -> follower       higher term seen, or a leader appeared in the current term
 *   follower      -> pre-candidate  election timeout (or campaign())
 *   follower      -> candidate      TimeoutNow from the leader (leadership transfer skips pre-vote)
 *   pre-candidate -> candidate      a majority granted the pre-vote
 *   pre-candidate -> pre-candidate  election timeout: pre-vote again
 *   pre-candidate -> follower       higher term, a leader's message, or a majority refused
 *   candidate     -> leader         a majority granted the vote (its own vote persisted)
 *   candidate     -> pre-candidate  election timeout (split vote): pre-vote again
 *   candidate     -> follower       higher term, a leader's message, or a majority refused
 *   leader        -> follower       higher term, or check-quorum found no active majority
 * ```
 *
 * Anything else is a bug and fails an assertion (etcd: "invalid transition [follower -> leader]").
 */
export type RoleKind = "follower" | "pre-candidate" | "candidate" | "leader";

/** FollowerRole follows the leader of its term, if it knows one. */
export interface FollowerRole {
  readonly kind: "follower";
}

/** PreCandidateRole collects pre-votes for `term + 1` without having changed its term. */
export interface PreCandidateRole {
  readonly kind: "pre-candidate";
  /** First answer per voter; its own pre-vote is counted at once. */
  readonly votes: Map<NodeId, boolean>;
}

/**
 * CandidateRole collects votes for its term. Its own vote counts only once the driver persisted it,
 * so a crash cannot make it win with a vote it forgot.
 */
export interface CandidateRole {
  readonly kind: "candidate";
  readonly votes: Map<NodeId, boolean>;
  /** True when campaigning on the leader's TimeoutNow (voters skip the lease check). */
  readonly transfer: boolean;
}

/** LeaderRole replicates to every voter and tracks its progress. */
export interface LeaderRole {
  readonly kind: "leader";
  /** One entry per voter, this node included (its `match` is its persisted last index). */
  readonly progress: ReadonlyMap<NodeId, Progress>;
  /** The voter leadership is being handed to, if any; proposals are refused meanwhile. */
  transferee: NodeId | undefined;
  /** Bytes of entries proposed in this term and not yet applied (bounded by maxUncommittedBytes). */
  uncommittedBytes: number;
}

/** Role is a node's current role with its role-specific state. */
export type Role = FollowerRole | PreCandidateRole | CandidateRole | LeaderRole;

const ALLOWED_TRANSITIONS: Readonly<Record<RoleKind, readonly RoleKind[]>> = {
  follower: ["follower", "pre-candidate", "candidate"],
  "pre-candidate": ["follower", "pre-candidate", "candidate"],
  candidate: ["follower", "pre-candidate", "leader"],
  leader: ["follower"],
};

/** isTransitionAllowed is true for the transitions listed on {@link RoleKind}. */
export function isTransitionAllowed(from: RoleKind, to: RoleKind): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** assertTransition fails with a readable message on a transition not listed on {@link RoleKind}. */
export function assertTransition(from: RoleKind, to: RoleKind, nodeId: NodeId, term: number): void {
  assert(isTransitionAllowed(from, to), `node ${nodeId}: invalid transition [${from} -> ${to}] in term ${term}`);
}
