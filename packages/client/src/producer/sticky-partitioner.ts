import type { PendingBatch } from "./pending-batch.js";

interface Stuck {
  readonly partition: number;
  /** batch is the batch the sticky records fill, once the first one is appended. */
  batch: PendingBatch | undefined;
}

/**
 * StickyPartitioner places records without a key (KIP-480): all of a topic's keyless records go
 * to one partition until its batch is complete (full, or sent), then to another, chosen at random
 * among partitions with a leader and never the same one twice in a row when there is a choice.
 * Batches fill up instead of spreading one record per partition per request, and over many
 * batches the records still spread across every partition.
 */
export class StickyPartitioner {
  private readonly random: () => number;
  private readonly stuck = new Map<string, Stuck>();

  constructor(random: () => number) {
    this.random = random;
  }

  /**
   * partition picks a partition of `topic`. `fittingBatch(p)` returns p's open batch if the record
   * fits it; `available` lists partitions with a leader (all partitions when none has one).
   */
  partition(topic: string, partitionCount: number, available: readonly number[], fittingBatch: (partition: number) => PendingBatch | undefined): number {
    const current = this.stuck.get(topic);
    if (current !== undefined && current.partition < partitionCount) {
      if (current.batch === undefined) return current.partition;
      if (fittingBatch(current.partition) === current.batch) return current.partition;
    }
    const pool = available.length > 0 ? available : Array.from({ length: partitionCount }, (_, index) => index);
    const choices = pool.length > 1 && current !== undefined ? pool.filter((partition) => partition !== current.partition) : pool;
    const partition = choices[Math.floor(this.random() * choices.length)] ?? 0;
    this.stuck.set(topic, { partition, batch: undefined });
    return partition;
  }

  /** appended tells the partitioner where a keyless record went, so it knows which batch it fills. */
  appended(topic: string, partition: number, batch: PendingBatch): void {
    const current = this.stuck.get(topic);
    if (current !== undefined && current.partition === partition) current.batch = batch;
  }
}
