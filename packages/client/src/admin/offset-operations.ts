import type { Cluster } from "../cluster/cluster.js";
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets } from "../cluster/list-offsets.js";
import { partitionKey, routeToLeaders, type PartitionItem } from "../cluster/route-to-leaders.js";
import { errorFromWire } from "../wire/wire-errors.js";
import type { DeleteTopicRecordsOptions, PartitionOffsets } from "./admin-types.js";
import { DEFAULT_ADMIN_TIMEOUT_MS } from "./topic-operations.js";

async function partitionsOf(cluster: Cluster, topic: string): Promise<PartitionItem[]> {
  const info = await cluster.requireTopic(topic);
  return info.partitions.map((partition) => ({ topic, partition: partition.partition }));
}

/** fetchTopicOffsets reports each partition's high watermark (`offset` and `high`) and log start (`low`). */
export async function fetchTopicOffsets(cluster: Cluster, topic: string): Promise<PartitionOffsets[]> {
  const items = await partitionsOf(cluster, topic);
  const [latest, earliest] = await Promise.all([listOffsets(cluster, items, LATEST_TIMESTAMP), listOffsets(cluster, items, EARLIEST_TIMESTAMP)]);
  return items.map(({ partition }) => {
    const key = partitionKey(topic, partition);
    const high = latest.get(key) ?? -1n;
    return { partition, offset: high, high, low: earliest.get(key) ?? -1n };
  });
}

/**
 * fetchTopicOffsetsByTimestamp returns, per partition, the first offset whose record timestamp is
 * at or after `timestampMs`; partitions with no such record get their high watermark (where a
 * consumer reset to that time would start). Without a timestamp, the high watermarks.
 */
export async function fetchTopicOffsetsByTimestamp(cluster: Cluster, topic: string, timestampMs?: number): Promise<{ partition: number; offset: bigint }[]> {
  const items = await partitionsOf(cluster, topic);
  const latest = await listOffsets(cluster, items, LATEST_TIMESTAMP);
  const byTime = timestampMs === undefined ? latest : await listOffsets(cluster, items, BigInt(timestampMs));
  return items.map(({ partition }) => {
    const key = partitionKey(topic, partition);
    const offset = byTime.get(key) ?? -1n;
    return { partition, offset: offset >= 0n ? offset : (latest.get(key) ?? -1n) };
  });
}

/**
 * deleteTopicRecords advances partitions' log start offsets, deleting the records before them
 * (-1n: everything below the high watermark). Returns the new log start offsets.
 */
export async function deleteTopicRecords(cluster: Cluster, options: DeleteTopicRecordsOptions): Promise<{ partition: number; lowWatermark: bigint }[]> {
  const items = options.partitions.map((entry) => ({ topic: options.topic, partition: entry.partition, offset: entry.offset }));
  const timeoutMs = options.timeout ?? DEFAULT_ADMIN_TIMEOUT_MS;
  const results = await routeToLeaders(cluster, "DeleteRecords", items, async (connection, group) => {
    const response = await connection.deleteRecords({
      timeoutMs,
      topics: [{ name: options.topic, partitions: group.map((item) => ({ partition: item.partition, offset: String(item.offset) })) }],
    });
    return response.topics.flatMap((topic) =>
      topic.partitions.map((partition) => ({ topic: topic.name, partition: partition.partition, error: errorFromWire(partition.error), result: BigInt(partition.lowWatermark) })),
    );
  });
  return items.map((item) => ({ partition: item.partition, lowWatermark: results.get(partitionKey(item.topic, item.partition)) ?? -1n }));
}
