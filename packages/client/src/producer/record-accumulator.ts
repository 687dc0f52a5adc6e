import type { Clock } from "../time/clock.js";
import { PartitionQueue } from "./partition-queue.js";
import { PendingBatch, laneKey, type BatchLane } from "./pending-batch.js";
import type { PreparedRecord } from "./prepare-message.js";

/** AccumulatorOptions configure a {@link RecordAccumulator}. */
export interface AccumulatorOptions {
  readonly batchSizeBytes: number;
  readonly deliveryTimeoutMs: number;
  readonly clock: Clock;
  /** onClose is told when a batch stops taking records (full, or a different lane arrived). */
  readonly onClose: (queue: PartitionQueue, batch: PendingBatch) => void;
}

/** Placement is where an appended record went. */
export interface Placement {
  readonly batch: PendingBatch;
  readonly index: number;
}

/**
 * RecordAccumulator collects records into per-partition batches of at most batchSizeBytes (a
 * record larger than that gets a batch of its own). A batch stops taking records when it is full,
 * when a record of another lane (acks, timeout, compression) arrives for its partition, or when
 * the sender closes it (linger expired, flush, back-pressure).
 */
export class RecordAccumulator {
  readonly queues = new Map<string, PartitionQueue>();
  private readonly options: AccumulatorOptions;
  private nextBatchId = 0;

  constructor(options: AccumulatorOptions) {
    this.options = options;
  }

  /** queue returns a partition's queue, creating it. */
  queue(topic: string, partition: number): PartitionQueue {
    const key = `${topic}\u0000${partition}`;
    let queue = this.queues.get(key);
    if (queue === undefined) {
      queue = new PartitionQueue(topic, partition);
      this.queues.set(key, queue);
    }
    return queue;
  }

  /** openBatchFitting returns the partition's open batch if a record of `recordBytes` and `lane` fits it. */
  openBatchFitting(topic: string, partition: number, recordBytes: number, lane: BatchLane): PendingBatch | undefined {
    const open = this.queues.get(`${topic}\u0000${partition}`)?.openBatch();
    return open !== undefined && laneKey(open.lane) === laneKey(lane) && open.fits(recordBytes, this.options.batchSizeBytes) ? open : undefined;
  }

  /** append adds a record to its partition's open batch, opening a new one when needed. */
  append(topic: string, partition: number, prepared: PreparedRecord, lane: BatchLane): Placement {
    const queue = this.queue(topic, partition);
    let batch = queue.openBatch();
    if (batch !== undefined && (laneKey(batch.lane) !== laneKey(lane) || !batch.fits(prepared.sizeBytes, this.options.batchSizeBytes))) {
      this.options.onClose(queue, batch);
      batch = undefined;
    }
    if (batch === undefined) {
      batch = new PendingBatch(this.nextBatchId++, topic, partition, lane, this.options.clock.nowMs(), this.options.deliveryTimeoutMs);
      queue.queued.push(batch);
    }
    const index = batch.append(prepared.record, prepared.sizeBytes);
    if (batch.sizeBytes >= this.options.batchSizeBytes) this.options.onClose(queue, batch);
    return { batch, index };
  }

  /** batchCount counts batches queued or in flight. */
  batchCount(): number {
    let count = 0;
    for (const queue of this.queues.values()) count += queue.queued.length + queue.inFlight.length;
    return count;
  }

  /** pendingBatches lists every batch not yet done. */
  pendingBatches(): PendingBatch[] {
    return [...this.queues.values()].flatMap((queue) => [...queue.queued, ...queue.inFlight]);
  }
}
