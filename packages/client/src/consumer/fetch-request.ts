import type { Cluster } from "../cluster/cluster.js";
import type { BrokerRpcRequest } from "../connection/invoke-unary.js";
import type { FetchPartition } from "../generated/tributary/v1/FetchPartition.js";
import type { ResolvedConsumerOptions } from "./consumer-options.js";
import type { PartitionState } from "./partition-state.js";

/** SentPartition is what a fetch asked of one partition, to tell its answer apart from a stale one. */
export interface SentPartition {
  readonly state: PartitionState;
  readonly generation: number;
  readonly fetchOffset: bigint;
}

/**
 * buildFetchRequest makes a consumer's Fetch for `partitions`, in the given order. The broker
 * lets the first partition with data go over the response budget by one batch and holds later
 * ones to it (KIP-74), so callers rotate the order between fetches. Each partition carries the
 * leader epoch the client's metadata knows, so a broker that moved on answers FENCED_LEADER_EPOCH
 * rather than serving from a stale view.
 */
export function buildFetchRequest(cluster: Cluster, options: ResolvedConsumerOptions, partitions: readonly SentPartition[], maxBytes: number): BrokerRpcRequest<"Fetch"> {
  // Topics in order of first appearance, partitions in the given order within them.
  const topics = new Map<string, FetchPartition[]>();
  for (const { state, fetchOffset } of partitions) {
    let list = topics.get(state.topic);
    if (list === undefined) topics.set(state.topic, (list = []));
    list.push({
      partition: state.partition,
      currentLeaderEpoch: cluster.metadata.topic(state.topic)?.partitions[state.partition]?.leaderEpoch ?? -1,
      fetchOffset: String(fetchOffset),
      partitionMaxBytes: options.maxBytesPerPartition,
      lastFetchedEpoch: -1,
      logStartOffset: "-1",
      durableEndOffset: "-1",
    });
  }
  return {
    replicaId: -1,
    replicaEpoch: "-1",
    maxWaitMs: options.maxWaitTimeMs,
    minBytes: options.minBytes,
    maxBytes,
    isolationLevel: "ISOLATION_LEVEL_READ_UNCOMMITTED",
    maxRecords: options.maxRecordsPerFetch,
    topics: [...topics].map(([name, list]) => ({ name, partitions: list })),
  };
}
