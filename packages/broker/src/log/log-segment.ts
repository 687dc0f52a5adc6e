import { posix } from "node:path";
import {
  BATCH_HEADER_BYTES,
  BATCH_LOG_OVERHEAD_BYTES,
  BatchField,
  RECORD_BATCH_MAGIC,
  assert,
  batchSizeBytes,
  lastOffsetOf,
  readBatchHeader,
} from "@tributary/client/internal/record";
import type { RecordBatchHeader } from "@tributary/client/internal/record";
import { batchInfoOf } from "./batch-info.js";
import type { BatchInfo } from "./batch-info.js";
import { scanBatches } from "./batch-scan.js";
import type { ScanMode } from "./batch-scan.js";
import type { FileHandle, FileSystem } from "./file-system.js";
import { invariant } from "./invariant.js";
import type { LogConfig } from "./log-config.js";
import { OffsetIndex } from "./offset-index.js";
import { INDEX_SUFFIX, LOG_SUFFIX, TIME_INDEX_SUFFIX, segmentFileName } from "./segment-files.js";
import { TimeIndex } from "./time-index.js";

/** RELATIVE_OFFSET_MAX is the largest offset distance from a segment's base that its 4-byte indexes hold. */
export const RELATIVE_OFFSET_MAX = 0x7fff_ffffn;

/** SegmentRead is the result of reading one segment: whole stored batches, never decoded. */
export interface SegmentRead {
  /** bytes holds whole batches, sliced from one file read; empty when none qualified. */
  readonly bytes: Buffer;
  /** nextOffset is the offset after the last batch returned (the start offset when none were). */
  readonly nextOffset: bigint;
}

/** SegmentRecovery reports what {@link LogSegment.recover} kept and cut. */
export interface SegmentRecovery {
  /** truncatedBytes is how many bytes at the end of the file were cut. */
  readonly truncatedBytes: number;
  /** problem says why the cut happened, when it did. */
  readonly problem: string | undefined;
}

/**
 * LogSegment is one `.log` file of a partition log plus its sparse `.index` and `.timeindex`,
 * named by its base offset (habit 8; Kafka's LogSegment). Verbs: {@link append},
 * {@link read}, {@link truncateTo}, {@link shouldRoll}, {@link recover}, {@link findOffsetByTimestamp}.
 *
 * The file handle stays open for the segment's life. Indexes live in memory and are written to
 * their files only at a clean close, because they are derived data: after a crash they are
 * rebuilt from batch headers, and after a clean shutdown they are loaded and checked.
 *
 * Not async-safe for mutations: the owning log serialises appends, truncations and deletion.
 * Reads may run concurrently with an append, because the size readers see ({@link sizeBytes})
 * moves only after the bytes are written. A reader pins the file handle with {@link acquire} /
 * {@link release}, so deleting a segment never closes a handle under a read.
 *
 * Invariant: baseOffset <= nextOffset, and nextOffset - baseOffset - 1 <= RELATIVE_OFFSET_MAX.
 * Invariant: the file's first `sizeBytes` bytes are whole, valid batches with contiguous offsets
 * from baseOffset to nextOffset - 1.
 */
export class LogSegment {
  /** baseOffset is the first offset this segment can hold and the number in its file names. */
  readonly baseOffset: bigint;
  /** logPath, indexPath and timeIndexPath are the segment's three files. */
  readonly logPath: string;
  /** See {@link logPath}. */
  readonly indexPath: string;
  /** See {@link logPath}. */
  readonly timeIndexPath: string;

  private readonly fs: FileSystem;
  private readonly file: FileHandle;
  private readonly indexIntervalBytes: number;
  private offsetIndex = new OffsetIndex();
  private timeIndex = new TimeIndex();
  private size = 0;
  private next: bigint;
  private maxTimestamp = -1;
  private maxTimestampOffset: bigint;
  private firstBatchTimestamp: number | undefined;
  private bytesSinceLastIndexEntry = 0;
  /** Counts writes and truncations; sync records how many it covered. Invariant: synced <= modifications. */
  private modifications = 0;
  private syncedModifications = 0;
  /** Whether the index files on disk match memory and were synced (true only after a clean load). */
  private indexFilesCurrent = false;
  private readers = 0;
  private retired = false;
  private handleClosed: Promise<void> | undefined;
  private closeWaiters: (() => void)[] = [];

  private constructor(fs: FileSystem, directory: string, baseOffset: bigint, file: FileHandle, indexIntervalBytes: number) {
    this.fs = fs;
    this.baseOffset = baseOffset;
    this.logPath = posix.join(directory, segmentFileName(baseOffset, LOG_SUFFIX));
    this.indexPath = posix.join(directory, segmentFileName(baseOffset, INDEX_SUFFIX));
    this.timeIndexPath = posix.join(directory, segmentFileName(baseOffset, TIME_INDEX_SUFFIX));
    this.file = file;
    this.indexIntervalBytes = indexIntervalBytes;
    this.next = baseOffset;
    this.maxTimestampOffset = baseOffset;
  }

  /**
   * create makes a new empty segment at `baseOffset`. A leftover file of that name is emptied.
   * The new name is durable only after the caller syncs the directory.
   */
  static async create(fs: FileSystem, directory: string, baseOffset: bigint, config: Pick<LogConfig, "indexIntervalBytes">): Promise<LogSegment> {
    const path = posix.join(directory, segmentFileName(baseOffset, LOG_SUFFIX));
    const file = await fs.open(path, { create: true });
    const segment = new LogSegment(fs, directory, baseOffset, file, config.indexIntervalBytes);
    if ((await file.size()) > 0) {
      await file.truncate(0);
      segment.modifications += 1;
    }
    // A new file's data is empty, but its directory entry still needs the caller's directory sync.
    return segment;
  }

  /**
   * open opens an existing segment file. It is not usable until {@link recover} or
   * {@link loadIndexes} has established its size, end offset and indexes.
   */
  static async open(fs: FileSystem, directory: string, baseOffset: bigint, config: Pick<LogConfig, "indexIntervalBytes">): Promise<LogSegment> {
    const file = await fs.open(posix.join(directory, segmentFileName(baseOffset, LOG_SUFFIX)), { create: false });
    return new LogSegment(fs, directory, baseOffset, file, config.indexIntervalBytes);
  }

  /** sizeBytes is the length of the whole batches readers may see. */
  get sizeBytes(): number {
    return this.size;
  }

  /** nextOffset is the offset after this segment's last batch (baseOffset when empty). */
  get nextOffset(): bigint {
    return this.next;
  }

  /** maxTimestampMs is the largest batch timestamp in the segment, or -1 when it has none (retention by time). */
  get maxTimestampMs(): number {
    return this.maxTimestamp;
  }

  /** hasUnsyncedChanges tells whether a write or truncation happened since the last fsync began. */
  get hasUnsyncedChanges(): boolean {
    return this.modifications !== this.syncedModifications;
  }

  /**
   * shouldRoll tells whether `batch` must go to a new segment when this one would hold
   * `projectedSizeBytes` before it: the segment would outgrow `segmentBytesMax`, has aged past
   * `segmentMsMax`, or the batch's offsets would overflow the 4-byte relative offsets.
   *
   * Age is min(now, the batch's max timestamp) minus the first batch's max timestamp. Using the
   * incoming timestamp as Kafka does (KIP-33) keeps a follower that replicates week-old data
   * from rolling on every append; the clock bounds producers' future-dated timestamps.
   */
  shouldRoll(projectedSizeBytes: number, batch: BatchInfo, nowMs: number, config: Pick<LogConfig, "segmentBytesMax" | "segmentMsMax">): boolean {
    if (batch.lastOffset - this.baseOffset > RELATIVE_OFFSET_MAX) return true;
    if (projectedSizeBytes === 0) return false;
    if (projectedSizeBytes + batch.sizeBytes > config.segmentBytesMax) return true;
    const first = this.firstBatchTimestamp;
    return first !== undefined && first >= 0 && Math.min(nowMs, batch.maxTimestampMs) - first > config.segmentMsMax;
  }

  /**
   * append writes batches that continue this segment with one write call, then indexes them and
   * publishes the new size, so concurrent readers never see unwritten bytes. `bytes` must be
   * exactly the batches described by `batches`, in order.
   *
   * `verify` (the CRC check) runs on this thread while the write runs on libuv's pool, so its
   * cost hides behind the I/O. If it throws, the unpublished bytes are cut off again and its
   * error is rethrown; readers never saw them. A crash inside that window may leave the batches
   * before the bad one on disk, where recovery keeps them: an append whose outcome the client
   * never learned, as with any append in flight at a crash.
   */
  async append(bytes: Uint8Array, batches: readonly BatchInfo[], verify: () => void = () => undefined): Promise<void> {
    invariant(!this.retired, () => `append to retired segment ${this.logPath}`);
    const first = batches[0];
    invariant(first !== undefined && first.baseOffset === this.next, () => `append must start at ${this.next}`);
    const position = this.size;
    this.indexFilesCurrent = false;
    const writing = this.file.write(bytes, position);
    let rejected: { error: unknown } | undefined;
    try {
      verify();
    } catch (error) {
      rejected = { error };
    }
    await writing;
    // Counted only once written: a sync that began before the write finished must not claim it.
    this.modifications += 1;
    if (rejected !== undefined) {
      await this.file.truncate(position);
      throw rejected.error;
    }
    let at = position;
    for (const batch of batches) {
      this.indexBatch(batch, at);
      at += batch.sizeBytes;
    }
    invariant(at === position + bytes.length, () => `batch sizes (${at - position}) must add up to the ${bytes.length} bytes appended`);
    this.size = at;
    this.next = batches[batches.length - 1]!.lastOffset + 1n;
    invariant(this.next - this.baseOffset - 1n <= RELATIVE_OFFSET_MAX, () => `segment ${this.baseOffset} overflows relative offsets`);
  }

  /**
   * read returns whole batches starting with the one that holds `startOffset`: as many as fit
   * `maxBytes`, but always the first one even if larger (KIP-74, so consumers progress), and only
   * batches that end before `maxOffset`. Returns undefined when `startOffset` is at or past the
   * segment's end. Typically one file read of about `maxBytes`; the result is a slice of it.
   */
  async read(startOffset: bigint, maxBytes: number, maxOffset: bigint): Promise<SegmentRead | undefined> {
    const limit = this.size;
    if (startOffset >= this.next || limit === 0) return undefined;
    const target = this.relative(startOffset < this.baseOffset ? this.baseOffset : startOffset);
    const floor = this.offsetIndex.floorEntry(target);
    // The batch holding startOffset starts at most one index interval (plus a header) after the floor entry.
    const slackBytes = floor.relativeOffset === target ? 0 : this.indexIntervalBytes + BATCH_HEADER_BYTES;
    let chunkStart = floor.position;
    let chunk = await this.file.read(chunkStart, Math.min(limit - chunkStart, Math.max(maxBytes, BATCH_HEADER_BYTES) + slackBytes));

    // Find the batch holding startOffset.
    let position = floor.position;
    let header: RecordBatchHeader;
    for (;;) {
      if (position - chunkStart + BATCH_HEADER_BYTES > chunk.length) {
        chunkStart = position;
        chunk = await this.file.read(position, Math.min(limit - position, Math.max(maxBytes, BATCH_HEADER_BYTES) + slackBytes));
      }
      header = readBatchHeader(chunk, position - chunkStart);
      if (lastOffsetOf(header) >= startOffset) break;
      position += batchSizeBytes(header);
      invariant(position < limit, () => `offset ${startOffset} below segment end ${this.next} but past its last batch`);
    }
    if (lastOffsetOf(header) >= maxOffset) return { bytes: chunk.subarray(0, 0), nextOffset: startOffset };

    // Make sure the chunk covers [position, position + maxBytes), then take whole batches.
    const wanted = Math.min(limit - position, Math.max(maxBytes, BATCH_HEADER_BYTES));
    if (position + wanted > chunkStart + chunk.length) {
      chunkStart = position;
      chunk = await this.file.read(position, wanted);
    }
    // Per batch only its length is read; offsets matter only when maxOffset cuts into this segment.
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const checkOffsets = maxOffset < this.next;
    let end = position;
    let lastBatchAt = position;
    while (end < limit && end - chunkStart + BATCH_HEADER_BYTES <= chunk.length) {
      const at = end - chunkStart;
      const size = BATCH_LOG_OVERHEAD_BYTES + view.getInt32(at + BatchField.batchLength);
      invariant(view.getInt8(at + BatchField.magic) === RECORD_BATCH_MAGIC && size >= BATCH_HEADER_BYTES, () => `no batch at byte ${end} of ${this.logPath}`);
      if (checkOffsets && view.getBigInt64(at + BatchField.baseOffset) + BigInt(view.getInt32(at + BatchField.lastOffsetDelta)) >= maxOffset) break;
      if (end > position && end + size - position > maxBytes) break;
      lastBatchAt = end;
      end += size;
      if (at + size > chunk.length) {
        // KIP-74: a first batch larger than maxBytes is returned whole, from a read of just it.
        assert(lastBatchAt === position, "only the first batch may exceed the bytes read");
        chunkStart = position;
        chunk = await this.file.read(position, size);
        break;
      }
      if (end - position >= maxBytes) break;
    }
    invariant(chunk.length >= end - chunkStart, () => `read ${chunk.length} bytes, need ${end - chunkStart}`);
    const nextOffset = lastOffsetOf(readBatchHeader(chunk, lastBatchAt - chunkStart)) + 1n;
    return { bytes: chunk.subarray(position - chunkStart, end - chunkStart), nextOffset };
  }

  /**
   * findOffsetByTimestamp returns the base offset and max timestamp of the first batch at or
   * after `fromOffset` whose max timestamp is >= `timestampMs`, or undefined if none is. The
   * batch's records are not decoded, so the offset is of the batch, not of the exact record.
   */
  async findOffsetByTimestamp(timestampMs: number, fromOffset: bigint): Promise<{ offset: bigint; timestampMs: number } | undefined> {
    if (this.maxTimestamp < timestampMs || fromOffset >= this.next) return undefined;
    const limit = this.size;
    let from = this.baseOffset + BigInt(this.timeIndex.relativeOffsetBefore(timestampMs));
    if (from < fromOffset) from = fromOffset;
    const start = this.offsetIndex.floorEntry(this.relative(from)).position;
    let found: { offset: bigint; timestampMs: number } | undefined;
    await scanBatches(this.file, start, limit, "headers", (header) => {
      if (lastOffsetOf(header) < from || Number(header.maxTimestamp) < timestampMs) return true;
      found = { offset: header.baseOffset > fromOffset ? header.baseOffset : fromOffset, timestampMs: Number(header.maxTimestamp) };
      return false;
    });
    return found;
  }

  /**
   * truncateTo removes every batch that holds an offset >= `offset`. A batch that straddles
   * `offset` goes whole, so the new end offset may be below `offset` (as in Kafka).
   *
   * @returns the number of bytes removed.
   */
  async truncateTo(offset: bigint): Promise<number> {
    invariant(!this.retired, () => `truncate of retired segment ${this.logPath}`);
    if (offset >= this.next) return 0;
    const cut = offset <= this.baseOffset ? { position: 0, baseOffset: this.baseOffset } : await this.batchHolding(offset);
    const removed = this.size - cut.position;
    // Shrink what readers see before the file shrinks.
    this.size = cut.position;
    this.next = cut.baseOffset;
    this.offsetIndex.truncateToPosition(cut.position);
    this.timeIndex.truncateToOffset(this.relative(cut.baseOffset));
    this.indexFilesCurrent = false;
    await this.file.truncate(cut.position);
    this.modifications += 1;
    await this.rebuildTail();
    return removed;
  }

  /**
   * recover rebuilds the indexes and end offset by scanning the whole file: in `validate` mode
   * checking every batch's CRC (the part of the log that may hold torn writes), in `headers` mode
   * reading only headers (fsynced data). Offsets must continue from baseOffset, and `accept` may
   * refuse a batch (e.g. a leader epoch going backwards). The file is cut at the first batch that
   * fails, and everything after it is dropped.
   */
  async recover(mode: ScanMode, accept: (header: RecordBatchHeader) => boolean = () => true): Promise<SegmentRecovery> {
    this.resetIndexes();
    const fileBytes = await this.file.size();
    let problem: string | undefined;
    const result = await scanBatches(this.file, 0, fileBytes, mode, (header, position) => {
      if (header.baseOffset !== this.next) {
        problem = `batch at byte ${position} starts at offset ${header.baseOffset}, expected ${this.next}`;
        return false;
      }
      if (lastOffsetOf(header) - this.baseOffset > RELATIVE_OFFSET_MAX || !accept(header)) {
        problem = `batch at byte ${position} (offset ${header.baseOffset}, epoch ${header.partitionLeaderEpoch}) does not belong here`;
        return false;
      }
      const batch = batchInfoOf(header);
      this.indexBatch(batch, position);
      this.next = batch.lastOffset + 1n;
      this.size = position + batch.sizeBytes;
      return true;
    });
    if (result.kind === "corrupt") problem = result.error.message;
    invariant(result.endPosition === this.size, () => `recovered size ${this.size} must match the scan's end ${result.endPosition}`);
    if (this.size < fileBytes) {
      await this.file.truncate(this.size);
      this.modifications += 1;
    }
    return { truncatedBytes: fileBytes - this.size, problem };
  }

  /**
   * loadIndexes trusts the index files written at the last clean close: it checks their shape
   * against the file, then walks only the headers after the last index entry to find the end.
   *
   * @returns false when the files are missing or inconsistent; recover instead.
   */
  async loadIndexes(): Promise<boolean> {
    const fileBytes = await this.file.size();
    const [indexBytes, timeBytes] = await Promise.all([this.fs.readFile(this.indexPath), this.fs.readFile(this.timeIndexPath)]);
    if (indexBytes === undefined || timeBytes === undefined) return false;
    const offsetIndex = OffsetIndex.fromBytes(indexBytes, Math.max(fileBytes, 1));
    const timeIndex = TimeIndex.fromBytes(timeBytes, Number(RELATIVE_OFFSET_MAX));
    if (offsetIndex === undefined || timeIndex === undefined) return false;
    this.offsetIndex = offsetIndex;
    this.timeIndex = timeIndex;
    this.size = fileBytes;
    const healthy = await this.rebuildTail();
    const timeIndexBeyondEnd = this.timeIndex.entryCount > 0 && this.timeIndex.lastRelativeOffset >= this.relative(this.next);
    if (!healthy || timeIndexBeyondEnd) {
      this.resetIndexes();
      return false;
    }
    if (fileBytes > 0) {
      const first = readBatchHeader(await this.file.read(0, BATCH_HEADER_BYTES));
      this.firstBatchTimestamp = Number(first.maxTimestamp);
    }
    this.indexFilesCurrent = offsetIndex.entryCount === this.offsetIndex.entryCount && timeIndex.entryCount === this.timeIndex.entryCount;
    return true;
  }

  /** seal adds a last time-index entry for the newest max timestamp; called when the segment stops being active. */
  seal(): void {
    if (this.timeIndex.maybeAppend(this.maxTimestamp, this.relative(this.maxTimestampOffset))) this.indexFilesCurrent = false;
  }

  /**
   * sync fsyncs the log file, covering every write and truncation that finished before the call.
   * It skips the fsync when nothing changed since the last one, unless `force` is set (after a
   * crash, bytes that survived may still sit only in the page cache).
   */
  async sync(force = false): Promise<void> {
    const covered = this.modifications;
    if (covered === this.syncedModifications && !force) return;
    await this.file.sync();
    if (covered > this.syncedModifications) this.syncedModifications = covered;
  }

  /**
   * writeIndexFiles seals the indexes and writes and fsyncs both index files, unless they are
   * already current. Part of a clean close; the caller syncs the directory.
   */
  async writeIndexFiles(): Promise<void> {
    this.seal();
    if (this.indexFilesCurrent) return;
    for (const [path, bytes] of [
      [this.indexPath, this.offsetIndex.toBytes()],
      [this.timeIndexPath, this.timeIndex.toBytes()],
    ] as const) {
      const handle = await this.fs.open(path, { create: true });
      try {
        await handle.truncate(0);
        await handle.write(bytes, 0);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    this.indexFilesCurrent = true;
  }

  /** acquire pins the file handle for a read or sync; pair it with {@link release}. */
  acquire(): void {
    this.readers += 1;
  }

  /** release unpins the handle, closing it if the segment was retired meanwhile. */
  release(): void {
    assert(this.readers > 0, "release without acquire");
    this.readers -= 1;
    if (this.retired && this.readers === 0) this.closeHandle();
  }

  /**
   * delete unlinks the segment's files and retires it: the handle closes once the last reader
   * releases it (an unlinked file stays readable through open handles). The caller has already
   * removed the segment from the list readers start from, and syncs the directory.
   */
  async delete(): Promise<void> {
    this.retire();
    // The .log goes last, so a crash in between leaves a loadable segment, never a headless index.
    await this.fs.unlink(this.timeIndexPath);
    await this.fs.unlink(this.indexPath);
    await this.fs.unlink(this.logPath);
  }

  /** close retires the segment and resolves once its handle is closed (after in-flight reads). */
  async close(): Promise<void> {
    this.retire();
    if (this.handleClosed !== undefined) return this.handleClosed;
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  private retire(): void {
    if (this.retired) return;
    this.retired = true;
    if (this.readers === 0) this.closeHandle();
  }

  private closeHandle(): void {
    if (this.handleClosed !== undefined) return;
    // A failed close of a retired handle cannot lose data: everything needed was synced or is unwanted.
    this.handleClosed = this.file.close().catch(() => undefined);
    for (const waiter of this.closeWaiters.splice(0)) void this.handleClosed.then(waiter);
  }

  /**
   * indexBatch updates the indexes for a batch written at `position` (Kafka's rule: an offset
   * entry once more than indexIntervalBytes were written since the last one, and a time entry
   * beside it when the max timestamp grew).
   */
  private indexBatch(batch: BatchInfo, position: number): void {
    if (batch.maxTimestampMs > this.maxTimestamp) {
      this.maxTimestamp = batch.maxTimestampMs;
      this.maxTimestampOffset = batch.baseOffset;
    }
    if (this.bytesSinceLastIndexEntry > this.indexIntervalBytes) {
      this.offsetIndex.append(this.relative(batch.baseOffset), position);
      this.timeIndex.maybeAppend(this.maxTimestamp, this.relative(this.maxTimestampOffset));
      this.bytesSinceLastIndexEntry = 0;
    }
    this.bytesSinceLastIndexEntry += batch.sizeBytes;
    this.firstBatchTimestamp ??= batch.maxTimestampMs;
  }

  /**
   * rebuildTail recomputes the end offset, max timestamp and index cursor from the last offset
   * index entry to `size` by walking headers (at most about one index interval plus one batch).
   *
   * @returns false when the tail does not parse as contiguous batches.
   */
  private async rebuildTail(): Promise<boolean> {
    const lastPosition = this.offsetIndex.lastPosition;
    this.maxTimestamp = this.timeIndex.lastTimestampMs;
    this.maxTimestampOffset = this.baseOffset + BigInt(this.timeIndex.lastRelativeOffset);
    this.bytesSinceLastIndexEntry = 0;
    this.next = this.baseOffset + BigInt(this.offsetIndex.lastRelativeOffset);
    const result = await scanBatches(this.file, lastPosition, this.size, "headers", (header, position) => {
      if (header.baseOffset !== this.next) return false;
      const batch = batchInfoOf(header);
      this.indexBatch(batch, position);
      this.next = batch.lastOffset + 1n;
      return true;
    });
    if (this.size === 0) this.firstBatchTimestamp = undefined;
    return result.kind === "end" && result.endPosition === this.size;
  }

  /**
   * batchStart returns the base offset of the batch holding `offset`: where a truncation to
   * `offset` really cuts, found before anything is cut.
   */
  async batchStart(offset: bigint): Promise<bigint> {
    if (offset <= this.baseOffset || offset >= this.next) return offset;
    return (await this.batchHolding(offset)).baseOffset;
  }

  /** batchHolding finds the position and base offset of the batch that holds `offset`. */
  private async batchHolding(offset: bigint): Promise<{ position: number; baseOffset: bigint }> {
    const start = this.offsetIndex.floorEntry(this.relative(offset)).position;
    let found: { position: number; baseOffset: bigint } | undefined;
    await scanBatches(this.file, start, this.size, "headers", (header, position) => {
      if (lastOffsetOf(header) < offset) return true;
      found = { position, baseOffset: header.baseOffset };
      return false;
    });
    invariant(found !== undefined, () => `offset ${offset} is below segment end ${this.next} but no batch holds it`);
    return found;
  }

  private resetIndexes(): void {
    this.offsetIndex = new OffsetIndex();
    this.timeIndex = new TimeIndex();
    this.size = 0;
    this.next = this.baseOffset;
    this.maxTimestamp = -1;
    this.maxTimestampOffset = this.baseOffset;
    this.firstBatchTimestamp = undefined;
    this.bytesSinceLastIndexEntry = 0;
    this.indexFilesCurrent = false;
  }

  private relative(offset: bigint): number {
    return Number(offset - this.baseOffset);
  }
}
