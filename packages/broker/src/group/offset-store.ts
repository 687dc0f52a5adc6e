import type { OffsetCommitValue } from "./group-records.js";

/**
 * OffsetStore holds committed offsets: group -> topic -> partition -> offset. Only replay changes
 * it, so it holds exactly the commits that were replicated before they were acknowledged.
 */
export class OffsetStore {
  readonly #groups = new Map<string, Map<string, Map<number, OffsetCommitValue>>>();

  /** get returns one committed offset. */
  get(groupId: string, topic: string, partition: number): OffsetCommitValue | undefined {
    return this.#groups.get(groupId)?.get(topic)?.get(partition);
  }

  /** hasGroup tells whether the group has any committed offset. */
  hasGroup(groupId: string): boolean {
    return this.#groups.has(groupId);
  }

  /** groupIds lists the groups with committed offsets. */
  groupIds(): IterableIterator<string> {
    return this.#groups.keys();
  }

  /** offsetsOf lists a group's committed offsets by topic then partition. */
  offsetsOf(groupId: string): { readonly topic: string; readonly partition: number; readonly value: OffsetCommitValue }[] {
    const topics = this.#groups.get(groupId);
    if (topics === undefined) return [];
    return [...topics.keys()].sort().flatMap((topic) => {
      const partitions = topics.get(topic)!;
      return [...partitions.keys()].sort((a, b) => a - b).map((partition) => ({ topic, partition, value: partitions.get(partition)! }));
    });
  }

  /** replay applies an offset-commit record: a value commits, null deletes. */
  replay(groupId: string, topic: string, partition: number, value: OffsetCommitValue | null): void {
    let topics = this.#groups.get(groupId);
    if (value === null) {
      const partitions = topics?.get(topic);
      if (partitions === undefined) return;
      partitions.delete(partition);
      if (partitions.size === 0) topics!.delete(topic);
      if (topics!.size === 0) this.#groups.delete(groupId);
      return;
    }
    if (topics === undefined) this.#groups.set(groupId, (topics = new Map()));
    let partitions = topics.get(topic);
    if (partitions === undefined) topics.set(topic, (partitions = new Map()));
    partitions.set(partition, value);
  }
}
