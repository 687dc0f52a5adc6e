/**
 * Snapshots (thesis §5.1; KIP-630). Each node snapshots its own state machine at an applied index and
 * compacts the log prefix up to it; a follower that has fallen behind the leader's log start receives
 * the leader's snapshot instead of entries.
 */

/**
 * SnapshotMetadata names the last entry a snapshot covers, like KRaft's SnapshotId (endOffset, epoch).
 * Invariant: a log's first index is always `snapshot.index + 1`.
 */
export interface SnapshotMetadata {
  readonly index: number;
  readonly term: number;
}

/** Snapshot is a state machine image as of `metadata.index`, in the application's own encoding. */
export interface Snapshot {
  readonly metadata: SnapshotMetadata;
  readonly data: Uint8Array;
}

/** EMPTY_SNAPSHOT_METADATA stands for "no snapshot": the log starts at index 1. */
export const EMPTY_SNAPSHOT_METADATA: SnapshotMetadata = { index: 0, term: 0 };

/** EMPTY_SNAPSHOT is the snapshot of a log that was never compacted. */
export const EMPTY_SNAPSHOT: Snapshot = { metadata: EMPTY_SNAPSHOT_METADATA, data: new Uint8Array(0) };
