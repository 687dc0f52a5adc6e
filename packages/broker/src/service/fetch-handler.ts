import { TributaryError } from "@tributary/client/internal/errors";
import type { MetadataImage } from "@tributary/controller/internal/metadata";
import type { FetchRequest__Output } from "@tributary/client/internal/generated/tributary/v1/FetchRequest";
import type { FetchResponse } from "@tributary/client/internal/generated/tributary/v1/FetchResponse";
import type { FetchPartitionResult } from "@tributary/client/internal/generated/tributary/v1/FetchPartitionResult";
import { errorToWire, NO_ERROR } from "@tributary/client/internal/wire";
import { OffsetOutOfRangeError } from "../log/log-errors.js";
import type { Partition, PartitionFetchResult } from "../replica/partition.js";
import type { ReplicaManager } from "../replica/replica-manager.js";
import { parseOffset } from "./request-values.js";
import type { DataWaiter } from "./waiters.js";

/** FetchContext is what the fetch path needs from the broker. */
export interface FetchContext {
  readonly replicas: ReplicaManager;
  readonly image: () => MetadataImage;
  readonly dataWaiter: DataWaiter;
  /** fetch.max.bytes: the cap on one response, whatever the request asks. */
  readonly responseBytesMax: number;
  /** The longest long-poll honoured. */
  readonly maxWaitMsMax: number;
}

interface Target {
  readonly topic: string;
  readonly partitionId: number;
  readonly fetchOffset: bigint;
  readonly partitionMaxBytes: number;
  readonly currentLeaderEpoch: number;
  readonly lastFetchedEpoch: number;
  readonly durableEndOffset: bigint;
  readonly partition: Partition | undefined;
  readonly error: TributaryError | undefined;
}

/**
 * handleFetch serves consumers (records below the high watermark) and follower replicas (up to
 * the log end, recording their progress) from partition leaders. Stored batches are returned as
 * they are. A response holds at most the request's max bytes (capped by fetch.max.bytes), but
 * always the first available batch so a consumer never stalls on a large one (KIP-74). With
 * less than min_bytes available it long-polls up to max_wait_ms, woken when data arrives.
 */
export async function handleFetch(request: FetchRequest__Output, context: FetchContext): Promise<FetchResponse> {
  const image = context.image();
  const isFollower = request.replicaId >= 0;
  if (isFollower) {
    const broker = image.cluster.broker(request.replicaId);
    if (broker === undefined) throw new TributaryError("BROKER_ID_NOT_REGISTERED", `replica ${request.replicaId} is not a registered broker`);
    if (String(broker.brokerEpoch) !== request.replicaEpoch) {
      throw new TributaryError("STALE_BROKER_EPOCH", `replica ${request.replicaId} fetched with epoch ${request.replicaEpoch}, not ${broker.brokerEpoch}`);
    }
  }
  if (request.maxBytes < 0 || request.minBytes < 0 || request.maxWaitMs < 0) {
    throw new TributaryError("INVALID_FETCH_SIZE", "max_bytes, min_bytes and max_wait_ms must not be negative");
  }
  const targets: Target[] = request.topics.flatMap((topic) =>
    topic.partitions.map((requested) => {
      const base = {
        topic: topic.name,
        partitionId: requested.partition,
        partitionMaxBytes: requested.partitionMaxBytes,
        currentLeaderEpoch: requested.currentLeaderEpoch,
        lastFetchedEpoch: requested.lastFetchedEpoch,
      };
      try {
        if (requested.partitionMaxBytes < 0) throw new TributaryError("INVALID_FETCH_SIZE", `partition_max_bytes ${requested.partitionMaxBytes} is negative`);
        return {
          ...base,
          fetchOffset: parseOffset(requested.fetchOffset, "fetch_offset"),
          durableEndOffset: parseOffset(requested.durableEndOffset, "durable_end_offset", -1n),
          partition: context.replicas.leaderPartitionOrThrow(topic.name, requested.partition, image),
          error: undefined,
        };
      } catch (error) {
        return { ...base, fetchOffset: -1n, durableEndOffset: -1n, partition: undefined, error: TributaryError.from(error) };
      }
    }),
  );
  const responseBytesMax = Math.min(request.maxBytes === 0 ? context.responseBytesMax : request.maxBytes, context.responseBytesMax);
  const maxWaitMs = Math.min(request.maxWaitMs, context.maxWaitMsMax);
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const results = await readAll(targets, request, responseBytesMax);
    const totalBytes = results.reduce((sum, result) => sum + (result.records?.length ?? 0), 0);
    const remainingMs = deadline - Date.now();
    const interesting = results.some((result) => result.error?.name !== "NONE" || result.divergingEpoch !== null);
    if (totalBytes >= Math.max(request.minBytes, 1) || remainingMs <= 0 || interesting) return respond(targets, results);
    // Wake on data past what this read saw, not past the fetch offset: with min_bytes above what is
    // there, the next wait must not be satisfied by the same data again.
    const waits = targets.flatMap((target) => {
      const partition = target.partition;
      if (partition === undefined) return [];
      const seen = isFollower ? partition.log.logEndOffset : partition.log.highWatermark;
      return [{ partition, fetchOffset: seen > target.fetchOffset ? seen : target.fetchOffset, follower: isFollower }];
    });
    await context.dataWaiter.waitForData(waits, remainingMs);
  }
}

async function readAll(targets: readonly Target[], request: FetchRequest__Output, responseBytesMax: number): Promise<FetchPartitionResult[]> {
  let budget = responseBytesMax;
  const results: FetchPartitionResult[] = [];
  for (const target of targets) {
    results.push(await readOne(target, request, budget, results.every((result) => (result.records?.length ?? 0) === 0)));
    budget = Math.max(0, budget - (results[results.length - 1]!.records?.length ?? 0));
  }
  return results;
}

async function readOne(target: Target, request: FetchRequest__Output, budget: number, firstWithData: boolean): Promise<FetchPartitionResult> {
  const partition = target.partition;
  if (partition === undefined || target.error !== undefined) {
    return { partition: target.partitionId, error: errorToWire(target.error ?? null), highWatermark: "-1", lastStableOffset: "-1", logStartOffset: "-1", logEndOffset: "-1" };
  }
  const log = partition.log;
  // KIP-74: the first partition with data may exceed the budget by one batch; later ones may not.
  const maxBytes = firstWithData ? Math.max(1, Math.min(target.partitionMaxBytes, budget)) : Math.min(target.partitionMaxBytes, budget);
  try {
    let result: PartitionFetchResult;
    if (request.replicaId >= 0) {
      result = await partition.readForFollower({
        replicaId: request.replicaId,
        replicaEpoch: Number(request.replicaEpoch),
        fetchOffset: target.fetchOffset,
        durableEndOffset: target.durableEndOffset,
        currentLeaderEpoch: target.currentLeaderEpoch,
        lastFetchedEpoch: target.lastFetchedEpoch,
        maxBytes: maxBytes === 0 ? 0 : maxBytes,
      });
    } else {
      result = await partition.readForConsumer(target.fetchOffset, maxBytes, target.currentLeaderEpoch);
    }
    const bytes = maxBytes === 0 && !firstWithData ? Buffer.alloc(0) : (result.read?.bytes ?? Buffer.alloc(0));
    return {
      partition: target.partitionId,
      error: NO_ERROR,
      highWatermark: log.highWatermark.toString(),
      lastStableOffset: log.highWatermark.toString(),
      logStartOffset: log.logStartOffset.toString(),
      logEndOffset: log.logEndOffset.toString(),
      records: bytes,
      divergingEpoch: result.divergingEpoch === undefined ? null : { epoch: result.divergingEpoch.epoch, endOffset: result.divergingEpoch.endOffset.toString() },
      leaderEpoch: result.leaderEpoch,
    };
  } catch (error) {
    const typed = error instanceof OffsetOutOfRangeError ? error : TributaryError.from(error);
    return {
      partition: target.partitionId,
      error: errorToWire(typed),
      highWatermark: log.highWatermark.toString(),
      lastStableOffset: log.highWatermark.toString(),
      logStartOffset: log.logStartOffset.toString(),
      logEndOffset: log.logEndOffset.toString(),
    };
  }
}

function respond(targets: readonly Target[], results: readonly FetchPartitionResult[]): FetchResponse {
  const byTopic = new Map<string, FetchPartitionResult[]>();
  targets.forEach((target, index) => {
    const list = byTopic.get(target.topic) ?? [];
    list.push(results[index]!);
    byTopic.set(target.topic, list);
  });
  return { error: NO_ERROR, topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })), throttleTimeMs: 0 };
}
