import { posix } from "node:path";
import type { RecordBatchHeader } from "@tributary/client/internal/record";
import { TMP_SUFFIX } from "./atomic-file.js";
import type { FileSystem } from "./file-system.js";
import { LeaderEpochCache } from "./leader-epoch-cache.js";
import type { LogConfig } from "./log-config.js";
import { LogSegment } from "./log-segment.js";
import { readOffsetCheckpoint, writeOffsetCheckpoint } from "./offset-checkpoint.js";
import { LOG_SUFFIX, PartitionFile, parseSegmentFileName } from "./segment-files.js";

/** LogRecoveryReport says how a log was opened and what recovery cut. */
export interface LogRecoveryReport {
  /** cleanShutdown is true when the marker of a clean close was found, so no scan ran. */
  readonly cleanShutdown: boolean;
  /** recoveryPoint is where CRC validation started (an unclean open), or undefined. */
  readonly recoveryPoint: bigint | undefined;
  /** truncatedBytes counts bytes cut from a torn or corrupt tail. */
  readonly truncatedBytes: number;
  /** droppedSegments counts whole segments deleted because they followed the cut or broke contiguity. */
  readonly droppedSegments: number;
  /** problem describes the first bad batch found, if any. */
  readonly problem: string | undefined;
}

/** LoadedLog is the state {@link loadLog} hands to the partition log. */
export interface LoadedLog {
  readonly segments: readonly LogSegment[];
  readonly logStartOffset: bigint;
  readonly highWatermark: bigint;
  readonly epochCache: LeaderEpochCache;
  /** epochCacheChanged tells whether the cache differs from its checkpoint file. */
  readonly epochCacheChanged: boolean;
  /** recoveryPointCheckpoint is what the recovery-point file held, if anything. */
  readonly recoveryPointCheckpoint: bigint | undefined;
  readonly report: LogRecoveryReport;
}

/**
 * loadLog opens the partition directory, creating it if needed, and brings it to a consistent
 * state (Kafka's LogLoader):
 *
 * - After a clean close (marker present): load the index files, checking them against the data
 *   and rebuilding any that are missing or inconsistent from batch headers; load the epoch cache.
 * - After a crash: indexes and the epoch cache are not trusted. Segments wholly below the recovery
 *   point (fsynced data) are walked header by header; from the segment holding the recovery point
 *   on, every batch's CRC is checked. At the first bad batch, an offset that does not continue the
 *   log, or a leader epoch that goes backwards, the segment is cut and all later segments deleted.
 *   What survives is fsynced before the log serves it.
 *
 * Either way the marker is removed (durably) before anything else is written, leftover temporary
 * files and orphan index files are deleted, segments wholly below the log start offset are
 * deleted, and the log always ends up with at least one segment.
 */
export async function loadLog(fs: FileSystem, directory: string, config: LogConfig): Promise<LoadedLog> {
  await fs.mkdir(directory);
  const names = await fs.readdir(directory);
  const path = (name: string) => posix.join(directory, name);
  const cleanShutdown = names.includes(PartitionFile.cleanShutdownMarker);
  if (cleanShutdown) {
    await fs.unlink(path(PartitionFile.cleanShutdownMarker));
  }
  const bases = new Set<bigint>();
  for (const name of names) {
    const parsed = parseSegmentFileName(name);
    if (parsed?.suffix === LOG_SUFFIX) bases.add(parsed.baseOffset);
  }
  for (const name of names) {
    const parsed = parseSegmentFileName(name);
    const orphanIndex = parsed !== undefined && parsed.suffix !== LOG_SUFFIX && !bases.has(parsed.baseOffset);
    if (name.endsWith(TMP_SUFFIX) || orphanIndex) await fs.unlink(path(name));
  }
  // The marker's removal must be durable before any write, or a crash would skip recovery.
  await fs.syncDirectory(directory);
  await fs.syncDirectory(posix.dirname(directory));

  const logStartCheckpoint = await readOffsetCheckpoint(fs, path(PartitionFile.logStartOffsetCheckpoint));
  const recoveryCheckpoint = await readOffsetCheckpoint(fs, path(PartitionFile.recoveryPointCheckpoint));
  const highWatermarkCheckpoint = await readOffsetCheckpoint(fs, path(PartitionFile.highWatermarkCheckpoint));
  const epochBytes = await fs.readFile(path(PartitionFile.leaderEpochCheckpoint));

  const sortedBases = [...bases].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const opened: LogSegment[] = [];
  for (const base of sortedBases) opened.push(await LogSegment.open(fs, directory, base, config));

  // Segments whose successor starts at or below the log start offset hold nothing servable.
  let logStartOffset = logStartCheckpoint ?? sortedBases[0] ?? 0n;
  let firstKept = 0;
  while (firstKept + 1 < opened.length && opened[firstKept + 1]!.baseOffset <= logStartOffset) firstKept += 1;
  const stale = opened.slice(0, firstKept);
  let segments = opened.slice(firstKept);
  if (segments[0] !== undefined && segments[0].baseOffset > logStartOffset) logStartOffset = segments[0].baseOffset;

  const recovery = cleanShutdown
    ? await loadClean(segments, epochBytes)
    : await recoverUnclean(segments, recoveryCheckpoint ?? logStartOffset);
  const dropped = [...stale, ...segments.slice(recovery.keptSegments)];
  segments = segments.slice(0, recovery.keptSegments);
  for (const segment of dropped) await segment.delete();

  // Always leave an active segment that starts at or below the log start offset and ends at or after it.
  const logEndOffset = segments.at(-1)?.nextOffset;
  if (logEndOffset === undefined || logEndOffset < logStartOffset) {
    for (const segment of segments.reverse()) await segment.delete();
    segments = [await LogSegment.create(fs, directory, logStartOffset, config)];
    recovery.epochCache.truncateFromEnd(0n);
  }
  await fs.syncDirectory(directory);
  if (logStartCheckpoint !== logStartOffset) {
    await writeOffsetCheckpoint(fs, path(PartitionFile.logStartOffsetCheckpoint), logStartOffset);
  }

  const endOffset = segments.at(-1)!.nextOffset;
  recovery.epochCache.truncateFromEnd(endOffset);
  recovery.epochCache.truncateFromStart(logStartOffset);
  const highWatermark = clamp(highWatermarkCheckpoint ?? logStartOffset, logStartOffset, endOffset);
  return {
    segments,
    logStartOffset,
    highWatermark,
    epochCache: recovery.epochCache,
    epochCacheChanged: epochBytes?.toString("utf8") !== recovery.epochCache.toCheckpointText(),
    recoveryPointCheckpoint: recoveryCheckpoint,
    report: {
      cleanShutdown,
      recoveryPoint: cleanShutdown ? undefined : (recoveryCheckpoint ?? logStartOffset),
      truncatedBytes: recovery.truncatedBytes,
      droppedSegments: dropped.length - stale.length,
      problem: recovery.problem,
    },
  };
}

interface SegmentsRecovery {
  keptSegments: number;
  truncatedBytes: number;
  problem: string | undefined;
  epochCache: LeaderEpochCache;
}

/** loadClean loads indexes and the epoch cache written at the last clean close. */
async function loadClean(segments: readonly LogSegment[], epochBytes: Buffer | undefined): Promise<SegmentsRecovery> {
  const fromFile = epochBytes === undefined ? undefined : LeaderEpochCache.parseCheckpoint(epochBytes.toString("utf8"));
  const epochCache = fromFile ?? new LeaderEpochCache();
  const rebuildEpochs = fromFile === undefined;
  let truncatedBytes = 0;
  let problem: string | undefined;
  let kept = 0;
  for (const segment of segments) {
    const previous = segments[kept - 1];
    if (previous !== undefined && segment.baseOffset !== previous.nextOffset) {
      problem = `segment ${segment.baseOffset} does not start where the previous one ends (${previous.nextOffset})`;
      break;
    }
    // A missing epoch file forces a header walk, which rebuilds the indexes along the way.
    const loaded = !rebuildEpochs && (await segment.loadIndexes());
    if (!loaded) {
      const outcome = await segment.recover("headers", rebuildEpochs ? epochAcceptor(epochCache) : undefined);
      truncatedBytes += outcome.truncatedBytes;
      problem ??= outcome.problem;
      if (outcome.truncatedBytes > 0) {
        kept += 1;
        break;
      }
    }
    kept += 1;
  }
  return { keptSegments: kept, truncatedBytes, problem, epochCache };
}

/** recoverUnclean rebuilds every segment's indexes and the epoch cache, validating CRCs from the recovery point on. */
async function recoverUnclean(segments: readonly LogSegment[], recoveryPoint: bigint): Promise<SegmentsRecovery> {
  const epochCache = new LeaderEpochCache();
  const accept = epochAcceptor(epochCache);
  let truncatedBytes = 0;
  let problem: string | undefined;
  let kept = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const previous = segments[i - 1];
    if (previous !== undefined && segment.baseOffset !== previous.nextOffset) {
      problem = `segment ${segment.baseOffset} does not start where the previous one ends (${previous.nextOffset})`;
      break;
    }
    const successor = segments[i + 1];
    const whollyFlushed = successor !== undefined && successor.baseOffset <= recoveryPoint;
    const outcome = await segment.recover(whollyFlushed ? "headers" : "validate", accept);
    kept += 1;
    // Bytes that survived the crash may sit only in the page cache: make them durable before serving them.
    if (!whollyFlushed || outcome.problem !== undefined) await segment.sync(true);
    if (outcome.problem !== undefined) {
      truncatedBytes += outcome.truncatedBytes;
      problem = outcome.problem;
      break;
    }
  }
  return { keptSegments: kept, truncatedBytes, problem, epochCache };
}

/**
 * epochAcceptor rebuilds the epoch cache from batch headers and refuses a batch whose leader
 * epoch is negative or older than an earlier batch's: a valid log's epochs never go backwards,
 * and partitionLeaderEpoch lies outside the CRC, so this is the only check it gets.
 */
function epochAcceptor(cache: LeaderEpochCache): (header: RecordBatchHeader) => boolean {
  return (header) => {
    const epoch = header.partitionLeaderEpoch;
    const latest = cache.latestEpoch;
    if (epoch < 0 || (latest !== undefined && epoch < latest)) return false;
    if (latest === undefined || epoch > latest) cache.assign(epoch, header.baseOffset);
    return true;
  };
}

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}
