/** LOG_SUFFIX, INDEX_SUFFIX and TIME_INDEX_SUFFIX end a segment's three file names. */
export const LOG_SUFFIX = ".log";
/** See {@link LOG_SUFFIX}. */
export const INDEX_SUFFIX = ".index";
/** See {@link LOG_SUFFIX}. */
export const TIME_INDEX_SUFFIX = ".timeindex";

/** SegmentFileSuffix is one of the three segment file kinds. */
export type SegmentFileSuffix = typeof LOG_SUFFIX | typeof INDEX_SUFFIX | typeof TIME_INDEX_SUFFIX;

/** Names of the per-partition files beside the segments. */
export const PartitionFile = {
  /** Leader epoch -> start offset entries, Kafka's format. */
  leaderEpochCheckpoint: "leader-epoch-checkpoint",
  /** The first offset the log still serves (advanced by retention and deleteRecordsBefore). */
  logStartOffsetCheckpoint: "log-start-offset-checkpoint",
  /** Every batch below this offset was fsynced; crash recovery starts scanning here. */
  recoveryPointCheckpoint: "recovery-point-offset-checkpoint",
  /** The last high watermark the log was told about, written at close. */
  highWatermarkCheckpoint: "high-watermark-checkpoint",
  /** Present only between a clean close and the next open: indexes and checkpoints are current. */
  cleanShutdownMarker: "clean-shutdown",
} as const;

const OFFSET_DIGITS = 20;

/** segmentFileName names a segment file by its base offset, zero-padded to 20 digits as in Kafka. */
export function segmentFileName(baseOffset: bigint, suffix: SegmentFileSuffix): string {
  return baseOffset.toString().padStart(OFFSET_DIGITS, "0") + suffix;
}

/** parseSegmentFileName returns the base offset and suffix of a segment file name, or undefined. */
export function parseSegmentFileName(name: string): { baseOffset: bigint; suffix: SegmentFileSuffix } | undefined {
  const match = /^(\d{20})(\.log|\.index|\.timeindex)$/.exec(name);
  if (match === null) return undefined;
  return { baseOffset: BigInt(match[1]!), suffix: match[2] as SegmentFileSuffix };
}
