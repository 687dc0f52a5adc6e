import type { Entry } from "./entry.js";
import type { HardState } from "./hard-state.js";
import type { Snapshot, SnapshotMetadata } from "./snapshot.js";

/**
 * RaftStorage is the read side of a node's stable storage: what the driver has persisted by following
 * the {@link Ready} contract. The core only reads it; every write happens in the driver, driven by
 * `Ready` (etcd's `Storage`). Reads are synchronous, so a disk-backed implementation keeps what the
 * core reads (the log tail, index -> term) in memory or answers from a cache.
 *
 * Index ranges are half-open, `[lo, hi)`. Returned arrays and entries are treated as immutable by
 * both sides.
 *
 * Invariants of any implementation:
 * - `firstIndex() === snapshotMetadata().index + 1` (the log starts right after its snapshot);
 * - `firstIndex() <= lastIndex() + 1` (the log may be empty);
 * - `term(firstIndex() - 1) === snapshotMetadata().term`.
 */
export interface RaftStorage {
  /** initialHardState is the hard state last persisted, or the empty state for a new node. */
  initialHardState(): HardState;
  /** snapshotMetadata names the most recent snapshot (index 0 when there is none). */
  snapshotMetadata(): SnapshotMetadata;
  /**
   * snapshot returns the most recent snapshot with its data. It may throw {@link UnavailableError}
   * when the snapshot is being produced; the leader then retries later.
   */
  snapshot(): Snapshot;
  /** firstIndex is the index of the first entry still in the log. */
  firstIndex(): number;
  /** lastIndex is the index of the last entry in the log (`firstIndex() - 1` when empty). */
  lastIndex(): number;
  /**
   * term returns the term of the entry at `index`, for `index` in `[firstIndex() - 1, lastIndex()]`.
   * Throws {@link CompactedError} below that range and {@link UnavailableError} above it.
   */
  term(index: number): number;
  /**
   * entries returns entries `[lo, hi)`, stopping once their total {@link entrySizeBytes} would
   * exceed `maxBytes` but always returning at least one entry when `lo < hi`. Throws
   * {@link CompactedError} when `lo < firstIndex()` and {@link UnavailableError} when
   * `hi > lastIndex() + 1`.
   */
  entries(lo: number, hi: number, maxBytes: number): readonly Entry[];
}

/**
 * CompactedError says the requested index was compacted into a snapshot. It is an operating
 * condition: the leader answers by sending the snapshot instead of entries.
 */
export class CompactedError extends Error {
  override readonly name = "CompactedError";
  /** The requested index. */
  readonly index: number;
  /** The storage's first index at the time of the request. */
  readonly firstIndex: number;

  constructor(index: number, firstIndex: number) {
    super(`log index ${index} is compacted (first index is ${firstIndex})`);
    this.index = index;
    this.firstIndex = firstIndex;
  }
}

/**
 * UnavailableError says the requested index (or snapshot) is not there yet: past the last index, or
 * a snapshot still being produced.
 */
export class UnavailableError extends Error {
  override readonly name = "UnavailableError";
  /** The requested index, or -1 for a snapshot. */
  readonly index: number;

  constructor(index: number, detail: string) {
    super(`log index ${index} is unavailable: ${detail}`);
    this.index = index;
  }
}

/** isOutOfRange is true for the two typed errors a log read may throw as an operating condition. */
export function isOutOfRange(error: unknown): error is CompactedError | UnavailableError {
  return error instanceof CompactedError || error instanceof UnavailableError;
}
