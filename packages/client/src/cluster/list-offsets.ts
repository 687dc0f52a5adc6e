import { errorFromWire } from "../wire/wire-errors.js";
import type { Cluster } from "./cluster.js";
import { routeToLeaders, type PartitionItem } from "./route-to-leaders.js";

/** LATEST_TIMESTAMP asks ListOffsets for the high watermark (the next offset to be written). */
export const LATEST_TIMESTAMP = -1n;
/** EARLIEST_TIMESTAMP asks ListOffsets for the log start offset. */
export const EARLIEST_TIMESTAMP = -2n;

/**
 * listOffsets asks each partition's leader for the offset matching `timestamp` (ms since the
 * epoch, or a sentinel above): the first offset whose record timestamp is at or after it, -1n
 * where there is none. Keyed by "topic-partition". Shared by the admin client (topic offsets,
 * group resets) and the consumer (reset policy).
 */
export async function listOffsets(cluster: Cluster, items: readonly PartitionItem[], timestamp: bigint): Promise<Map<string, bigint>> {
  return routeToLeaders(cluster, "ListOffsets", items, async (connection, group) => {
    const topics = new Map<string, number[]>();
    for (const item of group) topics.set(item.topic, [...(topics.get(item.topic) ?? []), item.partition]);
    const response = await connection.listOffsets({
      replicaId: -1,
      isolationLevel: "ISOLATION_LEVEL_READ_UNCOMMITTED",
      topics: [...topics].map(([name, partitions]) => ({
        name,
        partitions: partitions.map((partition) => ({ partition, currentLeaderEpoch: -1, timestamp: String(timestamp) })),
      })),
    });
    return response.topics.flatMap((topic) =>
      topic.partitions.map((partition) => ({ topic: topic.name, partition: partition.partition, error: errorFromWire(partition.error), result: BigInt(partition.offset) })),
    );
  });
}
