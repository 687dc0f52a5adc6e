import { assert } from "@tributary/client/internal/assert";
import type { RecordBatchHeader } from "@tributary/client/internal/record";

/**
 * SEQUENCE_MAX is the largest producer sequence number (Int32 max). A producer numbers its records
 * per partition 0, 1, ..., SEQUENCE_MAX and then wraps to 0 (KIP-98; Kafka's
 * DefaultRecordBatch.incrementSequence), so sequence arithmetic is modulo 2^31 and a batch may
 * straddle the wrap (first sequence near the maximum, last sequence small).
 */
export const SEQUENCE_MAX = 0x7fff_ffff;

/** isSequence tells whether `value` is a valid sequence number: an integer in [0, SEQUENCE_MAX]. */
export function isSequence(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= SEQUENCE_MAX;
}

/**
 * incrementSequence returns `sequence + increment` wrapped past SEQUENCE_MAX to 0, exactly as a
 * Kafka producer numbers records. `increment` is at most SEQUENCE_MAX (a batch's lastOffsetDelta is
 * an Int32), so one wrap is all that can happen.
 */
export function incrementSequence(sequence: number, increment: number): number {
  assert(isSequence(sequence), `sequence ${sequence} is not in [0, ${SEQUENCE_MAX}]`);
  assert(isSequence(increment), `sequence increment ${increment} is not in [0, ${SEQUENCE_MAX}]`);
  // Subtract before adding so the sum never leaves Int32 range (same shape as Kafka's code).
  return sequence > SEQUENCE_MAX - increment ? increment - (SEQUENCE_MAX - sequence) - 1 : sequence + increment;
}

/** lastSequenceOf returns the sequence of a producer batch's last record (its base sequence plus lastOffsetDelta, wrapped). */
export function lastSequenceOf(header: Pick<RecordBatchHeader, "baseSequence" | "lastOffsetDelta">): number {
  return incrementSequence(header.baseSequence, header.lastOffsetDelta);
}

/**
 * isNextSequence tells whether `nextSequence` directly follows `lastSequence`, wrap included
 * (Kafka's ProducerAppendInfo.inSequence: next = last + 1, or next = 0 after SEQUENCE_MAX).
 */
export function isNextSequence(lastSequence: number, nextSequence: number): boolean {
  return nextSequence === incrementSequence(lastSequence, 1);
}
