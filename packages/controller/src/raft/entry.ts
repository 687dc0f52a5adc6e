/**
 * Log entries and positions. An entry is identified by (index, term): Raft's Log Matching Property
 * (thesis §3.5) says two logs that hold an entry with the same index and term are identical up to it.
 */

/**
 * EntryType says what an entry carries. `noop` is the empty entry a new leader appends at the start
 * of its term so that earlier entries can commit (thesis §3.6.2, §6.4); the state machine skips it.
 */
export type EntryType = "normal" | "noop";

/** Entry is one record of the replicated log. Entries are immutable once created. */
export interface Entry {
  /** Position in the log, starting at 1. */
  readonly index: number;
  /** Term of the leader that created the entry. */
  readonly term: number;
  readonly type: EntryType;
  /** Opaque application payload; empty for `noop`. */
  readonly data: Uint8Array;
}

/** LogPosition names a point in a log by (index, term), like KRaft's (offset, epoch). */
export interface LogPosition {
  readonly index: number;
  readonly term: number;
}

/**
 * ENTRY_OVERHEAD_BYTES is what an entry is charged beyond its payload when byte limits are applied
 * (index, term and type on the wire), so a run of no-op entries still counts against the limit.
 */
export const ENTRY_OVERHEAD_BYTES = 16;

/** entrySizeBytes is the size an entry counts for against `maxAppendBytes` and similar limits. */
export function entrySizeBytes(entry: Entry): number {
  return ENTRY_OVERHEAD_BYTES + entry.data.byteLength;
}

/**
 * limitEntriesBytes returns the longest prefix of `entries` whose total size is at most `maxBytes`,
 * but never fewer than one entry: a single entry larger than the limit must still travel, or
 * replication would stall on it forever (etcd's `limitSize`).
 */
export function limitEntriesBytes<E extends Entry>(entries: readonly E[], maxBytes: number): readonly E[] {
  if (entries.length === 0) return entries;
  let total = 0;
  for (let i = 0; i < entries.length; i++) {
    total += entrySizeBytes(entries[i]!);
    if (total > maxBytes && i > 0) return entries.slice(0, i);
  }
  return entries;
}
