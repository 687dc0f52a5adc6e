import { invariant } from "./invariant.js";

/** EpochEntry says leader epoch `epoch` wrote its first batch at `startOffset`. */
export interface EpochEntry {
  readonly epoch: number;
  readonly startOffset: bigint;
}

/** EpochEndOffset answers OffsetForLeaderEpoch: the largest epoch <= the one asked for, and where it ended. */
export interface EpochEndOffset {
  readonly epoch: number;
  readonly endOffset: bigint;
}

/** UNDEFINED_EPOCH and UNDEFINED_EPOCH_OFFSET are Kafka's "no answer" values for OffsetForLeaderEpoch. */
export const UNDEFINED_EPOCH = -1;
/** See {@link UNDEFINED_EPOCH}. */
export const UNDEFINED_EPOCH_OFFSET = -1n;

/**
 * LeaderEpochCache maps each leader epoch to the first offset written in it (KIP-101), so that a
 * follower can find where its log diverged from the leader's by (epoch, offset) instead of by the
 * high watermark. The semantics follow Kafka's LeaderEpochFileCache; persistence is the caller's.
 * Pure and synchronous.
 *
 * Invariant: along `entries`, epochs strictly increase and start offsets strictly increase.
 */
export class LeaderEpochCache {
  private list: EpochEntry[];

  constructor(entries: readonly EpochEntry[] = []) {
    this.list = [...entries];
    this.checkInvariant();
  }

  /** entries returns the entries, oldest first. */
  get entries(): readonly EpochEntry[] {
    return this.list;
  }

  /** latestEpoch returns the newest epoch, or undefined when the cache is empty. */
  get latestEpoch(): number | undefined {
    return this.list.at(-1)?.epoch;
  }

  /**
   * assign records that `epoch` starts at `startOffset`. Entries this one contradicts (a newer or
   * equal epoch, or a start offset at or after this one) are removed first, as in Kafka: they were
   * written by a leader whose records are gone.
   *
   * @returns whether the cache changed (and so must be persisted).
   */
  assign(epoch: number, startOffset: bigint): boolean {
    invariant(epoch >= 0 && startOffset >= 0n, () => `epoch entry (${epoch}, ${startOffset}) must not be negative`);
    const latest = this.list.at(-1);
    if (latest !== undefined && latest.epoch === epoch && latest.startOffset <= startOffset) return false;
    while (this.list.length > 0) {
      const last = this.list.at(-1)!;
      if (last.epoch < epoch && last.startOffset < startOffset) break;
      this.list.pop();
    }
    this.list.push({ epoch, startOffset });
    this.checkInvariant();
    return true;
  }

  /**
   * endOffsetFor answers OffsetForLeaderEpoch (KIP-101, KIP-279): the largest epoch <= `requestedEpoch`
   * and the start offset of the first epoch after it, or `logEndOffset` when `requestedEpoch` is the
   * latest. Unknown-and-newer or undefined epochs give (UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET); an
   * epoch older than all entries gives (requestedEpoch, start of the first entry).
   */
  endOffsetFor(requestedEpoch: number, logEndOffset: bigint): EpochEndOffset {
    const undefinedAnswer = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    if (requestedEpoch === UNDEFINED_EPOCH) return undefinedAnswer;
    if (this.latestEpoch === requestedEpoch) return { epoch: requestedEpoch, endOffset: logEndOffset };
    const higher = this.list.findIndex((entry) => entry.epoch > requestedEpoch);
    if (higher < 0) return undefinedAnswer;
    const higherEntry = this.list[higher]!;
    const floorEntry = this.list[higher - 1];
    if (floorEntry === undefined) return { epoch: requestedEpoch, endOffset: higherEntry.startOffset };
    return { epoch: floorEntry.epoch, endOffset: higherEntry.startOffset };
  }

  /** epochForOffset returns the epoch that wrote `offset`, or undefined before the first entry. */
  epochForOffset(offset: bigint): number | undefined {
    let epoch: number | undefined;
    for (const entry of this.list) {
      if (entry.startOffset > offset) break;
      epoch = entry.epoch;
    }
    return epoch;
  }

  /**
   * truncateFromEnd removes entries starting at or after `endOffset`, after the log was truncated
   * there (or was found shorter after a crash).
   *
   * @returns whether the cache changed.
   */
  truncateFromEnd(endOffset: bigint): boolean {
    const before = this.list.length;
    while (this.list.length > 0 && this.list.at(-1)!.startOffset >= endOffset) this.list.pop();
    return this.list.length !== before;
  }

  /**
   * truncateFromStart drops entries wholly before `startOffset` once the log no longer holds those
   * offsets; the last dropped entry comes back starting at `startOffset`, since its epoch still
   * wrote the records from there on.
   *
   * @returns whether the cache changed.
   */
  truncateFromStart(startOffset: bigint): boolean {
    let removed: EpochEntry | undefined;
    let removedCount = 0;
    while (this.list.length > 0 && this.list[0]!.startOffset <= startOffset) {
      removed = this.list.shift();
      removedCount += 1;
    }
    if (removed === undefined) return false;
    this.list.unshift({ epoch: removed.epoch, startOffset });
    this.checkInvariant();
    return removedCount > 1 || removed.startOffset !== startOffset;
  }

  /** toCheckpointText renders Kafka's `leader-epoch-checkpoint` format: version, count, "epoch offset" lines. */
  toCheckpointText(): string {
    return `0\n${this.list.length}\n${this.list.map((e) => `${e.epoch} ${e.startOffset}\n`).join("")}`;
  }

  /** parseCheckpoint reads {@link toCheckpointText}'s format, or returns undefined if it is malformed. */
  static parseCheckpoint(text: string): LeaderEpochCache | undefined {
    const lines = text.split("\n");
    const count = Number(lines[1]);
    if (lines[0] !== "0" || !Number.isInteger(count) || count < 0 || lines.length < count + 2) return undefined;
    const entries: EpochEntry[] = [];
    for (let i = 0; i < count; i++) {
      const match = /^(\d+) (\d+)$/.exec(lines[i + 2]!);
      if (match === null) return undefined;
      entries.push({ epoch: Number(match[1]), startOffset: BigInt(match[2]!) });
    }
    for (let i = 1; i < entries.length; i++) {
      if (entries[i]!.epoch <= entries[i - 1]!.epoch || entries[i]!.startOffset <= entries[i - 1]!.startOffset) return undefined;
    }
    return new LeaderEpochCache(entries);
  }

  private checkInvariant(): void {
    for (let i = 1; i < this.list.length; i++) {
      const previous = this.list[i - 1]!;
      const entry = this.list[i]!;
      invariant(entry.epoch > previous.epoch, () => `epoch cache epochs must increase: ${previous.epoch} then ${entry.epoch}`);
      invariant(entry.startOffset > previous.startOffset, () => `epoch cache offsets must increase: ${previous.startOffset} then ${entry.startOffset}`);
    }
  }
}
