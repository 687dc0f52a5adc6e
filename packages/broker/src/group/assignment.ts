/**
 * Assignment is a set of partitions keyed by topic id: what a member owns, is asked to revoke, or
 * is the target of. Topic ids, not names, so that a topic deleted and re-created under the same name
 * is a different topic (KIP-848 keys assignments by topic id too).
 *
 * Invariant: no topic maps to an empty set. Values are treated as immutable: every helper returns a
 * new map, so an assignment can be shared between the state, records and responses.
 */
export type Assignment = ReadonlyMap<string, ReadonlySet<number>>;

/** TopicAssignment is one topic of an {@link Assignment} in list form, partitions ascending. */
export interface TopicAssignment {
  readonly topicId: string;
  readonly partitions: readonly number[];
}

/** EMPTY_ASSIGNMENT holds no partition. */
export const EMPTY_ASSIGNMENT: Assignment = new Map();

/** assignmentOf builds an assignment from (topic id, partitions) pairs, merging repeats and dropping empty topics. */
export function assignmentOf(entries: Iterable<readonly [string, Iterable<number>]>): Assignment {
  const result = new Map<string, Set<number>>();
  for (const [topicId, partitions] of entries) {
    for (const partition of partitions) {
      let set = result.get(topicId);
      if (set === undefined) result.set(topicId, (set = new Set()));
      set.add(partition);
    }
  }
  return result;
}

/** assignmentFromList is the inverse of {@link assignmentToList}. */
export function assignmentFromList(list: readonly TopicAssignment[]): Assignment {
  return assignmentOf(list.map((topic) => [topic.topicId, topic.partitions] as const));
}

/** assignmentToList lists an assignment by topic id, partitions ascending: a canonical form for records and comparisons. */
export function assignmentToList(assignment: Assignment): TopicAssignment[] {
  return [...assignment.keys()]
    .sort()
    .map((topicId) => ({ topicId, partitions: [...assignment.get(topicId)!].sort((a, b) => a - b) }));
}

/** assignmentSize counts the partitions of an assignment. */
export function assignmentSize(assignment: Assignment): number {
  let size = 0;
  for (const partitions of assignment.values()) size += partitions.size;
  return size;
}

/** hasPartition tells whether the assignment holds one partition. */
export function hasPartition(assignment: Assignment, topicId: string, partition: number): boolean {
  return assignment.get(topicId)?.has(partition) ?? false;
}

/** isSubset tells whether every partition of `a` is in `b`. */
export function isSubset(a: Assignment, b: Assignment): boolean {
  for (const [topicId, partitions] of a) {
    const other = b.get(topicId);
    for (const partition of partitions) if (other?.has(partition) !== true) return false;
  }
  return true;
}

/** intersects tells whether `a` and `b` share a partition. */
export function intersects(a: Assignment, b: Assignment): boolean {
  for (const [topicId, partitions] of a) {
    const other = b.get(topicId);
    if (other === undefined) continue;
    for (const partition of partitions) if (other.has(partition)) return true;
  }
  return false;
}

/** assignmentsEqual tells whether two assignments hold the same partitions. */
export function assignmentsEqual(a: Assignment, b: Assignment): boolean {
  return assignmentSize(a) === assignmentSize(b) && isSubset(a, b);
}

/** assignmentUnion is every partition of `a` or `b`. */
export function assignmentUnion(a: Assignment, b: Assignment): Assignment {
  return assignmentOf([...a, ...b]);
}

/** forEachPartition calls `visit` for every partition, topics and partitions in no particular order. */
export function forEachPartition(assignment: Assignment, visit: (topicId: string, partition: number) => void): void {
  for (const [topicId, partitions] of assignment) for (const partition of partitions) visit(topicId, partition);
}
