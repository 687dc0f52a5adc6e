import type { Cluster } from "../cluster/cluster.js";
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets } from "../cluster/list-offsets.js";
import type { PartitionItem } from "../cluster/route-to-leaders.js";
import type { OffsetCommitter } from "./offset-committer.js";

/** PolicyItem is a partition and its reset policy. */
export interface PolicyItem extends PartitionItem {
  readonly key: string;
  /** fromBeginning: earliest (true) or latest (false). */
  readonly fromBeginning: boolean;
}

/** StartOffset is where a partition starts and why. */
export interface StartOffset {
  readonly offset: bigint;
  /** committed tells whether the offset is the group's committed offset (else the reset policy's). */
  readonly committed: boolean;
}

/**
 * findStartOffsets finds where newly assigned partitions start: the group's committed offset
 * where there is one, else the earliest or latest offset by each partition's reset policy
 * (fromBeginning applies only without a committed offset, as in Kafka). Keyed by "topic-partition".
 */
export async function findStartOffsets(cluster: Cluster, committer: OffsetCommitter | undefined, items: readonly PolicyItem[]): Promise<Map<string, StartOffset>> {
  const starts = new Map<string, StartOffset>();
  const committed = committer === undefined ? new Map() : await committer.fetchCommitted(items);
  for (const [key, found] of committed) starts.set(key, { offset: found.offset, committed: true });
  const missing = items.filter((item) => !starts.has(item.key));
  const reset = await resetOffsets(cluster, missing);
  for (const [key, offset] of reset) starts.set(key, { offset, committed: false });
  return starts;
}

/** resetOffsets looks up the earliest or latest offset of each partition, by its policy. Keyed by "topic-partition". */
export async function resetOffsets(cluster: Cluster, items: readonly PolicyItem[]): Promise<Map<string, bigint>> {
  const earliest = items.filter((item) => item.fromBeginning);
  const latest = items.filter((item) => !item.fromBeginning);
  const [fromStart, fromEnd] = await Promise.all([
    earliest.length === 0 ? new Map<string, bigint>() : listOffsets(cluster, earliest, EARLIEST_TIMESTAMP),
    latest.length === 0 ? new Map<string, bigint>() : listOffsets(cluster, latest, LATEST_TIMESTAMP),
  ]);
  return new Map([...fromStart, ...fromEnd]);
}
