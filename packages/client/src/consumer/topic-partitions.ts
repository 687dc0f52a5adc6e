import { TributaryError } from "../errors/tributary-error.js";
import type { PartitionItem } from "../cluster/route-to-leaders.js";
import type { OffsetInput, TopicOffsets, TopicPartitionList } from "./consumer-types.js";

const INT64_MAX = 2n ** 63n - 1n;

/**
 * toOffset reads an offset given as bigint, number or decimal string.
 *
 * @throws TributaryError INVALID_REQUEST unless it is an integer in [0, 2^63).
 */
export function toOffset(input: OffsetInput, what: string): bigint {
  let offset: bigint;
  try {
    if (typeof input === "number" && !Number.isSafeInteger(input)) throw new RangeError("not a safe integer");
    offset = BigInt(input);
  } catch {
    throw new TributaryError("INVALID_REQUEST", `${what} ${String(input)} is not an integer offset`);
  }
  if (offset < 0n || offset > INT64_MAX) throw new TributaryError("INVALID_REQUEST", `${what} ${offset} is not an offset; offsets are in [0, 2^63)`);
  return offset;
}

/** checkPartition throws INVALID_REQUEST unless `partition` is a partition number. */
export function checkPartition(topic: string, partition: number): void {
  if (typeof topic !== "string" || topic.length === 0) throw new TributaryError("INVALID_REQUEST", "a topic name must be a non-empty string");
  if (!Number.isInteger(partition) || partition < 0) throw new TributaryError("INVALID_REQUEST", `partition ${String(partition)} of ${topic} is not a partition number`);
}

/** groupByTopic lists partitions grouped by topic, topics and partitions sorted, duplicates removed. */
export function groupByTopic(items: Iterable<PartitionItem>): TopicPartitionList[] {
  const byTopic = new Map<string, Set<number>>();
  for (const { topic, partition } of items) {
    let set = byTopic.get(topic);
    if (set === undefined) byTopic.set(topic, (set = new Set()));
    set.add(partition);
  }
  return [...byTopic]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
}

/** groupOffsetsByTopic lists offsets grouped by topic, sorted. */
export function groupOffsetsByTopic(items: Iterable<PartitionItem & { readonly offset: bigint }>): TopicOffsets[] {
  const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
  for (const { topic, partition, offset } of items) {
    let list = byTopic.get(topic);
    if (list === undefined) byTopic.set(topic, (list = []));
    list.push({ partition, offset });
  }
  return [...byTopic]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([topic, partitions]) => ({ topic, partitions: partitions.sort((a, b) => a.partition - b.partition) }));
}
