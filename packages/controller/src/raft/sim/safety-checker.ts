import type { Entry } from "../entry.js";
import type { HardState } from "../hard-state.js";
import type { NodeId } from "../node-id.js";
import type { RaftNode } from "../raft-node.js";
import { majoritySize } from "../quorum.js";
import type { RaftStorage } from "../storage.js";
import { isOutOfRange } from "../storage.js";

/**
 * InvariantName names what the simulator checks (Raft Figure 3 and KRaft's simulation invariants):
 * - `election-safety`: at most one leader per term;
 * - `term-monotonic`: a node's term never decreases, in memory within one life and on disk ever;
 * - `commit-monotonic`: a node's commit index never decreases within one life;
 * - `commit-durability`: when a leader commits an index, a majority of voters hold that entry on
 *   disk (KRaft's MajorityReachedHighWatermark; what makes a commit survive any minority crash);
 * - `log-matching`: an (index, term) pair always names the same entry after the same predecessor;
 * - `leader-completeness`: a leader holds every entry committed before it;
 * - `committed-unchanged`: an index, once committed anywhere, never holds a different entry;
 * - `state-machine-safety`: every node applies the same entry at each index, without gaps;
 * - `liveness`: after faults stop and the network heals, a leader commits a proposal in time;
 * - `assertion`: an assertion inside the core or storage failed;
 * - `exception`: any other error escaped the core or the simulated driver.
 */
export type InvariantName =
  | "election-safety"
  | "term-monotonic"
  | "commit-monotonic"
  | "commit-durability"
  | "log-matching"
  | "leader-completeness"
  | "committed-unchanged"
  | "state-machine-safety"
  | "liveness"
  | "assertion"
  | "exception";

/** Violation is a broken invariant found by the simulator; it ends the run. */
export class Violation extends Error {
  override readonly name = "Violation";
  readonly invariant: InvariantName;

  constructor(invariant: InvariantName, detail: string) {
    super(`${invariant}: ${detail}`);
    this.invariant = invariant;
  }
}

/** entryKey identifies an entry's content for comparisons: its term, type and payload. */
export function entryKey(entry: Entry): string {
  return `${entry.term}:${entry.type === "noop" ? "-" : new TextDecoder().decode(entry.data)}`;
}

/** termOfKey recovers the term from an {@link entryKey}. */
export function termOfKey(key: string): number {
  return Number(key.slice(0, key.indexOf(":")));
}

/**
 * SafetyChecker holds the simulator's global view (which no real node has) and checks every
 * observation against it. It throws {@link Violation} at the first broken invariant.
 */
export class SafetyChecker {
  /** Leader of each term seen so far. */
  readonly #leaders = new Map<number, NodeId>();
  /**
   * Committed entries by index - 1 (sparse until some node reports an index). `committedBy` bounds
   * the term in which the entry was committed from above: the lowest term of any node seen holding
   * it as committed. Leader completeness speaks of leaders of later terms than that (Raft §5.4): a
   * stale leader of an older term may still be elected late and lack it.
   */
  readonly #committed: ({ key: string; term: number; committedBy: number } | undefined)[] = [];
  /** Log matching: `${index}:${term}` -> entry key and the term of its predecessor. */
  readonly #positions = new Map<string, { key: string; prevTerm: number | undefined }>();
  /** Per node, per life: last term and commit index observed. */
  readonly #observed = new Map<NodeId, { term: number; commit: number }>();
  /** Per node, ever: last persisted term. */
  readonly #durableTerms = new Map<NodeId, number>();
  /** Nodes currently observed as leaders (checked against entries committed later). */
  readonly #currentLeaders = new Map<NodeId, RaftNode>();
  /** Every voter's disk, which survives its crashes. */
  readonly #disks: ReadonlyMap<NodeId, RaftStorage>;

  /** Creates a checker that can inspect every voter's disk. */
  constructor(disks: ReadonlyMap<NodeId, RaftStorage>) {
    this.#disks = disks;
  }

  /** committedCount is the highest index known committed. */
  get committedCount(): number {
    return this.#committed.length;
  }

  /** leaderTerms is how many terms had a leader. */
  get leaderTerms(): number {
    return this.#leaders.size;
  }

  /** onStart records a node starting (or restarting) from its disk. */
  onStart(id: NodeId, node: RaftNode): void {
    const status = node.basicStatus();
    // Re-check the restarted log's committed prefix against the global view.
    this.#observed.set(id, { term: status.term, commit: status.firstIndex - 1 });
    this.#currentLeaders.delete(id);
    this.observe(id, node);
  }

  /** onCrash records that a node lost its in-memory state. */
  onCrash(id: NodeId): void {
    this.#currentLeaders.delete(id);
  }

  /** observe checks a node after an event that touched it. */
  observe(id: NodeId, node: RaftNode): void {
    const status = node.basicStatus();
    const observed = this.#observed.get(id);
    if (observed === undefined) throw new Error(`node ${id} observed before it started`);
    if (status.term < observed.term) {
      throw new Violation("term-monotonic", `node ${id} went from term ${observed.term} back to ${status.term}`);
    }
    observed.term = status.term;
    if (status.role === "leader") {
      const leader = this.#leaders.get(status.term);
      if (leader === undefined) {
        this.#leaders.set(status.term, id);
        this.#checkLeaderHasCommitted(id, node, status.term, 1);
      } else if (leader !== id) {
        throw new Violation("election-safety", `nodes ${leader} and ${id} both lead term ${status.term}`);
      }
      this.#currentLeaders.set(id, node);
    } else {
      this.#currentLeaders.delete(id);
    }
    if (status.commit < observed.commit) {
      throw new Violation("commit-monotonic", `node ${id} went from commit ${observed.commit} back to ${status.commit}`);
    }
    if (status.commit > observed.commit) {
      if (status.role === "leader") this.#checkCommitDurable(id, node, status.commit);
      const from = Math.max(observed.commit + 1, status.firstIndex);
      observed.commit = status.commit;
      if (from <= status.commit) {
        const entries = node.log.slice(from, status.commit + 1, Number.POSITIVE_INFINITY);
        for (const entry of entries) {
          this.#recordCommitted(entry.index, entryKey(entry), status.term, `commit index of node ${id}`, "committed-unchanged");
        }
      }
    }
  }

  /** onReadyEntries checks the entries a node is about to persist for log matching. */
  onReadyEntries(id: NodeId, node: RaftNode, entries: readonly Entry[]): void {
    let prevTerm = entries.length > 0 ? node.log.maybeTerm(entries[0]!.index - 1) : undefined;
    for (const entry of entries) {
      const position = `${entry.index}:${entry.term}`;
      const key = entryKey(entry);
      const known = this.#positions.get(position);
      if (known === undefined) {
        this.#positions.set(position, { key, prevTerm });
      } else if (known.key !== key) {
        throw new Violation("log-matching", `node ${id} has ${key} at (${position}), another log has ${known.key}`);
      } else if (known.prevTerm !== undefined && prevTerm !== undefined && known.prevTerm !== prevTerm) {
        throw new Violation("log-matching", `node ${id} has (${position}) after term ${prevTerm}, another log after term ${known.prevTerm}`);
      }
      prevTerm = entry.term;
    }
  }

  /** onApply checks one entry a node's state machine applies at `index` while at `term`. */
  onApply(id: NodeId, index: number, key: string, term: number): void {
    this.#recordCommitted(index, key, term, `state machine of node ${id}`, "state-machine-safety");
  }

  /** onPersistHardState checks that the persisted term never goes back, across restarts too. */
  onPersistHardState(id: NodeId, hardState: HardState): void {
    const previous = this.#durableTerms.get(id) ?? 0;
    if (hardState.term < previous) {
      throw new Violation("term-monotonic", `node ${id} persisted term ${hardState.term} after term ${previous}`);
    }
    this.#durableTerms.set(id, hardState.term);
  }

  /** checkFinalLeader checks leader completeness once more at the end of a run. */
  checkFinalLeader(id: NodeId, node: RaftNode): void {
    this.#checkLeaderHasCommitted(id, node, node.basicStatus().term, 1);
  }

  #checkCommitDurable(id: NodeId, node: RaftNode, commit: number): void {
    const term = node.log.maybeTerm(commit);
    if (term === undefined) return;
    let holders = 0;
    for (const disk of this.#disks.values()) {
      if (disk.snapshotMetadata().index >= commit) {
        holders++;
        continue;
      }
      try {
        if (disk.term(commit) === term) holders++;
      } catch (error) {
        if (!isOutOfRange(error)) throw error;
      }
    }
    if (holders < majoritySize(this.#disks.size)) {
      throw new Violation("commit-durability", `leader ${id} committed ${commit} (term ${term}) but only ${holders} of ${this.#disks.size} disks hold it`);
    }
  }

  #recordCommitted(index: number, key: string, observerTerm: number, source: string, invariant: InvariantName): void {
    const known = this.#committed[index - 1];
    if (known === undefined) {
      this.#committed[index - 1] = { key, term: termOfKey(key), committedBy: observerTerm };
      // Leader completeness for leaders elected before this entry committed (an old leader's
      // entry can commit after a newer leader was elected; the newer one must hold it too).
      for (const [leaderId, leader] of this.#currentLeaders) {
        const leaderTerm = leader.basicStatus().term;
        if (leaderTerm > observerTerm) this.#checkLeaderHasCommitted(leaderId, leader, leaderTerm, index, index);
      }
    } else if (known.key !== key) {
      throw new Violation(invariant, `index ${index} was committed as ${known.key}, ${source} has ${key}`);
    } else if (observerTerm < known.committedBy) {
      known.committedBy = observerTerm;
    }
  }

  #checkLeaderHasCommitted(id: NodeId, node: RaftNode, term: number, from: number, to = this.#committed.length): void {
    const first = node.log.firstIndex();
    for (let index = Math.max(from, first); index <= to; index++) {
      const committed = this.#committed[index - 1];
      if (committed === undefined || committed.committedBy >= term) continue;
      const held = node.log.maybeTerm(index);
      if (held !== committed.term) {
        throw new Violation(
          "leader-completeness",
          `leader ${id} of term ${term} lacks entry ${index} (${committed.key}), committed by term ${committed.committedBy}; it holds ${held === undefined ? "nothing" : `term ${held}`} there`,
        );
      }
    }
  }
}
