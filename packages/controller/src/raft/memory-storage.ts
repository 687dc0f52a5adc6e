import { assert } from "@tributary/client/internal/assert";
import { appendWithinBytes } from "./entry.js";
import type { Entry } from "./entry.js";
import { EMPTY_HARD_STATE } from "./hard-state.js";
import type { HardState } from "./hard-state.js";
import type { Ready } from "./ready.js";
import { EMPTY_SNAPSHOT } from "./snapshot.js";
import type { Snapshot, SnapshotMetadata } from "./snapshot.js";
import { CompactedError, UnavailableError } from "./storage.js";
import type { RaftStorage } from "./storage.js";

/**
 * MemoryStorage is an in-memory {@link RaftStorage} with the write verbs a driver needs. Tests and
 * the simulator use it as a node's "disk": what was written here survives a simulated crash, what
 * was still in the core does not.
 *
 * Layout: `#snapshot` covers indexes `[1, snapshot.index]`; `#entries[k]` has index
 * `snapshot.index + 1 + k`. Invariant: entries are contiguous and their terms never decrease.
 */
export class MemoryStorage implements RaftStorage {
  #hardState: HardState = EMPTY_HARD_STATE;
  #snapshot: Snapshot = EMPTY_SNAPSHOT;
  #entries: Entry[] = [];

  // ----- RaftStorage (reads) -----

  /** See {@link RaftStorage.initialHardState}. */
  initialHardState(): HardState {
    return this.#hardState;
  }

  /** See {@link RaftStorage.snapshotMetadata}. */
  snapshotMetadata(): SnapshotMetadata {
    return this.#snapshot.metadata;
  }

  /** See {@link RaftStorage.snapshot}. */
  snapshot(): Snapshot {
    return this.#snapshot;
  }

  /** See {@link RaftStorage.firstIndex}. */
  firstIndex(): number {
    return this.#snapshot.metadata.index + 1;
  }

  /** See {@link RaftStorage.lastIndex}. */
  lastIndex(): number {
    return this.#snapshot.metadata.index + this.#entries.length;
  }

  /** See {@link RaftStorage.term}. */
  term(index: number): number {
    const offset = this.#snapshot.metadata.index;
    if (index < offset) throw new CompactedError(index, offset + 1);
    if (index === offset) return this.#snapshot.metadata.term;
    const entry = this.#entries[index - offset - 1];
    if (entry === undefined) throw new UnavailableError(index, `last index is ${this.lastIndex()}`);
    return entry.term;
  }

  /** See {@link RaftStorage.entries}. */
  entries(lo: number, hi: number, maxBytes: number): readonly Entry[] {
    assert(lo <= hi, `invalid entries range [${lo}, ${hi})`);
    const offset = this.#snapshot.metadata.index;
    if (lo <= offset) throw new CompactedError(lo, offset + 1);
    if (hi > this.lastIndex() + 1) throw new UnavailableError(hi - 1, `last index is ${this.lastIndex()}`);
    const result: Entry[] = [];
    appendWithinBytes(result, this.#entries, lo - offset - 1, hi - offset - 1, maxBytes, 0);
    return result;
  }

  // ----- Writes, driven by Ready -----

  /**
   * saveReady persists what a {@link Ready} asks for, in the contract's order: snapshot, entries,
   * hard state. In memory the three writes are trivially atomic, as the contract requires.
   */
  saveReady(ready: Ready): void {
    if (ready.snapshot !== undefined) this.applySnapshot(ready.snapshot);
    this.append(ready.entries);
    if (ready.hardState !== undefined) this.setHardState(ready.hardState);
  }

  /** setHardState records the node's hard state. Invariant: the persisted term never decreases. */
  setHardState(hardState: HardState): void {
    assert(hardState.term >= this.#hardState.term, `persisted term would go back from ${this.#hardState.term} to ${hardState.term}`);
    this.#hardState = hardState;
  }

  /**
   * append writes entries that continue or overwrite the log: every stored entry with an index at or
   * after `entries[0].index` is discarded first (a follower's log may be truncated by a new leader,
   * thesis §3.5).
   */
  append(entries: readonly Entry[]): void {
    const first = entries[0];
    if (first === undefined) return;
    const offset = this.#snapshot.metadata.index;
    assert(first.index > offset, `append at ${first.index} overwrites the snapshot at ${offset}`);
    assert(first.index <= this.lastIndex() + 1, `append at ${first.index} leaves a gap after ${this.lastIndex()}`);
    assert(first.index > this.#hardState.commit || this.#termAt(first.index) === first.term, `append at ${first.index} rewrites committed entries (commit ${this.#hardState.commit})`);
    this.#entries = this.#entries.slice(0, first.index - offset - 1).concat(entries);
  }

  /**
   * applySnapshot replaces the whole log with a snapshot received from the leader. The core only asks
   * for this when the log does not contain the snapshot's last entry (thesis §5.1: discard the log).
   */
  applySnapshot(snapshot: Snapshot): void {
    const current = this.#snapshot.metadata;
    assert(snapshot.metadata.index > current.index, `snapshot at ${snapshot.metadata.index} is older than the stored one at ${current.index}`);
    this.#snapshot = snapshot;
    this.#entries = [];
  }

  /**
   * compact records `data`, the application's state machine image as of `index`, as the new snapshot
   * and drops the log prefix up to `index`. The caller must have applied `index`; only committed
   * state may be snapshotted (KIP-630: snapshot end offset <= high watermark).
   */
  compact(index: number, data: Uint8Array): Snapshot {
    const current = this.#snapshot.metadata;
    assert(index > current.index, `compact at ${index} is not past the snapshot at ${current.index}`);
    assert(index <= this.lastIndex(), `compact at ${index} is past the last index ${this.lastIndex()}`);
    assert(index <= this.#hardState.commit, `compact at ${index} is past the persisted commit ${this.#hardState.commit}`);
    const snapshot: Snapshot = { metadata: { index, term: this.term(index) }, data };
    this.#entries = this.#entries.slice(index - current.index);
    this.#snapshot = snapshot;
    return snapshot;
  }

  #termAt(index: number): number | undefined {
    const offset = this.#snapshot.metadata.index;
    if (index === offset) return this.#snapshot.metadata.term;
    return this.#entries[index - offset - 1]?.term;
  }
}
