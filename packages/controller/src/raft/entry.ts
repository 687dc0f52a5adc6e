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
 * appendWithinBytes copies `source[start..end)` onto `into` while the running total `usedBytes` stays
 * within `maxBytes` (the first entry of `into` is always taken). Returns the new total, or -1 when
 * it stopped early because of the limit. Callers use it to avoid copying a long log tail only to
 * cut it down afterwards.
 */
export function appendWithinBytes(into: Entry[], source: readonly Entry[], start: number, end: number, maxBytes: number, usedBytes: number): number {
  let total = usedBytes;
  for (let i = start; i < end; i++) {
    const entry = source[i]!;
    const size = entrySizeBytes(entry);
    if (into.length > 0 && total + size > maxBytes) return -1;
    into.push(entry);
    total += size;
  }
  return total;
}
