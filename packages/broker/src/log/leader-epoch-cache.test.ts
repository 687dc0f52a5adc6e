/**
 * Goal: the epoch cache answers OffsetForLeaderEpoch and truncates exactly as Kafka's
 * LeaderEpochFileCache does. Method: small hand-built caches, one behaviour per test.
 */
import { describe, expect, it } from "vitest";
import { LeaderEpochCache, UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET } from "./leader-epoch-cache.js";

const cache = (...entries: [number, bigint][]) => new LeaderEpochCache(entries.map(([epoch, startOffset]) => ({ epoch, startOffset })));

describe("LeaderEpochCache.assign", () => {
  it("appends a newer epoch and ignores the current one at a later offset", () => {
    const c = cache();
    expect(c.assign(1, 0n)).toBe(true);
    expect(c.assign(1, 5n)).toBe(false);
    expect(c.assign(3, 10n)).toBe(true);
    expect(c.entries).toEqual([
      { epoch: 1, startOffset: 0n },
      { epoch: 3, startOffset: 10n },
    ]);
    expect(c.latestEpoch).toBe(3);
  });

  it("replaces entries that start at or after the new one (an epoch that never wrote)", () => {
    const c = cache([1, 0n], [2, 10n]);
    expect(c.assign(3, 10n)).toBe(true);
    expect(c.entries).toEqual([
      { epoch: 1, startOffset: 0n },
      { epoch: 3, startOffset: 10n },
    ]);
  });
});

describe("LeaderEpochCache.endOffsetFor", () => {
  const c = cache([2, 0n], [4, 10n], [7, 25n]);

  it("answers the log end offset for the latest epoch", () => {
    expect(c.endOffsetFor(7, 40n)).toEqual({ epoch: 7, endOffset: 40n });
  });

  it("answers the start of the next epoch for a known older epoch", () => {
    expect(c.endOffsetFor(4, 40n)).toEqual({ epoch: 4, endOffset: 25n });
  });

  it("answers the largest epoch below an unknown one, ending where the next known one starts (KIP-279)", () => {
    expect(c.endOffsetFor(5, 40n)).toEqual({ epoch: 4, endOffset: 25n });
  });

  it("answers the first entry's start for an epoch older than all", () => {
    expect(c.endOffsetFor(1, 40n)).toEqual({ epoch: 1, endOffset: 0n });
  });

  it("answers undefined for an epoch newer than all, or the undefined epoch", () => {
    const undefinedAnswer = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    expect(c.endOffsetFor(9, 40n)).toEqual(undefinedAnswer);
    expect(c.endOffsetFor(UNDEFINED_EPOCH, 40n)).toEqual(undefinedAnswer);
  });
});

describe("LeaderEpochCache truncation", () => {
  it("truncateFromEnd removes entries starting at or after the end offset", () => {
    const c = cache([2, 0n], [4, 10n], [7, 25n]);
    expect(c.truncateFromEnd(25n)).toBe(true);
    expect(c.latestEpoch).toBe(4);
    expect(c.truncateFromEnd(30n)).toBe(false);
  });

  it("truncateFromStart keeps the epoch that still covers the new start, moved up to it", () => {
    const c = cache([2, 0n], [4, 10n], [7, 25n]);
    expect(c.truncateFromStart(12n)).toBe(true);
    expect(c.entries).toEqual([
      { epoch: 4, startOffset: 12n },
      { epoch: 7, startOffset: 25n },
    ]);
    expect(c.truncateFromStart(12n)).toBe(false);
    expect(c.truncateFromStart(5n)).toBe(false);
  });

  it("epochForOffset finds the epoch that wrote an offset", () => {
    const c = cache([2, 0n], [4, 10n]);
    expect(c.epochForOffset(9n)).toBe(2);
    expect(c.epochForOffset(10n)).toBe(4);
    expect(cache([2, 5n]).epochForOffset(4n)).toBeUndefined();
  });
});

describe("LeaderEpochCache checkpoint text", () => {
  it("round-trips Kafka's leader-epoch-checkpoint format", () => {
    const c = cache([0, 0n], [3, 1000n]);
    expect(c.toCheckpointText()).toBe("0\n2\n0 0\n3 1000\n");
    expect(LeaderEpochCache.parseCheckpoint(c.toCheckpointText())?.entries).toEqual(c.entries);
  });

  it("rejects malformed or non-monotonic text", () => {
    expect(LeaderEpochCache.parseCheckpoint("1\n0\n")).toBeUndefined();
    expect(LeaderEpochCache.parseCheckpoint("0\n2\n0 0\n")).toBeUndefined();
    expect(LeaderEpochCache.parseCheckpoint("0\n2\n3 10\n2 20\n")).toBeUndefined();
    expect(LeaderEpochCache.parseCheckpoint("0\n1\nx y\n")).toBeUndefined();
  });
});
