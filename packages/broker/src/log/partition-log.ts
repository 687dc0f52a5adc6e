import { AssertionError, CorruptRecordError, assert } from "@tributary/client/internal/record";
import { TributaryError } from "@tributary/client/internal/errors";
import { analyzeBatches, assignOffsets, verifyChecksums } from "./append-validation.js";
import type { BatchInfo } from "./batch-info.js";
import { systemClock } from "./clock.js";
import type { Clock } from "./clock.js";
import { DurableEndOffset } from "./durable-end-offset.js";
import type { DurableEndOffsetListener } from "./durable-end-offset.js";
import type { FileSystem } from "./file-system.js";
import { GroupCommit } from "./group-commit.js";
import { invariant } from "./invariant.js";
import type { EpochEndOffset, EpochEntry, LeaderEpochCache } from "./leader-epoch-cache.js";
import { LocalLog, floorIndex } from "./local-log.js";
import { resolveLogConfig } from "./log-config.js";
import type { LogConfig } from "./log-config.js";
import { LogClosedError, LogFailedError, OffsetOutOfRangeError, StaleLeaderEpochError, UnexpectedAppendOffsetError } from "./log-errors.js";
import { loadLog } from "./log-loader.js";
import type { LoadedLog, LogRecoveryReport } from "./log-loader.js";
import type { LogAppendInfo, LogReadResult, ReadOptions, TimestampOffset } from "./log-results.js";
import { NodeFileSystem } from "./node-file-system.js";
import { PartitionCheckpoints } from "./partition-checkpoints.js";
import { countDeletableSegments } from "./retention.js";
import { PartitionFile } from "./segment-files.js";
import { SerialQueue } from "./serial-queue.js";

/** PartitionLogOptions say where a partition log lives and how it behaves. */
export interface PartitionLogOptions {
  /** directory is the partition's own directory (e.g. `data/orders-3`), created if missing. */
  readonly directory: string;
  /** config overrides {@link DEFAULT_LOG_CONFIG} field by field. */
  readonly config?: Partial<LogConfig>;
  /** fs is the file system; defaults to the real one. Tests pass a {@link MemoryFileSystem}. */
  readonly fs?: FileSystem;
  /** clock drives roll by age and retention by time; defaults to the wall clock. */
  readonly clock?: Clock;
}

type LogState = "open" | "closing" | "closed";

/**
 * PartitionLog is the storage of one partition replica (Kafka's UnifiedLog over {@link LocalLog}):
 * it assigns offsets, keeps the leader epoch cache, the log start offset, the high watermark,
 * the recovery point and the durable end offset, runs retention, and recovers after crashes.
 * Batches are stored exactly as received and returned exactly as stored; the log reads batch
 * headers only (decision 1).
 *
 * Async safety: every mutation (appends, truncation, retention, deletes, epoch assignment) runs
 * through one serial queue, so mutations never interleave at an `await`. Reads and timestamp
 * lookups do not queue: they start from the current copy-on-write segment list and pin the
 * segment they read, and a read that overlapped a truncation is retried, so readers always see
 * whole batches that are in the log. Flushes do not queue either: they run beside appends and
 * are group-committed, so one fsync covers every append that finished before it began.
 *
 * Offsets (bigint), with the invariants asserted after every mutation:
 * - Invariant: logStartOffset <= highWatermark <= logEndOffset.
 * - Invariant: recoveryPoint <= logEndOffset and durableEndOffset <= logEndOffset.
 * - Invariant: every batch below the recovery point is fsynced (it only advances after an fsync).
 *
 * An I/O failure in a write or fsync takes the log offline ({@link LogFailedError}) until it is
 * reopened, because its on-disk state is then unknown.
 */
export class PartitionLog {
  /** directory is the partition directory. */
  readonly directory: string;
  /** config is the resolved configuration. */
  readonly config: LogConfig;
  /** recovery reports how the last open found the log. */
  readonly recovery: LogRecoveryReport;

  private readonly fs: FileSystem;
  private readonly clock: Clock;
  private readonly local: LocalLog;
  private readonly epochCache: LeaderEpochCache;
  private readonly mutations = new SerialQueue();
  private readonly checkpoints: PartitionCheckpoints;
  private readonly groupCommit: GroupCommit<bigint>;
  private readonly durable: DurableEndOffset;
  private logStart: bigint;
  private highWatermarkOffset: bigint;
  private recoveryPointOffset: bigint;
  private persistedRecoveryPoint: bigint;
  /** truncations counts truncation starts and ends (odd while one runs), so overlapping reads and flushes can tell their view went stale. */
  private truncations = 0;
  private state: LogState = "open";
  private closing: Promise<void> | undefined;
  private failure: LogFailedError | undefined;

  private constructor(options: Required<Pick<PartitionLogOptions, "directory" | "fs" | "clock">>, config: LogConfig, loaded: LoadedLog) {
    this.directory = options.directory;
    this.fs = options.fs;
    this.clock = options.clock;
    this.config = config;
    this.recovery = loaded.report;
    this.local = new LocalLog(this.fs, this.directory, config, loaded.segments);
    this.epochCache = loaded.epochCache;
    this.logStart = loaded.logStartOffset;
    this.highWatermarkOffset = loaded.highWatermark;
    this.checkpoints = new PartitionCheckpoints(this.fs, this.directory);
    // Loading left every surviving byte fsynced.
    this.durable = new DurableEndOffset(this.local.logEndOffset);
    this.recoveryPointOffset = this.local.logEndOffset;
    this.persistedRecoveryPoint = -1n;
    this.groupCommit = new GroupCommit(() => this.syncToDisk());
    this.local.onRoll = () => {
      // Sync the finished segment soon, so the recovery point and crash recovery stay within about one segment.
      this.groupCommit.request().catch(() => undefined);
    };
    this.checkInvariants();
  }

  /**
   * open loads (and if needed recovers) the log in `options.directory`, creating an empty log
   * there if there is none.
   */
  static async open(options: PartitionLogOptions): Promise<PartitionLog> {
    const config = resolveLogConfig(options.config);
    const fs = options.fs ?? new NodeFileSystem();
    const clock = options.clock ?? systemClock;
    const loaded = await loadLog(fs, options.directory, config);
    const log = new PartitionLog({ directory: options.directory, fs, clock }, config, loaded);
    if (loaded.recoveryPointCheckpoint === log.logEndOffset) log.persistedRecoveryPoint = log.logEndOffset;
    else await log.persistRecoveryPoint();
    if (loaded.epochCacheChanged) await log.persistEpochCache();
    return log;
  }

  /** logStartOffset is the first offset the log serves. */
  get logStartOffset(): bigint {
    return this.logStart;
  }

  /** logEndOffset is the offset the next appended record gets (Kafka's LEO). */
  get logEndOffset(): bigint {
    return this.local.logEndOffset;
  }

  /** highWatermark is the offset below which records are committed; set by the replication layer. */
  get highWatermark(): bigint {
    return this.highWatermarkOffset;
  }

  /**
   * durableEndOffset is the offset below which every record is fsynced (or, with fsyncPolicy
   * "never", the log end offset). Followers report it; HW = min durable end offset over the ISR.
   */
  get durableEndOffset(): bigint {
    return this.durable.value;
  }

  /** recoveryPoint is the offset below which every batch is fsynced; crash recovery scans from here. */
  get recoveryPoint(): bigint {
    return this.recoveryPointOffset;
  }

  /** latestEpoch is the newest leader epoch in the epoch cache, or undefined for an empty cache. */
  get latestEpoch(): number | undefined {
    return this.epochCache.latestEpoch;
  }

  /** epochEntries lists the epoch cache, oldest first. */
  get epochEntries(): readonly EpochEntry[] {
    return this.epochCache.entries;
  }

  /** sizeBytes is the total size of the log's segments. */
  get sizeBytes(): number {
    return this.local.sizeBytes;
  }

  /** segmentCount is the number of segments, the active one included. */
  get segmentCount(): number {
    return this.local.segments.length;
  }

  /**
   * appendAsLeader validates each batch, assigns consecutive offsets from the log end offset by
   * stamping baseOffset and `leaderEpoch` into `batches` in place (the log takes ownership of the
   * buffer), and appends them with one write per segment touched; the CRC check runs while that
   * write is in flight. The first append in a new epoch records it in the epoch cache. With
   * fsyncPolicy "on-append" it resolves once durable. A rejected append leaves nothing visible.
   *
   * @throws CorruptRecordError or TributaryError MESSAGE_TOO_LARGE for invalid batches.
   * @throws StaleLeaderEpochError when `leaderEpoch` is older than the latest epoch.
   */
  async appendAsLeader(batches: Uint8Array, leaderEpoch: number): Promise<LogAppendInfo> {
    invariant(Number.isInteger(leaderEpoch) && leaderEpoch >= 0, () => `leader epoch ${leaderEpoch} must be a non-negative integer`);
    const analyzed = analyzeBatches(batches, "leader", this.config);
    const info = await this.mutate(async () => {
      const latest = this.epochCache.latestEpoch;
      if (latest !== undefined && leaderEpoch < latest) throw new StaleLeaderEpochError(leaderEpoch, latest);
      const stamped = assignOffsets(batches, analyzed, this.local.logEndOffset, leaderEpoch);
      await this.local.append(batches, stamped, this.clock.nowMs(), () => verifyChecksums(batches, stamped));
      if (this.epochCache.assign(leaderEpoch, stamped[0]!.baseOffset)) await this.persistEpochCache();
      this.afterAppend();
      return summarize(stamped, batches.length);
    });
    if (this.config.fsyncPolicy === "on-append") await this.groupCommit.request();
    return info;
  }

  /**
   * appendAsFollower stores the leader's batches verbatim, offsets and epochs included. They must
   * continue the log exactly, and their epochs must not be older than the latest epoch (truncate
   * by epoch first); new epochs enter the epoch cache.
   *
   * @throws UnexpectedAppendOffsetError when the first batch does not start at the log end offset.
   * @throws StaleLeaderEpochError when a batch's epoch is older than the latest epoch.
   * @throws CorruptRecordError for invalid batches; a rejected append leaves nothing visible.
   */
  async appendAsFollower(batches: Uint8Array): Promise<LogAppendInfo> {
    const analyzed = analyzeBatches(batches, "follower", this.config);
    const info = await this.mutate(async () => {
      const expected = this.local.logEndOffset;
      const first = analyzed[0]!;
      if (first.baseOffset !== expected) throw new UnexpectedAppendOffsetError(expected, first.baseOffset);
      const latest = this.epochCache.latestEpoch;
      if (latest !== undefined && first.partitionLeaderEpoch < latest) throw new StaleLeaderEpochError(first.partitionLeaderEpoch, latest);
      await this.local.append(batches, analyzed, this.clock.nowMs(), () => verifyChecksums(batches, analyzed));
      let changed = false;
      for (const batch of analyzed) changed = this.epochCache.assign(batch.partitionLeaderEpoch, batch.baseOffset) || changed;
      if (changed) await this.persistEpochCache();
      this.afterAppend();
      return summarize(analyzed, batches.length);
    });
    if (this.config.fsyncPolicy === "on-append") await this.groupCommit.request();
    return info;
  }

  /**
   * read returns stored batches starting with the one holding `startOffset`: whole batches up to
   * `maxBytes`, at least one even if larger (KIP-74), none holding an offset >= `maxOffset`, from a
   * single segment, as a slice of one file read. Reading at the log end offset returns no bytes.
   *
   * @throws OffsetOutOfRangeError unless logStartOffset <= startOffset <= logEndOffset.
   */
  async read(startOffset: bigint, maxBytes: number, options: ReadOptions = {}): Promise<LogReadResult> {
    if (!Number.isInteger(maxBytes) || maxBytes < 0) {
      throw new TributaryError("INVALID_FETCH_SIZE", `maxBytes must be a non-negative integer, got ${maxBytes}`);
    }
    for (;;) {
      this.checkServing();
      const truncations = this.truncations;
      const logStartOffset = this.logStart;
      const logEndOffset = this.local.logEndOffset;
      const highWatermark = this.highWatermarkOffset;
      if (startOffset < logStartOffset || startOffset > logEndOffset) {
        throw new OffsetOutOfRangeError(startOffset, logStartOffset, logEndOffset);
      }
      const maxOffset = options.maxOffset === undefined || options.maxOffset > logEndOffset ? logEndOffset : options.maxOffset;
      try {
        const { bytes, nextOffset } = await this.local.read(startOffset, maxBytes, maxOffset);
        if (this.unchangedSince(truncations)) return { bytes, nextOffset, logStartOffset, logEndOffset, highWatermark };
      } catch (error) {
        if (this.unchangedSince(truncations)) throw error;
      }
      // A truncation overlapped the read: the bytes may be gone or replaced. Read again.
    }
  }

  /**
   * offsetForTimestamp returns the first batch at or after the log start offset whose max
   * timestamp is >= `timestampMs`, or undefined when there is none (Kafka's ListOffsets by time).
   */
  async offsetForTimestamp(timestampMs: number): Promise<TimestampOffset | undefined> {
    this.checkServing();
    const logStartOffset = this.logStart;
    const segments = this.local.segments;
    const candidates = segments.slice(Math.max(0, floorIndex(segments, logStartOffset)));
    for (const segment of candidates) segment.acquire();
    try {
      for (const segment of candidates) {
        if (segment.maxTimestampMs < timestampMs) continue;
        const found = await segment.findOffsetByTimestamp(timestampMs, logStartOffset);
        if (found !== undefined) return found;
      }
      return undefined;
    } finally {
      for (const segment of candidates) segment.release();
    }
  }

  /**
   * endOffsetForEpoch answers OffsetForLeaderEpoch (KIP-101/279): the largest epoch <= `epoch` this
   * log knows and the offset where it ended (the log end offset for the latest epoch).
   */
  endOffsetForEpoch(epoch: number): EpochEndOffset {
    return this.epochCache.endOffsetFor(epoch, this.local.logEndOffset);
  }

  /**
   * assignEpochStartOffset records that `epoch` starts at the log end offset. A new leader calls it
   * at election, so it can answer OffsetForLeaderEpoch for its epoch before its first append.
   *
   * @throws StaleLeaderEpochError when `epoch` is older than the latest epoch.
   */
  async assignEpochStartOffset(epoch: number): Promise<void> {
    invariant(Number.isInteger(epoch) && epoch >= 0, () => `leader epoch ${epoch} must be a non-negative integer`);
    await this.mutate(async () => {
      const latest = this.epochCache.latestEpoch;
      if (latest !== undefined && epoch < latest) throw new StaleLeaderEpochError(epoch, latest);
      if (this.epochCache.assign(epoch, this.local.logEndOffset)) await this.persistEpochCache();
    });
  }

  /**
   * maybeIncrementHighWatermark raises the high watermark to `offset` (leader side).
   *
   * @returns the previous high watermark if it moved, else undefined.
   */
  maybeIncrementHighWatermark(offset: bigint): bigint | undefined {
    invariant(offset <= this.local.logEndOffset, () => `high watermark ${offset} must not pass the log end offset ${this.local.logEndOffset}`);
    if (offset <= this.highWatermarkOffset) return undefined;
    const previous = this.highWatermarkOffset;
    this.highWatermarkOffset = offset;
    this.checkInvariants();
    return previous;
  }

  /**
   * updateHighWatermark sets the high watermark to `offset` clamped into [logStartOffset,
   * logEndOffset] (follower side: the leader's high watermark may be ahead of this log).
   *
   * @returns the new high watermark.
   */
  updateHighWatermark(offset: bigint): bigint {
    this.highWatermarkOffset = clamp(offset, this.logStart, this.local.logEndOffset);
    return this.highWatermarkOffset;
  }

  /**
   * truncateTo removes every record at or after `offset` (a batch straddling it goes whole), as
   * a follower does when its log diverged from the leader's, durably, and trims the epoch cache.
   * Offsets at or past the log end only trim the epoch cache (an epoch this replica assigned as
   * leader but never wrote). Below the log start it empties the log and starts it at `offset`.
   */
  async truncateTo(offset: bigint): Promise<void> {
    invariant(offset >= 0n, () => `truncate to negative offset ${offset}`);
    await this.mutate(async () => {
      if (offset < this.local.logEndOffset) {
        if (offset < this.logStart) return this.truncateFully(offset);
        // Cursors drop to the real cut before anything is cut, even when a batch straddles `offset`.
        const cut = await this.local.truncationPoint(offset);
        await this.truncating(cut, () => this.local.truncateTo(cut));
      }
      if (this.epochCache.truncateFromEnd(this.local.logEndOffset)) await this.persistEpochCache();
      await this.persistRecoveryPoint();
    });
  }

  /**
   * truncateFullyAndStartAt deletes the whole log and starts it empty at `offset` (a follower whose
   * leader no longer holds anything it has).
   */
  async truncateFullyAndStartAt(offset: bigint): Promise<void> {
    invariant(offset >= 0n, () => `start offset ${offset} must not be negative`);
    await this.mutate(() => this.truncateFully(offset));
  }

  /**
   * deleteRecordsBefore advances the log start offset to `offset` (Kafka's DeleteRecords) and
   * deletes segments wholly below it.
   *
   * @returns the new log start offset.
   * @throws OffsetOutOfRangeError when `offset` is above the high watermark.
   */
  async deleteRecordsBefore(offset: bigint): Promise<bigint> {
    return this.mutate(async () => {
      if (offset > this.highWatermarkOffset) {
        throw new OffsetOutOfRangeError(offset, this.logStart, this.highWatermarkOffset, "delete-records offset");
      }
      if (offset > this.logStart) await this.advanceLogStart(offset);
      const segments = this.local.segments;
      let doomed = 0;
      while (doomed < segments.length - 1 && segments[doomed]!.nextOffset <= this.logStart) doomed += 1;
      await this.local.deleteOldestSegments(doomed);
      return this.logStart;
    });
  }

  /**
   * deleteOldSegments applies retention: it deletes the oldest segments, in order, while each is
   * wholly below the log start offset, older than `retentionMs` by its largest timestamp, or not
   * needed to keep `retentionBytes`. It never deletes the active segment or a segment not wholly
   * below the high watermark. The broker calls it periodically (Kafka's
   * log.retention.check.interval.ms).
   *
   * @returns how many segments were deleted.
   */
  async deleteOldSegments(): Promise<number> {
    return this.mutate(async () => {
      const segments = this.local.segments;
      const state = { nowMs: this.clock.nowMs(), logStartOffset: this.logStart, highWatermark: this.highWatermarkOffset, totalBytes: this.local.sizeBytes };
      const doomed = countDeletableSegments(segments, state, this.config);
      if (doomed === 0) return 0;
      const newStart = segments[doomed]!.baseOffset;
      if (newStart > this.logStart) await this.advanceLogStart(newStart);
      await this.local.deleteOldestSegments(doomed);
      return doomed;
    });
  }

  /**
   * flush makes every record appended before the call durable and resolves with the durable end
   * offset. Concurrent calls share one fsync; a call made while an fsync runs causes exactly one
   * more (group commit). With fsyncPolicy "never" it resolves at once with the log end offset.
   */
  flush(): Promise<bigint> {
    try {
      this.checkServing();
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.config.fsyncPolicy === "never") return Promise.resolve(this.durable.value);
    return this.groupCommit.request();
  }

  /**
   * onDurableEndOffset calls `listener` on every change of the durable end offset (up after an
   * fsync or append, down after a truncation). Returns a function that unsubscribes.
   */
  onDurableEndOffset(listener: DurableEndOffsetListener): () => void {
    return this.durable.subscribe(listener);
  }

  /**
   * close shuts down cleanly: waits for queued mutations and flushes, fsyncs every segment and
   * index file, writes the checkpoints, and last the clean-shutdown marker that lets the next open
   * skip recovery. A failed log closes its files without the marker. Later calls fail with
   * {@link LogClosedError}.
   */
  close(): Promise<void> {
    if (this.closing === undefined) {
      this.state = "closing";
      this.closing = this.closeCleanly();
    }
    return this.closing;
  }

  private async closeCleanly(): Promise<void> {
    await this.mutations.idle();
    await this.groupCommit.idle();
    await this.checkpoints.idle();
    try {
      if (this.failure === undefined) {
        for (const segment of this.local.segments) {
          await segment.sync();
          await segment.writeIndexFiles();
        }
        await this.fs.syncDirectory(this.directory);
        this.recoveryPointOffset = this.local.logEndOffset;
        this.durable.advance(this.local.logEndOffset);
        await this.persistRecoveryPoint();
        await this.persistEpochCache();
        await this.checkpoints.writeOffset(PartitionFile.highWatermarkCheckpoint, () => this.highWatermarkOffset);
        await this.checkpoints.writeCleanShutdownMarker();
      }
    } finally {
      this.state = "closed";
      await this.local.close();
    }
  }

  /** syncToDisk is one group-commit run: fsync what changed, then advance the durable end and recovery point. */
  private async syncToDisk(): Promise<bigint> {
    this.checkUsable();
    if (this.state === "closed") return this.durable.value; // Closing synced everything.
    const syncData = this.config.fsyncPolicy !== "never";
    const segments = this.local.segments;
    // With "never", only rolled segments are synced: enough to bound crash recovery.
    const target = syncData ? this.local.logEndOffset : this.local.activeSegment.baseOffset;
    const truncations = this.truncations;
    const first = Math.max(0, floorIndex(segments, this.recoveryPointOffset));
    const dirty = segments.slice(first, syncData ? segments.length : -1).filter((segment) => segment.hasUnsyncedChanges);
    const directoryDirty = this.local.takeDirectoryDirty();
    for (const segment of dirty) segment.acquire();
    try {
      await Promise.all(dirty.map((segment) => segment.sync()));
      if (directoryDirty) await this.fs.syncDirectory(this.directory);
    } catch (error) {
      throw this.fail(error);
    } finally {
      for (const segment of dirty) segment.release();
    }
    // A truncation that overlapped the fsync may have cut what it covered; its own sync stands instead.
    if (this.unchangedSince(truncations)) {
      if (syncData) this.durable.advance(target);
      if (target > this.recoveryPointOffset) {
        const crossedSegment = floorIndex(this.local.segments, target) > floorIndex(this.local.segments, this.persistedRecoveryPoint);
        this.recoveryPointOffset = target;
        // Persisting costs three fsyncs, so only when it moves past a segment: recovery then scans at most about one.
        if (crossedSegment) await this.persistRecoveryPoint();
      }
    }
    return this.durable.value;
  }

  private async truncateFully(offset: bigint): Promise<void> {
    await this.truncating(offset, async () => {
      this.logStart = offset;
      await this.checkpoints.writeOffset(PartitionFile.logStartOffsetCheckpoint, () => this.logStart);
      await this.local.truncateFullyAndStartAt(offset);
    });
    this.epochCache.truncateFromEnd(0n);
    await this.persistEpochCache();
    this.highWatermarkOffset = offset;
    // The empty log at `offset` is on disk: everything it holds is durable.
    this.recoveryPointOffset = offset;
    this.durable.set(offset);
    await this.persistRecoveryPoint();
  }

  /**
   * truncating runs a truncation of the log to `end`. It lowers every cursor to `end` before the
   * disk is touched, so the durable end offset never claims more than a crash at any instant would
   * keep, and again to the final log end after (a straddling batch may cut lower). `truncations`
   * is odd while it runs, so flushes and reads that overlap it discard what they saw.
   */
  private async truncating<T>(end: bigint, work: () => Promise<T>): Promise<T> {
    assert(this.truncations % 2 === 0, "truncations do not nest");
    this.truncations += 1;
    this.lowerCursors(end);
    try {
      return await work();
    } finally {
      this.truncations += 1;
      this.lowerCursors(this.local.logEndOffset);
    }
  }

  private lowerCursors(end: bigint): void {
    if (this.highWatermarkOffset > end) this.highWatermarkOffset = end;
    if (this.recoveryPointOffset > end) this.recoveryPointOffset = end;
    this.durable.lower(end);
  }

  /** unchangedSince tells whether no truncation ran or started since `truncations` was read. */
  private unchangedSince(truncations: number): boolean {
    return truncations === this.truncations && truncations % 2 === 0;
  }

  /** advanceLogStart moves the log start offset up, durably, before any segment is deleted for it. */
  private async advanceLogStart(offset: bigint): Promise<void> {
    invariant(offset <= this.highWatermarkOffset, () => `log start ${offset} must not pass the high watermark ${this.highWatermarkOffset}`);
    this.logStart = offset;
    await this.checkpoints.writeOffset(PartitionFile.logStartOffsetCheckpoint, () => this.logStart);
    if (this.epochCache.truncateFromStart(offset)) await this.persistEpochCache();
  }

  private afterAppend(): void {
    if (this.config.fsyncPolicy === "never") this.durable.set(this.local.logEndOffset);
  }

  private async persistRecoveryPoint(): Promise<void> {
    this.persistedRecoveryPoint = await this.checkpoints.writeOffset(PartitionFile.recoveryPointCheckpoint, () => this.recoveryPointOffset);
  }

  private async persistEpochCache(): Promise<void> {
    await this.checkpoints.writeEpochCache(this.epochCache);
  }

  /** mutate runs `task` in the serial queue; an unexpected error takes the log offline. */
  private mutate<T>(task: () => Promise<T>): Promise<T> {
    try {
      this.checkServing();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.mutations.run(async () => {
      this.checkUsable();
      try {
        const result = await task();
        this.checkInvariants();
        return result;
      } catch (error) {
        if (isCallerError(error)) throw error;
        const failure = this.fail(error);
        throw error instanceof AssertionError ? error : failure;
      }
    });
  }

  private fail(error: unknown): LogFailedError {
    if (error instanceof LogFailedError) return error;
    this.failure ??= new LogFailedError(this.directory, error);
    return this.failure;
  }

  /** checkServing rejects new work once the log is closing or offline. */
  private checkServing(): void {
    if (this.state !== "open") throw new LogClosedError(this.directory);
    this.checkUsable();
  }

  private checkUsable(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private checkInvariants(): void {
    const end = this.local.logEndOffset;
    invariant(this.logStart <= this.highWatermarkOffset, () => `Invariant: logStartOffset ${this.logStart} <= highWatermark ${this.highWatermarkOffset}`);
    invariant(this.highWatermarkOffset <= end, () => `Invariant: highWatermark ${this.highWatermarkOffset} <= logEndOffset ${end}`);
    invariant(this.recoveryPointOffset <= end, () => `Invariant: recoveryPoint ${this.recoveryPointOffset} <= logEndOffset ${end}`);
    invariant(this.durable.value <= end, () => `Invariant: durableEndOffset ${this.durable.value} <= logEndOffset ${end}`);
  }
}

/** isCallerError tells typed errors about the request (the log is fine) from failures of the log. */
function isCallerError(error: unknown): boolean {
  return (
    error instanceof TributaryError ||
    error instanceof CorruptRecordError ||
    error instanceof UnexpectedAppendOffsetError ||
    error instanceof LogClosedError ||
    error instanceof LogFailedError
  );
}

function summarize(batches: readonly BatchInfo[], sizeBytes: number): LogAppendInfo {
  let maxTimestampMs = -1;
  let offsetOfMaxTimestamp = batches[0]!.baseOffset;
  for (const batch of batches) {
    if (batch.maxTimestampMs > maxTimestampMs) {
      maxTimestampMs = batch.maxTimestampMs;
      offsetOfMaxTimestamp = batch.baseOffset;
    }
  }
  return {
    firstOffset: batches[0]!.baseOffset,
    lastOffset: batches[batches.length - 1]!.lastOffset,
    maxTimestampMs,
    offsetOfMaxTimestamp,
    batchCount: batches.length,
    sizeBytes,
  };
}

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}
