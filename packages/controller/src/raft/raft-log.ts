import { assert } from "@tributary/client/internal/assert";
import { appendWithinBytes } from "./entry.js";
import type { Entry, LogPosition } from "./entry.js";
import type { Snapshot } from "./snapshot.js";
import { isOutOfRange, CompactedError, UnavailableError } from "./storage.js";
import type { RaftStorage } from "./storage.js";
import { Unstable } from "./unstable.js";

/**
 * RaftLog is a node's view of its log: the persisted part in {@link RaftStorage} followed by the
 * {@link Unstable} tail, plus the commit and apply cursors (etcd's `raftLog`).
 *
 * Invariant: `applied <= committed <= lastIndex()`.
 * Invariant: `firstIndex() - 1 <= applied` once a restored snapshot is persisted (the state machine
 * never needs an entry that was compacted).
 */
export class RaftLog {
  readonly storage: RaftStorage;
  readonly unstable: Unstable;
  /** Highest index known committed. Never decreases. */
  committed: number;
  /** Highest index the application has applied. Never decreases. */
  applied: number;
  readonly #maxApplyBytes: number;

  /** Opens the log over what `storage` holds; commit and apply start at the snapshot. */
  constructor(storage: RaftStorage, maxApplyBytes: number) {
    this.storage = storage;
    this.unstable = new Unstable(storage.lastIndex() + 1);
    const snapshotIndex = storage.snapshotMetadata().index;
    assert(storage.firstIndex() === snapshotIndex + 1, `storage first index ${storage.firstIndex()} does not follow its snapshot at ${snapshotIndex}`);
    this.committed = snapshotIndex;
    this.applied = snapshotIndex;
    this.#maxApplyBytes = maxApplyBytes;
  }

  // ----- Bounds and terms -----

  /** firstIndex is the first index still in the log. */
  firstIndex(): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex();
  }

  /** lastIndex is the index of the last entry (the snapshot's index when the log is empty). */
  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex();
  }

  /** lastTerm is the term of the last entry. */
  lastTerm(): number {
    return this.termOrThrow(this.lastIndex());
  }

  /** lastPosition is (lastIndex, lastTerm). */
  lastPosition(): LogPosition {
    const index = this.lastIndex();
    return { index, term: this.termOrThrow(index) };
  }

  /**
   * maybeTerm is the term at `index`, or undefined when `index` is compacted or past the end.
   * Readable range: `[firstIndex() - 1, lastIndex()]`.
   */
  maybeTerm(index: number): number | undefined {
    const fromUnstable = this.unstable.maybeTerm(index);
    if (fromUnstable !== undefined) return fromUnstable;
    if (index < this.firstIndex() - 1 || index > this.lastIndex()) return undefined;
    try {
      return this.storage.term(index);
    } catch (error) {
      if (isOutOfRange(error)) return undefined;
      throw error;
    }
  }

  /** termOrThrow is the term at `index`, throwing the storage's typed error when out of range. */
  termOrThrow(index: number): number {
    const term = this.maybeTerm(index);
    if (term !== undefined) return term;
    if (index < this.firstIndex() - 1) throw new CompactedError(index, this.firstIndex());
    throw new UnavailableError(index, `last index is ${this.lastIndex()}`);
  }

  /** matchTerm is true when the log holds an entry at `index` with `term`. */
  matchTerm(index: number, term: number): boolean {
    return this.maybeTerm(index) === term;
  }

  /**
   * isUpToDate is Raft's election restriction (§5.4.1): a candidate whose last entry is (index,
   * term) may get this node's vote only if its log is at least as up to date, comparing the last
   * term first and then the last index.
   */
  isUpToDate(index: number, term: number): boolean {
    const last = this.lastPosition();
    return term > last.term || (term === last.term && index >= last.index);
  }

  /**
   * stableLastIndex is the last index known to be persisted and part of this log, or undefined while
   * a restored snapshot is still being written (the stored entries then belong to an older log).
   */
  stableLastIndex(): number | undefined {
    if (this.unstable.snapshot !== undefined) return undefined;
    if (this.unstable.entries.length > 0) return this.unstable.offset - 1;
    return this.lastIndex();
  }

  // ----- Conflicts -----

  /**
   * findConflict returns the index of the first entry of `entries` whose term differs from this
   * log's (or that this log lacks), or 0 when all of them are already present.
   */
  findConflict(entries: readonly Entry[]): number {
    for (const entry of entries) {
      if (!this.matchTerm(entry.index, entry.term)) return entry.index;
    }
    return 0;
  }

  /**
   * findConflictByTerm returns the largest position (i, t) with `i <= index` and `t <= term` in this
   * log, used for reject hints in both directions (etcd `findConflictByTerm`). Every entry after it
   * either is missing or has a term above `term`, so it cannot match the other log's entry there.
   * Returns term 0 when the search runs into the compacted prefix.
   */
  findConflictByTerm(index: number, term: number): LogPosition {
    let i = Math.min(index, this.lastIndex());
    for (; i >= 0; i--) {
      const t = this.maybeTerm(i);
      if (t === undefined) return { index: i, term: 0 };
      if (t <= term) return { index: i, term: t };
    }
    return { index: 0, term: 0 };
  }

  // ----- Appends -----

  /**
   * maybeAppend is the follower's half of AppendEntries (Raft Figure 2): if the log matches
   * (prevIndex, prevTerm), append `entries` from the first conflict on, advance the commit index to
   * `min(commit, last new index)` and return the last new index. Returns undefined on a mismatch.
   * Entries that already match are never truncated, so a stale, reordered append cannot delete
   * newer entries.
   */
  maybeAppend(prevIndex: number, prevTerm: number, commit: number, entries: readonly Entry[]): number | undefined {
    if (!this.matchTerm(prevIndex, prevTerm)) return undefined;
    const lastNew = prevIndex + entries.length;
    const conflict = this.findConflict(entries);
    if (conflict !== 0) {
      // Invariant: committed entries never change (Raft §5.4 State Machine Safety).
      assert(conflict > this.committed, `entry ${conflict} conflicts with the committed prefix (commit ${this.committed})`);
      this.append(entries.slice(conflict - prevIndex - 1));
    }
    this.commitTo(Math.min(commit, lastNew));
    return lastNew;
  }

  /** append adds entries to the unstable tail, truncating any conflicting suffix. Returns lastIndex. */
  append(entries: readonly Entry[]): number {
    const first = entries[0];
    if (first === undefined) return this.lastIndex();
    assert(first.index - 1 >= this.committed, `append after ${first.index - 1} is below the commit index ${this.committed}`);
    this.unstable.truncateAndAppend(entries);
    return this.lastIndex();
  }

  // ----- Reads -----

  /**
   * slice returns entries `[lo, hi)` up to `maxBytes` (at least one), reading storage then the
   * unstable tail. Throws {@link CompactedError} when `lo` was compacted.
   */
  slice(lo: number, hi: number, maxBytes: number): readonly Entry[] {
    assert(lo <= hi, `invalid slice [${lo}, ${hi})`);
    if (lo === hi) return [];
    const first = this.firstIndex();
    if (lo < first) throw new CompactedError(lo, first);
    assert(hi <= this.lastIndex() + 1, `slice [${lo}, ${hi}) is past the last index ${this.lastIndex()}`);
    const offset = this.unstable.offset;
    const result: Entry[] = [];
    let bytes = 0;
    if (lo < offset) {
      const storedHi = Math.min(hi, offset);
      const stored = this.storage.entries(lo, storedHi, maxBytes);
      bytes = appendWithinBytes(result, stored, 0, stored.length, maxBytes, 0);
      // A short read means the byte limit was reached: stop there.
      if (stored.length < storedHi - lo || bytes < 0) return result;
    }
    if (hi > offset) {
      const tail = this.unstable.entries;
      appendWithinBytes(result, tail, Math.max(lo, offset) - offset, hi - offset, maxBytes, bytes);
    }
    return result;
  }

  /**
   * snapshot is the newest snapshot this log can send: a restored one not yet persisted, or the
   * storage's. May throw the storage's {@link UnavailableError}.
   */
  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }

  /** maybeEntriesFrom returns entries from `lo` (byte-limited), or undefined when `lo` is compacted. */
  maybeEntriesFrom(lo: number, maxBytes: number): readonly Entry[] | undefined {
    if (lo < this.firstIndex()) return undefined;
    try {
      return this.slice(lo, this.lastIndex() + 1, maxBytes);
    } catch (error) {
      if (error instanceof CompactedError) return undefined;
      throw error;
    }
  }

  /**
   * nextCommittedEntries are the committed entries the application has not applied, limited to
   * what is already persisted locally and to `maxApplyBytes`. None while a restored snapshot is
   * pending: the snapshot replaces them.
   */
  nextCommittedEntries(): readonly Entry[] {
    const stable = this.stableLastIndex();
    if (stable === undefined) return [];
    const hi = Math.min(this.committed, stable);
    if (hi <= this.applied) return [];
    return this.slice(this.applied + 1, hi + 1, this.#maxApplyBytes);
  }

  /** hasNextCommittedEntries is true when {@link nextCommittedEntries} would return something. */
  hasNextCommittedEntries(): boolean {
    const stable = this.stableLastIndex();
    return stable !== undefined && Math.min(this.committed, stable) > this.applied;
  }

  // ----- Cursors -----

  /** commitTo advances the commit index. Invariant: committed <= lastIndex. */
  commitTo(commit: number): void {
    if (commit <= this.committed) return;
    assert(commit <= this.lastIndex(), `commit ${commit} is past the last index ${this.lastIndex()}`);
    this.committed = commit;
  }

  /**
   * maybeCommit advances the commit index to `index` if the entry there belongs to `term`: a leader
   * commits by counting replicas only entries of its own term (Raft §5.4.2, Figure 8); earlier ones
   * commit indirectly with them.
   */
  maybeCommit(index: number, term: number): boolean {
    if (index <= this.committed) return false;
    if (this.maybeTerm(index) !== term) return false;
    this.commitTo(index);
    return true;
  }

  /** appliedTo records that the application applied up to `index`. Invariant: applied <= committed. */
  appliedTo(index: number): void {
    if (index <= this.applied) return;
    assert(index <= this.committed, `applied ${index} is past the commit index ${this.committed}`);
    this.applied = index;
  }

  /** stableTo records that entries up to (index, term) were persisted. */
  stableTo(index: number, term: number): void {
    this.unstable.stableTo(index, term);
  }

  /** stableSnapTo records that the restored snapshot at `index` was persisted. */
  stableSnapTo(index: number): void {
    this.unstable.stableSnapTo(index);
  }

  /**
   * restore replaces the log with a snapshot from the leader (thesis §5.1: the snapshot's last entry
   * is not in this log with the same term, so the whole log is discarded). Commits up to it.
   */
  restore(snapshot: Snapshot): void {
    assert(snapshot.metadata.index > this.committed, `restoring snapshot at ${snapshot.metadata.index} below the commit index ${this.committed}`);
    this.unstable.restore(snapshot);
    this.committed = snapshot.metadata.index;
  }
}
