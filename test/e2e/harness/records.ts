import { decodeRecordBatches, encodeRecordBatch } from "@tributary/client";
import { errorFromWire, unaryCall } from "@tributary/client/internal/wire";
import type { BrokerHandle, TestCluster } from "./cluster.js";
import { waitFor } from "./wait.js";

/** SAFE_TO_RETRY are errors after which nothing was written, so a plain producer may resend. */
const SAFE_TO_RETRY = new Set(["NOT_LEADER_OR_FOLLOWER", "LEADER_NOT_AVAILABLE", "UNKNOWN_TOPIC_OR_PARTITION", "NOT_ENOUGH_REPLICAS", "UNKNOWN_LEADER_EPOCH"]);

/**
 * produceValuesToLeader sends `values` as one batch to whichever broker leads the partition,
 * following leadership until it is accepted (only after errors that guarantee nothing was written).
 */
export async function produceValuesToLeader(cluster: TestCluster, topic: string, partition: number, values: readonly string[], options: { acks?: number; timeoutMs?: number } = {}): Promise<bigint> {
  return waitFor(`${topic}-${partition} to accept a write`, async () => {
    const leader = await cluster.partitionLeader(topic, partition);
    try {
      return await produceValues(leader, topic, partition, values, options);
    } catch (error) {
      if (SAFE_TO_RETRY.has((error as { code?: string }).code ?? "") || (error as { code?: string }).code === "NETWORK_EXCEPTION") return undefined;
      throw error;
    }
  });
}

/** produceValues sends `values` as one batch to `broker` and returns the base offset. */
export async function produceValues(
  broker: BrokerHandle,
  topic: string,
  partition: number,
  values: readonly string[],
  options: { acks?: number; timeoutMs?: number; producer?: { producerId: bigint; producerEpoch: number; baseSequence: number } } = {},
): Promise<bigint> {
  const records = await encodeRecordBatch({
    records: values.map((value) => ({ key: null, value: Buffer.from(value) })),
    ...(options.producer === undefined ? {} : options.producer),
  });
  const response = await unaryCall(
    broker.client,
    "Produce",
    { acks: options.acks ?? -1, timeoutMs: options.timeoutMs ?? 10_000, topics: [{ name: topic, partitions: [{ partition, records }] }] },
    (options.timeoutMs ?? 10_000) + 5_000,
  );
  const result = response.topics[0]?.partitions[0];
  const error = errorFromWire(result?.error);
  if (error !== null) throw error;
  return BigInt(result!.baseOffset);
}

/** readAll fetches every committed record of a partition from its leader, in order. */
export async function readAll(broker: BrokerHandle, topic: string, partition: number): Promise<{ offset: bigint; value: string }[]> {
  const out: { offset: bigint; value: string }[] = [];
  let offset = 0n;
  for (;;) {
    const response = await unaryCall(
      broker.client,
      "Fetch",
      {
        replicaId: -1,
        maxWaitMs: 0,
        minBytes: 0,
        maxBytes: 8 << 20,
        topics: [{ name: topic, partitions: [{ partition, fetchOffset: offset.toString(), partitionMaxBytes: 8 << 20, currentLeaderEpoch: -1, lastFetchedEpoch: -1, logStartOffset: "-1", durableEndOffset: "-1" }] }],
      },
      10_000,
    );
    const result = response.topics[0]?.partitions[0];
    const error = errorFromWire(result?.error);
    if (error !== null) throw error;
    const batches = await decodeRecordBatches(result!.records);
    for (const batch of batches) for (const record of batch.records) if (record.offset >= offset) out.push({ offset: record.offset, value: record.value?.toString() ?? "" });
    const next = out.length > 0 ? out[out.length - 1]!.offset + 1n : offset;
    if (next >= BigInt(result!.highWatermark) || batches.length === 0) return out;
    offset = next;
  }
}

/** createTopic creates a topic through any broker and waits until every partition has a leader. */
export async function createTopic(cluster: TestCluster, name: string, partitions: number, replicationFactor: number, configs: Record<string, string> = {}): Promise<void> {
  const response = await waitFor(`topic ${name} to be created`, () =>
    unaryCall(
      cluster.anyBroker().client,
      "CreateTopics",
      { topics: [{ name, numPartitions: partitions, replicationFactor, configs: Object.entries(configs).map(([key, value]) => ({ name: key, value })) }] },
      10_000,
    ),
  );
  const error = errorFromWire(response.topics[0]?.error);
  if (error !== null) throw error;
  for (let partition = 0; partition < partitions; partition++) await cluster.partitionLeader(name, partition);
}

/** committedState describes a partition as its leader reports it. */
export async function partitionState(cluster: TestCluster, topic: string, partition: number): Promise<{ leader: number; isr: number[]; leaderEpoch: number }> {
  const metadata = await unaryCall(cluster.anyBroker().client, "Metadata", { topics: [topic] }, 5_000);
  const state = metadata.topics[0]?.partitions.find((candidate) => candidate.partition === partition);
  if (state === undefined) throw new Error(`no partition ${topic}-${partition}`);
  return { leader: state.leader, isr: [...state.isr].sort(), leaderEpoch: state.leaderEpoch };
}

/** waitForIsr waits until the partition's ISR is exactly `members` (any order). */
export async function waitForIsr(cluster: TestCluster, topic: string, partition: number, members: readonly number[], timeoutMs = 60_000): Promise<void> {
  const wanted = [...members].sort().join(",");
  await waitFor(`${topic}-${partition} ISR to be ${wanted}`, async () => ((await partitionState(cluster, topic, partition)).isr.join(",") === wanted ? true : undefined), timeoutMs);
}
