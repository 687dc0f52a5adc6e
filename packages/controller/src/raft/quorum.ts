import { assert } from "@tributary/client/internal/assert";
import type { NodeId } from "./node-id.js";

/**
 * Majority arithmetic for a fixed voter set (etcd `quorum/majority.go`). Any two majorities of the
 * same set intersect, which is what both election safety and commitment rest on (thesis §3.6).
 */

/** majoritySize is the number of voters that forms a majority of `voterCount`. */
export function majoritySize(voterCount: number): number {
  assert(voterCount >= 1, `voter count must be >= 1, got ${voterCount}`);
  return Math.floor(voterCount / 2) + 1;
}

/**
 * committedIndex is the largest index that a majority of voters have matched: sort the match
 * indexes descending and take the one at position `majority - 1` (KRaft LeaderState
 * maybeUpdateHighWatermark).
 */
export function committedIndex(matches: readonly number[]): number {
  const sorted = [...matches].sort((a, b) => b - a);
  const index = sorted[majoritySize(matches.length) - 1];
  assert(index !== undefined, "committedIndex over an empty voter set");
  return index;
}

/** VoteResult is the outcome of an election so far. */
export type VoteResult = "won" | "lost" | "pending";

/**
 * tallyVotes decides an election from the answers received: won once a majority granted, lost once
 * a majority can no longer be reached.
 */
export function tallyVotes(voters: readonly NodeId[], votes: ReadonlyMap<NodeId, boolean>): VoteResult {
  let granted = 0;
  let rejected = 0;
  for (const voter of voters) {
    const vote = votes.get(voter);
    if (vote === true) granted++;
    else if (vote === false) rejected++;
  }
  const needed = majoritySize(voters.length);
  if (granted >= needed) return "won";
  if (voters.length - rejected < needed) return "lost";
  return "pending";
}
