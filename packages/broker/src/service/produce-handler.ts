import { TributaryError } from "@tributary/client/internal/errors";
import { CorruptRecordError } from "@tributary/client/internal/record";
import type { MetadataImage } from "@tributary/controller/internal/metadata";
import type { ProduceRequest__Output } from "@tributary/client/internal/generated/tributary/v1/ProduceRequest";
import type { ProduceResponse } from "@tributary/client/internal/generated/tributary/v1/ProduceResponse";
import { errorToWire, NO_ERROR } from "@tributary/client/internal/wire";
import type { ReplicaManager } from "../replica/replica-manager.js";
import type { Partition } from "../replica/partition.js";
import type { AckWait, AckWaiter } from "./waiters.js";

/** ProduceContext is what the produce path needs from the broker. */
export interface ProduceContext {
  readonly replicas: ReplicaManager;
  readonly image: () => MetadataImage;
  readonly ackWaiter: AckWaiter;
  /** Whether acks=all waits for fsync on every ISR member (the leader starts its fsync here). */
  readonly flushBeforeAck: boolean;
  /** The largest produce request timeout honoured, so a request cannot pin memory forever. */
  readonly requestTimeoutMsMax: number;
}

interface PartitionOutcome {
  readonly partition: number;
  error: TributaryError | null;
  baseOffset: bigint;
  wait: AckWait | undefined;
}

function asProduceError(error: unknown): TributaryError {
  if (error instanceof CorruptRecordError) return new TributaryError("CORRUPT_MESSAGE", error.message, { cause: error });
  return TributaryError.from(error);
}

/**
 * handleProduce appends each partition's batches on its leader and answers per partition. With
 * acks=all the answer waits until the high watermark passes the appended records (they are then
 * on every in-sync replica, fsynced unless configured otherwise); with acks=1 it answers after
 * the leader's append; with acks=0 the caller answers at once and this runs on unobserved.
 */
export async function handleProduce(request: ProduceRequest__Output, context: ProduceContext): Promise<ProduceResponse> {
  if (request.acks !== 0 && request.acks !== 1 && request.acks !== -1) {
    throw new TributaryError("INVALID_REQUIRED_ACKS", `acks must be 0, 1 or -1 (all), got ${request.acks}`);
  }
  const image = context.image();
  const topics = await Promise.all(
    request.topics.map(async (topic) => ({
      name: topic.name,
      outcomes: await Promise.all(
        topic.partitions.map(async (requested): Promise<PartitionOutcome> => {
          const outcome: PartitionOutcome = { partition: requested.partition, error: null, baseOffset: -1n, wait: undefined };
          try {
            if (requested.records.length === 0) throw new TributaryError("INVALID_RECORD", "a produce request carried no record batches");
            const partition: Partition = context.replicas.leaderPartitionOrThrow(topic.name, requested.partition, image);
            const info = await partition.appendAsLeader(requested.records, request.acks);
            outcome.baseOffset = info.firstOffset;
            if (request.acks === -1) {
              if (context.flushBeforeAck) void partition.log.flush().catch(() => undefined);
              outcome.wait = { partition, requiredOffset: info.lastOffset + 1n, leaderEpoch: partition.leaderEpoch };
            }
          } catch (error) {
            outcome.error = asProduceError(error);
          }
          return outcome;
        }),
      ),
    })),
  );
  const waiting = topics.flatMap((topic) => topic.outcomes.filter((outcome) => outcome.wait !== undefined));
  if (waiting.length > 0) {
    const timeoutMs = Math.min(Math.max(request.timeoutMs, 0), context.requestTimeoutMsMax);
    const results = await context.ackWaiter.waitForAcks(waiting.map((outcome) => outcome.wait!), timeoutMs);
    waiting.forEach((outcome, index) => (outcome.error = results[index] ?? null));
  }
  return {
    topics: topics.map((topic) => ({
      name: topic.name,
      partitions: topic.outcomes.map((outcome) => ({
        partition: outcome.partition,
        error: outcome.error === null ? NO_ERROR : errorToWire(outcome.error),
        baseOffset: outcome.error === null ? outcome.baseOffset.toString() : "-1",
        logAppendTimeMs: "-1",
        logStartOffset: outcome.wait?.partition.log.logStartOffset.toString() ?? "-1",
      })),
    })),
    throttleTimeMs: 0,
  };
}
