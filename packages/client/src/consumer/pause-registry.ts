import { partitionKey, type PartitionItem } from "../cluster/route-to-leaders.js";
import type { TopicPartitionList, TopicPartitionsInput } from "./consumer-types.js";
import { checkPartition, groupByTopic } from "./topic-partitions.js";

/**
 * PauseRegistry remembers what the application paused: whole topics (including partitions
 * assigned later) and single partitions. Pauses outlive assignments and runs, as in KafkaJS: a
 * paused partition that comes back after a rebalance is still paused.
 */
export class PauseRegistry {
  /** wholeTopics maps a topic paused as a whole to the partitions resumed since. */
  private readonly wholeTopics = new Map<string, Set<number>>();
  private readonly partitions = new Map<string, PartitionItem>();

  /** pause pauses whole topics (no `partitions`) or the listed partitions. */
  pause(list: readonly TopicPartitionsInput[]): void {
    for (const { topic, partitions } of list) {
      if (partitions === undefined) {
        checkPartition(topic, 0);
        this.wholeTopics.set(topic, new Set());
        continue;
      }
      for (const partition of partitions) {
        checkPartition(topic, partition);
        const resumed = this.wholeTopics.get(topic);
        if (resumed !== undefined) resumed.delete(partition);
        else this.partitions.set(partitionKey(topic, partition), { topic, partition });
      }
    }
  }

  /** resume resumes whole topics (no `partitions`: every pause of the topic ends) or the listed partitions. */
  resume(list: readonly TopicPartitionsInput[]): void {
    for (const { topic, partitions } of list) {
      if (partitions === undefined) {
        this.wholeTopics.delete(topic);
        for (const [key, item] of this.partitions) if (item.topic === topic) this.partitions.delete(key);
        continue;
      }
      for (const partition of partitions) {
        checkPartition(topic, partition);
        this.wholeTopics.get(topic)?.add(partition);
        this.partitions.delete(partitionKey(topic, partition));
      }
    }
  }

  /** isPaused tells whether a partition is paused. */
  isPaused(topic: string, partition: number): boolean {
    const resumed = this.wholeTopics.get(topic);
    if (resumed !== undefined && !resumed.has(partition)) return true;
    return this.partitions.has(partitionKey(topic, partition));
  }

  /** paused lists the paused partitions: those paused one by one, and the `owned` ones of topics paused whole. */
  paused(owned: Iterable<PartitionItem>): TopicPartitionList[] {
    const items = [...this.partitions.values()];
    for (const item of owned) if (this.isPaused(item.topic, item.partition)) items.push(item);
    return groupByTopic(items);
  }
}
