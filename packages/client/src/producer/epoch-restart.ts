import { partitionKey } from "../cluster/route-to-leaders.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { PartitionQueue } from "./partition-queue.js";
import type { PendingBatch } from "./pending-batch.js";

/**
 * canBumpEpoch tells whether an epoch bump may start: nothing is in flight, and outside
 * partitions with a sequence gap no batch still carries a sequence of the current epoch (it may
 * yet be acknowledged under it, and a bump would fence it).
 */
export function canBumpEpoch(queues: Iterable<PartitionQueue>): boolean {
  for (const queue of queues) {
    if (queue.inFlight.length > 0) return false;
    if (!queue.sequenceGap && queue.queued.some((batch) => batch.sequence !== undefined)) return false;
  }
  return true;
}

/**
 * restartSequences starts every partition at sequence 0 after a bump (KIP-360). Queued batches
 * lose their old-epoch sequence and are stamped afresh when sent, except those whose earlier
 * attempt may have been written: resending one under the new epoch could duplicate it, so it is
 * handed to `fail` with an "outcome unknown" error instead.
 */
export function restartSequences(queues: Iterable<PartitionQueue>, fail: (queue: PartitionQueue, batch: PendingBatch, error: TributaryError) => void): void {
  for (const queue of queues) {
    queue.nextSequence = 0;
    queue.sequenceGap = false;
    for (const batch of [...queue.queued]) {
      if (batch.sequence === undefined) continue;
      batch.clearSequence();
      if (batch.ambiguous) {
        fail(queue, batch, outcomeUnknown(batch));
        continue;
      }
      batch.sendCount = 0;
    }
  }
}

function outcomeUnknown(batch: PendingBatch): TributaryError {
  const key = partitionKey(batch.topic, batch.partition);
  return new TributaryError(
    batch.lastError?.code ?? "REQUEST_TIMED_OUT",
    `the outcome of a batch for ${key} is unknown: an earlier attempt may have been written, and resending it under the producer's new epoch could duplicate it`,
    batch.lastError ? { cause: batch.lastError } : undefined,
  );
}
