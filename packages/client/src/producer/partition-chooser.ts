import type { TopicInfo } from "../cluster/cluster-metadata.js";
import { TributaryError } from "../errors/tributary-error.js";
import { partitionForKey } from "../partitioner/default-partitioner.js";
import type { PendingBatch } from "./pending-batch.js";
import type { PreparedRecord } from "./prepare-message.js";
import type { Message, Partitioner } from "./producer-types.js";
import type { StickyPartitioner } from "./sticky-partitioner.js";

/**
 * PartitionChooser decides a message's partition, in this order: the message's own `partition`;
 * the custom partitioner, if one was given; murmur2 of the key over every partition of the topic
 * (Java's and KafkaJS's choice, so keyed records co-partition across clients); the sticky
 * partitioner for keyless records.
 */
export class PartitionChooser {
  private readonly sticky: StickyPartitioner;
  private readonly custom: Partitioner | undefined;

  constructor(sticky: StickyPartitioner, custom: Partitioner | undefined) {
    this.sticky = sticky;
    this.custom = custom;
  }

  /**
   * choose returns the partition for `message`. `fittingBatch(p)` returns partition p's open batch
   * when the record fits it, for the sticky partitioner.
   *
   * @throws TributaryError UNKNOWN_TOPIC_OR_PARTITION when a given or computed partition does not exist.
   */
  choose(topic: TopicInfo, message: Message, prepared: PreparedRecord, fittingBatch: (partition: number) => PendingBatch | undefined): number {
    const count = topic.partitions.length;
    if (count === 0) throw new TributaryError("LEADER_NOT_AVAILABLE", `topic "${topic.name}" has no partitions yet`);
    let partition: number;
    if (message.partition !== undefined && message.partition !== null) {
      partition = message.partition;
    } else if (this.custom !== undefined) {
      partition = this.custom({
        topic: topic.name,
        partitionMetadata: topic.partitions.map((info) => ({ partitionId: info.partition, leader: info.leader })),
        message,
      });
    } else if (prepared.keyBytes !== null) {
      return partitionForKey(prepared.keyBytes, count);
    } else {
      const available = topic.partitions.filter((info) => info.leader >= 0).map((info) => info.partition);
      return this.sticky.partition(topic.name, count, available, fittingBatch);
    }
    if (!Number.isInteger(partition) || partition < 0 || partition >= count) {
      throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `partition ${partition} of topic "${topic.name}" does not exist; it has partitions 0 to ${count - 1}`);
    }
    return partition;
  }

  /** appended tells the sticky partitioner where a keyless record went. */
  appended(topic: string, message: Message, prepared: PreparedRecord, partition: number, batch: PendingBatch): void {
    if ((message.partition === undefined || message.partition === null) && this.custom === undefined && prepared.keyBytes === null) {
      this.sticky.appended(topic, partition, batch);
    }
  }
}
