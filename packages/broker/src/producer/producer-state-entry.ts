import { assert } from "@tributary/client/internal/assert";

/**
 * BATCHES_RETAINED_PER_PRODUCER is how many of a producer's latest batches the broker remembers
 * (Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN). An idempotent producer keeps at most this
 * many requests in flight per partition (`max.in.flight.requests.per.connection <= 5`), so any
 * retry it can send matches one of these batches: the dedupe window must not be smaller.
 */
export const BATCHES_RETAINED_PER_PRODUCER = 5;

/** ProducerBatchMetadata is what the broker keeps of one appended producer batch to recognize a retry of it. */
export interface ProducerBatchMetadata {
  /** firstSequence and lastSequence are the batch's sequence range; lastSequence < firstSequence when it wraps. */
  readonly firstSequence: number;
  /** See {@link firstSequence}. */
  readonly lastSequence: number;
  /** firstOffset and lastOffset are where the log put the batch: what a duplicate is answered with. */
  readonly firstOffset: bigint;
  /** See {@link firstOffset}. */
  readonly lastOffset: bigint;
  /** maxTimestampMs is the batch's max timestamp (-1 when it has none); the last batch's drives expiry. */
  readonly maxTimestampMs: number;
  /** leaderEpoch is the partition leader epoch the batch was appended in. */
  readonly leaderEpoch: number;
}

/**
 * ProducerStateEntry is what one partition knows of one producer id: its current epoch and its
 * latest batches in that epoch. Entries are immutable values, so a validation can stage changes
 * without touching the manager's state.
 *
 * Invariants: 1 <= batches.length <= BATCHES_RETAINED_PER_PRODUCER; batches are in offset order,
 * oldest first; all were appended with `producerEpoch` (a new epoch clears the window, as in
 * Kafka's ProducerStateEntry.maybeUpdateProducerEpoch).
 *
 * Room for transactions (KIP-98): Kafka's entry also holds the coordinator epoch and the first
 * offset of the open transaction; they would be added here, next to the epoch they are fenced by.
 */
export interface ProducerStateEntry {
  readonly producerId: bigint;
  readonly producerEpoch: number;
  /** batches is the dedupe window, oldest first. */
  readonly batches: readonly ProducerBatchMetadata[];
}

/** lastBatchOf returns the entry's newest batch: the one the next sequence must follow. */
export function lastBatchOf(entry: ProducerStateEntry): ProducerBatchMetadata {
  const last = entry.batches.at(-1);
  assert(last !== undefined, `producer ${entry.producerId} has an empty batch window`);
  return last;
}

/**
 * withBatch returns `entry` (or a new entry when undefined) with `batch` appended in `producerEpoch`.
 * A different epoch starts a fresh window, whichever way the epoch moved: the log is the authority
 * here, and rejecting stale epochs is validation's job, not the record keeper's (Kafka lets a
 * replicated batch with an older epoch through with a warning for the same reason).
 */
export function withBatch(entry: ProducerStateEntry | undefined, producerId: bigint, producerEpoch: number, batch: ProducerBatchMetadata): ProducerStateEntry {
  assert(entry === undefined || entry.producerId === producerId, `entry of producer ${entry?.producerId} updated as ${producerId}`);
  const kept = entry === undefined || entry.producerEpoch !== producerEpoch ? [] : entry.batches.slice(-(BATCHES_RETAINED_PER_PRODUCER - 1));
  const previous = kept.at(-1);
  assert(previous === undefined || batch.firstOffset > previous.lastOffset, `producer ${producerId} batch at ${batch.firstOffset} does not follow its batch ending at ${previous?.lastOffset}`);
  return { producerId, producerEpoch, batches: [...kept, batch] };
}

/** withoutBatchesFrom returns the entry minus its batches whose last offset is at or after `offset`, or undefined when none remain. */
export function withoutBatchesFrom(entry: ProducerStateEntry, offset: bigint): ProducerStateEntry | undefined {
  const kept = entry.batches.filter((batch) => batch.lastOffset < offset);
  if (kept.length === entry.batches.length) return entry;
  return kept.length === 0 ? undefined : { ...entry, batches: kept };
}
