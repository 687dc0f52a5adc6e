import { decodeRecordBatches } from "@tributary/client";
import type { BrokerClient } from "@tributary/client/internal/generated/tributary/v1/Broker";
import { errorFromWire, unaryCall } from "@tributary/client/internal/wire";
import type { LoggedRecord } from "./write-ledger.js";

/**
 * readPartition fetches every committed record of a partition (up to the high watermark), in
 * order, from `leader`, a client of the partition's leader. It throws the broker's error (such as
 * NOT_LEADER_OR_FOLLOWER) so a caller can look the leader up again and retry.
 */
export async function readPartition(leader: BrokerClient, topic: string, partition: number): Promise<LoggedRecord[]> {
  const out: LoggedRecord[] = [];
  let offset = 0n;
  for (;;) {
    const response = await unaryCall(
      leader,
      "Fetch",
      {
        replicaId: -1,
        maxWaitMs: 0,
        minBytes: 0,
        maxBytes: 8 << 20,
        topics: [
          {
            name: topic,
            partitions: [
              { partition, fetchOffset: offset.toString(), partitionMaxBytes: 8 << 20, currentLeaderEpoch: -1, lastFetchedEpoch: -1, logStartOffset: "-1", durableEndOffset: "-1" },
            ],
          },
        ],
      },
      10_000,
    );
    const result = response.topics[0]?.partitions[0];
    const error = errorFromWire(result?.error);
    if (error !== null) throw error;
    const highWatermark = BigInt(result!.highWatermark);
    const batches = await decodeRecordBatches(result!.records);
    for (const batch of batches) {
      for (const record of batch.records) {
        if (record.offset >= offset && record.offset < highWatermark) out.push({ offset: record.offset, value: record.value?.toString() ?? "" });
      }
    }
    const next = out.length > 0 ? out[out.length - 1]!.offset + 1n : offset;
    if (next >= highWatermark || batches.length === 0) return out;
    offset = next;
  }
}
