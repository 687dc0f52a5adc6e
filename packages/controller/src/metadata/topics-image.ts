import { assert } from "@tributary/client/internal/assert";
import { applyPartitionChange, partitionFromRecord, partitionShapeProblem, partitionToRecord, type PartitionState } from "./partition-state.js";
import type { MetadataRecord, PartitionChangeRecord, PartitionRecord, RemoveTopicRecord, TopicRecord } from "./records.js";

/** TopicImage is one topic and its partitions, indexed by partition number. */
export interface TopicImage {
  readonly name: string;
  readonly topicId: string;
  /** partitions[i] is partition i. Invariant: partitions are numbered 0..n-1 without gaps. */
  readonly partitions: readonly PartitionState[];
}

/** TopicsView is the read side of the topic registry. */
export interface TopicsView {
  /** topicByName returns the topic called `name`, if any. */
  topicByName(name: string): TopicImage | undefined;
  /** topicById returns the topic with id `topicId`, if any. */
  topicById(topicId: string): TopicImage | undefined;
  /** topics lists every topic, by name. */
  topics(): TopicImage[];
  /** partition returns one partition, if its topic and number exist. */
  partition(topicId: string, partition: number): PartitionState | undefined;
  /** allPartitions iterates over every partition of every topic. */
  allPartitions(): IterableIterator<PartitionState>;
  /** partitionCount is the number of partitions in the cluster. */
  readonly partitionCount: number;
}

interface MutableTopic {
  readonly name: string;
  readonly topicId: string;
  readonly partitions: PartitionState[];
}

/** TopicsRecord is a record that TopicsImage replays. */
export type TopicsRecord = TopicRecord | RemoveTopicRecord | PartitionRecord | PartitionChangeRecord;

/**
 * TopicsImage holds topics and partitions. Only {@link TopicsImage.replay} changes it. Partition
 * states are immutable values; a topic's partition list is updated in place, so a caller that needs
 * a stable list copies it.
 */
export class TopicsImage implements TopicsView {
  readonly #byId = new Map<string, MutableTopic>();
  readonly #idByName = new Map<string, string>();
  #partitionCount = 0;

  get partitionCount(): number {
    return this.#partitionCount;
  }

  topicByName(name: string): TopicImage | undefined {
    const topicId = this.#idByName.get(name);
    return topicId === undefined ? undefined : this.#byId.get(topicId);
  }

  topicById(topicId: string): TopicImage | undefined {
    return this.#byId.get(topicId);
  }

  topics(): TopicImage[] {
    return [...this.#byId.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  partition(topicId: string, partition: number): PartitionState | undefined {
    return this.#byId.get(topicId)?.partitions[partition];
  }

  *allPartitions(): IterableIterator<PartitionState> {
    for (const topic of this.#byId.values()) yield* topic.partitions;
  }

  /**
   * replay applies one topic or partition record and returns the partition it created or changed,
   * so that the caller can check the invariants that involve brokers.
   */
  replay(record: TopicsRecord): PartitionState | undefined {
    switch (record.type) {
      case "topic":
        assert(!this.#idByName.has(record.name), `topic ${record.name} created twice`);
        assert(!this.#byId.has(record.topicId), `topic id ${record.topicId} reused`);
        this.#byId.set(record.topicId, { name: record.name, topicId: record.topicId, partitions: [] });
        this.#idByName.set(record.name, record.topicId);
        return undefined;
      case "remove-topic": {
        const topic = this.#byId.get(record.topicId);
        assert(topic !== undefined, `removing unknown topic ${record.topicId}`);
        this.#byId.delete(record.topicId);
        this.#idByName.delete(topic.name);
        this.#partitionCount -= topic.partitions.length;
        return undefined;
      }
      case "partition": {
        const topic = this.#byId.get(record.topicId);
        assert(topic !== undefined, `partition of unknown topic ${record.topicId}`);
        // Partitions are created in order, so a topic's partitions are always 0..n-1.
        assert(record.partition === topic.partitions.length, `partition ${record.partition} created out of order`);
        const state = partitionFromRecord(record);
        assertShape(state);
        topic.partitions.push(state);
        this.#partitionCount += 1;
        return state;
      }
      case "partition-change": {
        const topic = this.#byId.get(record.topicId);
        const current = topic?.partitions[record.partition];
        assert(topic !== undefined && current !== undefined, `change to unknown partition ${record.topicId}/${record.partition}`);
        const next = applyPartitionChange(current, record);
        assertShape(next);
        topic.partitions[record.partition] = next;
        return next;
      }
    }
  }

  /** toSnapshotRecords restates every topic, then what `afterTopic` returns for it (its configs), then its partitions. */
  toSnapshotRecords(afterTopic: (topic: TopicImage) => readonly MetadataRecord[]): MetadataRecord[] {
    const records: MetadataRecord[] = [];
    for (const topic of this.topics()) {
      records.push({ type: "topic", name: topic.name, topicId: topic.topicId });
      records.push(...afterTopic(topic));
      for (const partition of topic.partitions) records.push(partitionToRecord(partition));
    }
    return records;
  }
}

function assertShape(state: PartitionState): void {
  const problem = partitionShapeProblem(state.replicas, state.isr, state.leader);
  assert(problem === null, `partition ${state.topicId}/${state.partition}: ${problem}`);
}
