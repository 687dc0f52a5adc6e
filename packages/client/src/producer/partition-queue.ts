import { assert } from "../util/assert.js";
import type { PendingBatch } from "./pending-batch.js";

/**
 * PartitionQueue is one partition's batches on the producer side, and its sequence state.
 *
 * Invariants:
 * - `queued` and `inFlight` are sorted by batch id (creation order), and a batch is in at most
 *   one of them; an open batch, if any, is the last of `queued`.
 * - Sequences are stamped in id order, so id order is sequence order within an epoch.
 * - A batch that was sent and came back for a retry has a lower id than any never-sent batch,
 *   so retries are always at the head of `queued`.
 */
export class PartitionQueue {
  readonly topic: string;
  readonly partition: number;
  readonly queued: PendingBatch[] = [];
  readonly inFlight: PendingBatch[] = [];
  /** nextSequence is the unwrapped sequence the next stamped batch gets in the current epoch. */
  nextSequence = 0;
  /**
   * sequenceGap is set when a stamped sequence will never be acknowledged (its batch failed for
   * good): the broker would refuse every later sequence, so nothing new is stamped here until
   * the producer epoch is bumped and sequences restart at 0.
   */
  sequenceGap = false;

  constructor(topic: string, partition: number) {
    this.topic = topic;
    this.partition = partition;
  }

  /** openBatch returns the batch taking records, if any. */
  openBatch(): PendingBatch | undefined {
    const last = this.queued.at(-1);
    return last?.state === "open" ? last : undefined;
  }

  /** head returns the oldest queued batch. */
  head(): PendingBatch | undefined {
    return this.queued[0];
  }

  /** takeHead moves the head into `inFlight`. */
  takeHead(): PendingBatch {
    const batch = this.queued.shift();
    assert(batch !== undefined, "take from an empty partition queue");
    insertById(this.inFlight, batch);
    return batch;
  }

  /** returnForRetry moves an in-flight batch back into `queued`, in id order. */
  returnForRetry(batch: PendingBatch): void {
    this.removeInFlight(batch);
    insertById(this.queued, batch);
  }

  /** removeInFlight drops a batch from `inFlight` (it is done or coming back). */
  removeInFlight(batch: PendingBatch): void {
    const index = this.inFlight.indexOf(batch);
    if (index >= 0) this.inFlight.splice(index, 1);
  }

  /** removeQueued drops a batch from `queued` (it failed before going out). */
  removeQueued(batch: PendingBatch): void {
    const index = this.queued.indexOf(batch);
    if (index >= 0) this.queued.splice(index, 1);
  }

  /** hasEarlierUnresolved tells whether a batch older than `batch` is still in flight or queued. */
  hasEarlierUnresolved(batch: PendingBatch): boolean {
    return this.inFlight.some((other) => other.id < batch.id) || this.queued.some((other) => other.id < batch.id);
  }

  /**
   * isRecovering tells whether the partition is re-sending after a failure: while it is, batches
   * go out one at a time, so the broker sees the retried sequences in order before any later one.
   */
  isRecovering(): boolean {
    return (this.head()?.sendCount ?? 0) > 0 || this.inFlight.some((batch) => batch.sendCount > 1);
  }

  /** isEmpty tells whether nothing is queued or in flight. */
  isEmpty(): boolean {
    return this.queued.length === 0 && this.inFlight.length === 0;
  }
}

function insertById(list: PendingBatch[], batch: PendingBatch): void {
  let index = list.length;
  while (index > 0 && list[index - 1]!.id > batch.id) index--;
  list.splice(index, 0, batch);
}
