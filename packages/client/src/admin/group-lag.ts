/**
 * computeLag is how far a group trails a partition: the high watermark minus the committed offset
 * (the next offset the group will read), never negative; null when the group committed nothing
 * (-1n), as the Kafka CLI prints "-".
 */
export function computeLag(committedOffset: bigint, logEndOffset: bigint): bigint | null {
  if (committedOffset < 0n) return null;
  return logEndOffset > committedOffset ? logEndOffset - committedOffset : 0n;
}
