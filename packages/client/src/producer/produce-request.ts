import { partitionKey } from "../cluster/route-to-leaders.js";
import type { ProducePartitionResult__Output } from "../generated/tributary/v1/ProducePartitionResult.js";
import type { ProduceRequest } from "../generated/tributary/v1/ProduceRequest.js";
import type { ProduceResponse__Output } from "../generated/tributary/v1/ProduceResponse.js";
import { assert } from "../util/assert.js";
import type { BatchLane, PendingBatch } from "./pending-batch.js";

/** buildProduceRequest puts batches (one per partition, all of one lane) in one Produce request. */
export function buildProduceRequest(batches: readonly PendingBatch[], lane: BatchLane): ProduceRequest {
  const topics = new Map<string, { partition: number; records: Buffer }[]>();
  for (const batch of batches) {
    const records = batch.encoded;
    assert(records !== undefined, `batch ${batch.id} is sent before it is encoded`);
    topics.set(batch.topic, [...(topics.get(batch.topic) ?? []), { partition: batch.partition, records }]);
  }
  return { acks: lane.acks, timeoutMs: lane.timeoutMs, topics: [...topics].map(([name, partitions]) => ({ name, partitions })) };
}

/** resultsByPartition indexes a Produce response's partition results by "topic-partition". */
export function resultsByPartition(response: ProduceResponse__Output): Map<string, ProducePartitionResult__Output> {
  const results = new Map<string, ProducePartitionResult__Output>();
  for (const topic of response.topics) for (const result of topic.partitions) results.set(partitionKey(topic.name, result.partition), result);
  return results;
}
