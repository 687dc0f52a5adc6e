import { assert } from "@tributary/client/internal/assert";
import type { Entry } from "./entry.js";
import type { Snapshot } from "./snapshot.js";

/**
 * Unstable is the tail of a node's log that the driver has not persisted yet: new entries and, on
 * a follower, a snapshot received from the leader (etcd's `unstable`). It plays two roles: it is
 * part of the log the protocol reads, and it is the queue of writes handed out through Ready.
 *
 * Index mapping: `entries[k]` has index `offset + k`. When `snapshot` is set it precedes the entries
 * and `offset === snapshot.metadata.index + 1`.
 *
 * Invariant: `offset <= offsetInProgress <= offset + entries.length`. Entries below
 * `offsetInProgress` were handed to the driver and are being written; they stay here (readable)
 * until `stableTo` confirms the write.
 */
export class Unstable {
  /** A snapshot to persist, or undefined. */
  snapshot: Snapshot | undefined = undefined;
  /** True once `snapshot` was handed to the driver. */
  snapshotInProgress = false;
  /** Entries not yet persisted. */
  entries: Entry[] = [];
  /** Index of `entries[0]`; everything below it is in storage (or the snapshot). */
  offset: number;
  /** First index not yet handed to the driver. */
  offsetInProgress: number;

  /** Creates an empty unstable tail that continues a stored log ending at `offset - 1`. */
  constructor(offset: number) {
    this.offset = offset;
    this.offsetInProgress = offset;
  }

  /** maybeFirstIndex is the log's first index if the pending snapshot decides it. */
  maybeFirstIndex(): number | undefined {
    return this.snapshot === undefined ? undefined : this.snapshot.metadata.index + 1;
  }

  /** maybeLastIndex is the log's last index if this tail decides it. */
  maybeLastIndex(): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    return this.snapshot?.metadata.index;
  }

  /** maybeTerm is the term at `index` if this tail knows it. */
  maybeTerm(index: number): number | undefined {
    if (index < this.offset) {
      const meta = this.snapshot?.metadata;
      return meta !== undefined && meta.index === index ? meta.term : undefined;
    }
    return this.entries[index - this.offset]?.term;
  }

  /** nextEntries are the entries not yet handed to the driver. */
  nextEntries(): readonly Entry[] {
    const start = this.offsetInProgress - this.offset;
    return start >= this.entries.length ? [] : this.entries.slice(start);
  }

  /** hasNextEntries is true when some entries were not yet handed to the driver. */
  hasNextEntries(): boolean {
    return this.offsetInProgress < this.offset + this.entries.length;
  }

  /** nextSnapshot is the snapshot if it was not yet handed to the driver. */
  nextSnapshot(): Snapshot | undefined {
    return this.snapshotInProgress ? undefined : this.snapshot;
  }

  /** acceptInProgress marks everything currently here as handed to the driver. */
  acceptInProgress(): void {
    this.offsetInProgress = this.offset + this.entries.length;
    if (this.snapshot !== undefined) this.snapshotInProgress = true;
  }

  /**
   * stableTo records that entries up to (index, term) are persisted and drops them from the tail.
   * A mismatching term means the entry was overwritten after it was handed out; the newer entry is
   * still pending, so nothing is dropped.
   */
  stableTo(index: number, term: number): void {
    if (index < this.offset) return;
    if (this.maybeTerm(index) !== term) return;
    this.entries = this.entries.slice(index + 1 - this.offset);
    this.offset = index + 1;
    this.offsetInProgress = Math.max(this.offsetInProgress, this.offset);
  }

  /** stableSnapTo records that the snapshot at `index` is persisted. */
  stableSnapTo(index: number): void {
    if (this.snapshot !== undefined && this.snapshot.metadata.index === index) {
      this.snapshot = undefined;
      this.snapshotInProgress = false;
    }
  }

  /** restore replaces the tail with a snapshot from the leader (the log restarts after it). */
  restore(snapshot: Snapshot): void {
    this.offset = snapshot.metadata.index + 1;
    this.offsetInProgress = this.offset;
    this.entries = [];
    this.snapshot = snapshot;
    this.snapshotInProgress = false;
  }

  /**
   * truncateAndAppend appends `entries`, first discarding every entry at or after `entries[0].index`
   * (the caller has checked that none of them is committed).
   */
  truncateAndAppend(entries: readonly Entry[]): void {
    const first = entries[0];
    if (first === undefined) return;
    const from = first.index;
    if (from === this.offset + this.entries.length) {
      this.entries = this.entries.concat(entries);
    } else if (from <= this.offset) {
      // The new entries replace everything here and some stored entries; the driver overwrites them.
      assert(this.snapshot === undefined || from > this.snapshot.metadata.index, `append at ${from} would overwrite the pending snapshot`);
      this.offset = from;
      this.entries = [...entries];
    } else {
      this.entries = this.entries.slice(0, from - this.offset).concat(entries);
    }
    this.offsetInProgress = Math.min(this.offsetInProgress, from);
  }

  /** slice returns entries `[lo, hi)`, which must lie within this tail. */
  slice(lo: number, hi: number): readonly Entry[] {
    assert(this.offset <= lo && lo <= hi && hi <= this.offset + this.entries.length, `unstable slice [${lo}, ${hi}) out of bounds [${this.offset}, ${this.offset + this.entries.length})`);
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }
}
