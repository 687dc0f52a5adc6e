/**
 * The log layers in isolation: MemoryStorage (typed errors, truncating appends, compaction), the
 * Unstable tail (truncation in each position, stableTo after an overwrite), RaftLog (conflict
 * search, the current-term commit rule, byte limits). Method: table-driven unit tests.
 */
import { describe, expect, it } from "vitest";
import type { Entry } from "./entry.js";
import { MemoryStorage } from "./memory-storage.js";
import { RaftLog } from "./raft-log.js";
import { CompactedError, UnavailableError } from "./storage.js";
import { Unstable } from "./unstable.js";

/** entries(first, terms) builds entries at first, first+1, ... with the given terms. */
function entries(first: number, terms: readonly number[]): Entry[] {
  return terms.map((term, i) => ({ index: first + i, term, type: "normal", data: new Uint8Array(4) }));
}

function storageWith(terms: readonly number[], commit = 0): MemoryStorage {
  const storage = new MemoryStorage();
  storage.append(entries(1, terms));
  storage.setHardState({ term: Math.max(0, ...terms), vote: undefined, commit });
  return storage;
}

describe("MemoryStorage", () => {
  it("reads a compacted log with typed errors at both ends", () => {
    const storage = storageWith([1, 1, 2, 2, 3], 4);
    storage.compact(2, new Uint8Array([7]));
    expect([storage.firstIndex(), storage.lastIndex(), storage.term(2), storage.term(5)]).toEqual([3, 5, 1, 3]);
    expect(() => storage.term(1)).toThrow(CompactedError);
    expect(() => storage.term(6)).toThrow(UnavailableError);
    expect(() => storage.entries(2, 4, Infinity)).toThrow(CompactedError);
    expect(() => storage.entries(3, 7, Infinity)).toThrow(UnavailableError);
    expect(storage.entries(3, 6, Infinity).map((e) => e.index)).toEqual([3, 4, 5]);
  });

  it("limits entries by bytes but returns at least one", () => {
    const storage = storageWith([1, 1, 1, 1]);
    expect(storage.entries(1, 5, 0)).toHaveLength(1);
    expect(storage.entries(1, 5, 40)).toHaveLength(2); // 16 + 4 bytes each
    expect(storage.entries(1, 5, Infinity)).toHaveLength(4);
  });

  it("append overwrites the suffix from the first new index and rejects gaps", () => {
    const storage = storageWith([1, 1, 1]);
    storage.append(entries(2, [2]));
    expect([storage.lastIndex(), storage.term(2)]).toEqual([2, 2]);
    expect(() => storage.append(entries(4, [2]))).toThrow(/gap/);
  });

  it("refuses to rewrite committed entries or go back in term", () => {
    const storage = storageWith([1, 1, 1], 2);
    expect(() => storage.append(entries(2, [2]))).toThrow(/committed/);
    expect(() => storage.setHardState({ term: 0, vote: undefined, commit: 2 })).toThrow(/term would go back/);
  });

  it("applySnapshot replaces the log; an older snapshot is refused", () => {
    const storage = storageWith([1, 1, 1]);
    storage.applySnapshot({ metadata: { index: 10, term: 4 }, data: new Uint8Array() });
    expect([storage.firstIndex(), storage.lastIndex(), storage.term(10)]).toEqual([11, 10, 4]);
    expect(() => storage.applySnapshot({ metadata: { index: 9, term: 4 }, data: new Uint8Array() })).toThrow(/older/);
  });
});

describe("Unstable.truncateAndAppend", () => {
  const cases: { name: string; append: Entry[]; offset: number; terms: number[]; inProgress: number }[] = [
    { name: "continues the tail", append: entries(8, [2]), offset: 5, terms: [1, 1, 1, 2], inProgress: 7 },
    { name: "truncates inside the tail", append: entries(6, [2, 2]), offset: 5, terms: [1, 2, 2], inProgress: 6 },
    { name: "replaces the tail and stored entries", append: entries(4, [3]), offset: 4, terms: [3], inProgress: 4 },
  ];
  it.each(cases)("$name", ({ append, offset, terms, inProgress }) => {
    const unstable = new Unstable(5);
    unstable.truncateAndAppend(entries(5, [1, 1, 1]));
    unstable.offsetInProgress = 7; // entries 5 and 6 were handed to the driver
    unstable.truncateAndAppend(append);
    expect(unstable.offset).toBe(offset);
    expect(unstable.entries.map((e) => e.term)).toEqual(terms);
    expect(unstable.offsetInProgress).toBe(inProgress);
  });

  it("stableTo ignores a position whose entry was overwritten meanwhile", () => {
    const unstable = new Unstable(1);
    unstable.truncateAndAppend(entries(1, [1, 1]));
    unstable.acceptInProgress();
    unstable.truncateAndAppend(entries(2, [2]));
    unstable.stableTo(2, 1);
    expect(unstable.entries.map((e) => e.term)).toEqual([1, 2]);
    unstable.stableTo(2, 2);
    expect(unstable.entries).toEqual([]);
    expect(unstable.offset).toBe(3);
  });
});

describe("RaftLog", () => {
  it("commits by counting only entries of the given term (Raft §5.4.2)", () => {
    const log = new RaftLog(storageWith([1, 1, 2]), Infinity);
    expect(log.maybeCommit(2, 2)).toBe(false);
    expect(log.committed).toBe(0);
    expect(log.maybeCommit(3, 2)).toBe(true);
    expect(log.committed).toBe(3);
  });

  it("maybeAppend skips entries it already has, so a stale append cannot truncate newer ones", () => {
    const log = new RaftLog(storageWith([1, 1, 1, 1]), Infinity);
    expect(log.maybeAppend(1, 1, 0, entries(2, [1]))).toBe(2);
    expect(log.lastIndex()).toBe(4);
    expect(log.maybeAppend(1, 2, 0, entries(2, [2]))).toBeUndefined();
  });

  it("never lets a conflict reach the commit index", () => {
    const log = new RaftLog(storageWith([1, 1, 1], 3), Infinity);
    log.commitTo(3);
    expect(() => log.maybeAppend(1, 1, 3, entries(2, [2]))).toThrow(/committed prefix/);
  });

  const conflictCases: { index: number; term: number; want: [number, number] }[] = [
    { index: 6, term: 3, want: [6, 3] },
    { index: 6, term: 2, want: [3, 2] },
    { index: 10, term: 9, want: [6, 3] },
    { index: 6, term: 0, want: [0, 0] },
  ];
  it.each(conflictCases)("findConflictByTerm($index, $term) = $want", ({ index, term, want }) => {
    const log = new RaftLog(storageWith([1, 2, 2, 3, 3, 3]), Infinity);
    const found = log.findConflictByTerm(index, term);
    expect([found.index, found.term]).toEqual(want);
  });

  it("is up to date by last term first, then last index (Raft §5.4.1)", () => {
    const log = new RaftLog(storageWith([1, 2, 2]), Infinity);
    expect(log.isUpToDate(1, 3)).toBe(true);
    expect(log.isUpToDate(3, 2)).toBe(true);
    expect(log.isUpToDate(2, 2)).toBe(false);
    expect(log.isUpToDate(9, 1)).toBe(false);
  });
});
