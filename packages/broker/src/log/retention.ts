import type { LogConfig } from "./log-config.js";

/** RetentionSegment is what retention needs to know of a segment. */
export interface RetentionSegment {
  readonly nextOffset: bigint;
  readonly sizeBytes: number;
  readonly maxTimestampMs: number;
}

/** RetentionState is the log's state retention decides against. */
export interface RetentionState {
  readonly nowMs: number;
  readonly logStartOffset: bigint;
  readonly highWatermark: bigint;
  readonly totalBytes: number;
}

/**
 * countDeletableSegments returns how many of the oldest segments retention may delete (Kafka's
 * UnifiedLog.deletableSegments): walking oldest first, a segment goes while it is wholly below
 * the log start offset, or its largest timestamp is older than `retentionMs`, or the log without
 * it still holds at least `retentionBytes`; the walk stops at the first segment that stays.
 * Never the active (last) segment, never a segment not wholly below the high watermark, so the
 * log start offset can never pass the high watermark.
 */
export function countDeletableSegments(
  segments: readonly RetentionSegment[],
  state: RetentionState,
  config: Pick<LogConfig, "retentionMs" | "retentionBytes">,
): number {
  let remainingBytes = state.totalBytes;
  let count = 0;
  for (const segment of segments.slice(0, -1)) {
    if (segment.nextOffset > state.highWatermark) break;
    const belowStart = segment.nextOffset <= state.logStartOffset;
    const expired = config.retentionMs >= 0 && state.nowMs - segment.maxTimestampMs > config.retentionMs;
    const oversize = config.retentionBytes >= 0 && remainingBytes - segment.sizeBytes >= config.retentionBytes;
    if (!belowStart && !expired && !oversize) break;
    remainingBytes -= segment.sizeBytes;
    count += 1;
  }
  return count;
}
