import { assert } from "@tributary/client/internal/record";
import type { BatchInfo } from "./batch-info.js";
import type { FileSystem } from "./file-system.js";
import { invariant } from "./invariant.js";
import type { LogConfig } from "./log-config.js";
import { LogSegment } from "./log-segment.js";
import type { SegmentRead } from "./log-segment.js";

/**
 * LocalLog is a partition's ordered list of segments on local disk (Kafka's LocalLog): it appends
 * with rolls, reads, truncates and deletes segments. It knows nothing of log start offsets, high
 * watermarks, epochs or durability; {@link PartitionLog} layers those on top.
 *
 * Async safety: mutations (append, roll, truncate, delete, close) must be serialised by the
 * caller. Reads may run at any time: the segment list is copy-on-write, so a reader keeps the
 * list it started with, and pins its segment's file handle while reading.
 *
 * Invariant: the list is non-empty, sorted, and contiguous: list[i + 1].baseOffset === list[i].nextOffset.
 * Only the last segment (the active one) is appended to.
 */
export class LocalLog {
  /** directory is the partition directory holding the segment files. */
  readonly directory: string;
  private readonly fs: FileSystem;
  private readonly config: LogConfig;
  private list: readonly LogSegment[];
  private directoryDirty = false;
  /** onRoll is called after each roll, so the owner can sync the finished segment in the background. */
  onRoll: () => void = () => undefined;

  constructor(fs: FileSystem, directory: string, config: LogConfig, segments: readonly LogSegment[]) {
    this.fs = fs;
    this.directory = directory;
    this.config = config;
    this.list = segments;
    this.checkInvariant();
  }

  /** segments is the current list, oldest first. Callers must not hold it across a mutation they make. */
  get segments(): readonly LogSegment[] {
    return this.list;
  }

  /** activeSegment is the segment appends go to. */
  get activeSegment(): LogSegment {
    return this.list[this.list.length - 1]!;
  }

  /** logEndOffset is the offset the next appended batch will start at. */
  get logEndOffset(): bigint {
    return this.activeSegment.nextOffset;
  }

  /** sizeBytes is the total size of all segments. */
  get sizeBytes(): number {
    let total = 0;
    for (const segment of this.list) total += segment.sizeBytes;
    return total;
  }

  /**
   * append writes batches that continue the log, running `verify` (the CRC check) before any of
   * them is published. In the common case all of them fit the active segment (after at most one
   * roll before the first): one write call, with `verify` overlapping it (see
   * {@link LogSegment.append}). When a roll falls inside the append, `verify` runs first and each
   * segment's share is written with one call.
   */
  async append(bytes: Uint8Array, batches: readonly BatchInfo[], nowMs: number, verify: () => void): Promise<void> {
    let segment = this.activeSegment;
    if (segment.shouldRoll(segment.sizeBytes, batches[0]!, nowMs, this.config)) segment = await this.roll();
    const runEnd = this.runEnd(segment, batches, 0, nowMs);
    if (runEnd === batches.length) return segment.append(bytes, batches, verify);
    verify();
    let first = 0;
    let byteStart = 0;
    while (first < batches.length) {
      segment = this.activeSegment;
      if (segment.shouldRoll(segment.sizeBytes, batches[first]!, nowMs, this.config)) segment = await this.roll();
      const end = this.runEnd(segment, batches, first, nowMs);
      let byteEnd = byteStart;
      for (let i = first; i < end; i++) byteEnd += batches[i]!.sizeBytes;
      await segment.append(bytes.subarray(byteStart, byteEnd), batches.slice(first, end));
      first = end;
      byteStart = byteEnd;
    }
    invariant(byteStart === bytes.length, () => `appended ${byteStart} of ${bytes.length} bytes`);
  }

  /** runEnd returns the end of the run of batches from `first` that `segment` takes without a roll. */
  private runEnd(segment: LogSegment, batches: readonly BatchInfo[], first: number, nowMs: number): number {
    let end = first;
    let projected = segment.sizeBytes;
    while (end < batches.length && (end === first || !segment.shouldRoll(projected, batches[end]!, nowMs, this.config))) {
      projected += batches[end]!.sizeBytes;
      end += 1;
    }
    return end;
  }

  /**
   * roll seals the active segment and starts a new one at the log end offset. An empty active
   * segment is kept instead, since a new one would have the same name.
   */
  async roll(): Promise<LogSegment> {
    const active = this.activeSegment;
    if (active.sizeBytes === 0) return active;
    active.seal();
    const segment = await LogSegment.create(this.fs, this.directory, active.nextOffset, this.config);
    this.list = [...this.list, segment];
    this.directoryDirty = true;
    this.checkInvariant();
    this.onRoll();
    return segment;
  }

  /**
   * read reads from the segment holding `startOffset` (one segment per read, as in Kafka); see
   * {@link LogSegment.read}. The caller has checked that startOffset is within the log.
   */
  async read(startOffset: bigint, maxBytes: number, maxOffset: bigint): Promise<SegmentRead> {
    const segments = this.list;
    const segment = segments[floorIndex(segments, startOffset)] ?? segments[0]!;
    segment.acquire(); // Synchronously with taking the list: a deletion cannot close it under us.
    try {
      return (await segment.read(startOffset, maxBytes, maxOffset)) ?? { bytes: Buffer.alloc(0), nextOffset: startOffset };
    } finally {
      segment.release();
    }
  }

  /**
   * truncationPoint returns where truncateTo(`offset`) will cut: `offset` itself, or the base of
   * a batch that straddles it.
   */
  async truncationPoint(offset: bigint): Promise<bigint> {
    const segments = this.list;
    const segment = segments[floorIndex(segments, offset)];
    return segment === undefined ? offset : segment.batchStart(offset);
  }

  /**
   * truncateTo removes every batch holding an offset >= `offset` (a straddling batch goes whole),
   * deleting later segments newest first, so that a crash midway leaves a prefix of the log, and
   * makes the cut durable before returning. The caller handles offsets below the first segment.
   *
   * @returns the number of bytes removed.
   */
  async truncateTo(offset: bigint): Promise<number> {
    const segments = this.list;
    invariant(offset >= segments[0]!.baseOffset, () => `truncate to ${offset} is below the first segment`);
    const keep = floorIndex(segments, offset) + 1;
    const doomed = segments.slice(keep).reverse();
    this.list = segments.slice(0, keep);
    let removed = 0;
    for (const segment of doomed) {
      removed += segment.sizeBytes;
      await segment.delete();
    }
    const last = this.activeSegment;
    removed += await last.truncateTo(offset);
    if (doomed.length > 0) await this.fs.syncDirectory(this.directory);
    await last.sync();
    this.checkInvariant();
    return removed;
  }

  /**
   * truncateFullyAndStartAt deletes every segment (newest first) and starts an empty log at
   * `offset`, durably.
   */
  async truncateFullyAndStartAt(offset: bigint): Promise<void> {
    const doomed = [...this.list].reverse();
    const fresh = await LogSegment.create(this.fs, this.directory, offset, this.config);
    this.list = [fresh];
    for (const segment of doomed) {
      if (segment.baseOffset !== offset) await segment.delete();
      else await segment.close(); // Same file name as the fresh segment, already emptied by create.
    }
    await fresh.sync();
    await this.fs.syncDirectory(this.directory);
    this.checkInvariant();
  }

  /**
   * deleteOldestSegments removes the `count` oldest segments, never the active one. Readers that
   * already hold one keep reading it; its handle closes when they finish.
   */
  async deleteOldestSegments(count: number): Promise<void> {
    invariant(count < this.list.length, () => `cannot delete ${count} of ${this.list.length} segments: the active one stays`);
    const doomed = this.list.slice(0, count);
    this.list = this.list.slice(count);
    for (const segment of doomed) await segment.delete();
    if (doomed.length > 0) this.directoryDirty = true;
    this.checkInvariant();
  }

  /** takeDirectoryDirty returns whether files were created or removed since the last call. */
  takeDirectoryDirty(): boolean {
    const dirty = this.directoryDirty;
    this.directoryDirty = false;
    return dirty;
  }

  /** markDirectoryDirty records that the directory needs a sync (e.g. after a failed one). */
  markDirectoryDirty(): void {
    this.directoryDirty = true;
  }

  /** close closes every segment's handle once in-flight reads finish. */
  async close(): Promise<void> {
    await Promise.all(this.list.map((segment) => segment.close()));
  }

  private checkInvariant(): void {
    assert(this.list.length > 0, "a log always has an active segment");
    for (let i = 1; i < this.list.length; i++) {
      const previous = this.list[i - 1]!;
      const segment = this.list[i]!;
      invariant(segment.baseOffset === previous.nextOffset, () => `segment ${segment.baseOffset} must start where ${previous.baseOffset} ends (${previous.nextOffset})`);
    }
  }
}

/** floorIndex returns the index of the last segment whose base offset is <= `offset`, or -1. */
export function floorIndex(segments: readonly LogSegment[], offset: bigint): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (segments[middle]!.baseOffset <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
