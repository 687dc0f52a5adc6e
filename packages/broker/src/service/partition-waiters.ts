import { TributaryError } from "@tributary/client/internal/errors";
import { DelayedFetch } from "../delayed/delayed-fetch.js";
import { DelayedProduce } from "../delayed/delayed-produce.js";
import { Purgatory } from "../purgatory/purgatory.js";
import { systemScheduler, type Scheduler } from "../purgatory/scheduler.js";
import type { Partition } from "../replica/partition.js";
import { tpKey } from "../replica/topic-partition.js";
import type { AckWait, AckWaiter, DataWait, DataWaiter } from "./waiters.js";

/** WAITING_REQUESTS_MAX bounds each purgatory; beyond it new waiting requests are refused. */
const WAITING_REQUESTS_MAX = 50_000;

/**
 * PartitionWaiters holds the requests that must wait for a partition to move — acks=all produces
 * until the high watermark passes their records, long-poll fetches until data arrives — in two
 * purgatories keyed by partition. Each partition's high-watermark and activity events re-check
 * exactly the operations watching it; deadlines are timers. Nothing polls.
 */
export class PartitionWaiters implements AckWaiter, DataWaiter {
  readonly #produce: Purgatory<string>;
  readonly #fetch: Purgatory<string>;
  readonly #watched = new WeakSet<Partition>();

  constructor(options: { scheduler?: Scheduler; onCallbackError?: (error: unknown) => void } = {}) {
    const scheduler = options.scheduler ?? systemScheduler;
    const onCallbackError = options.onCallbackError ?? (() => {});
    this.#produce = new Purgatory({ name: "produce", scheduler, watchedOperationsMax: WAITING_REQUESTS_MAX, onCallbackError });
    this.#fetch = new Purgatory({ name: "fetch", scheduler, watchedOperationsMax: WAITING_REQUESTS_MAX, onCallbackError });
  }

  /** size is the number of requests waiting. */
  get size(): number {
    return this.#produce.watchedOperations + this.#fetch.watchedOperations;
  }

  #watch(partition: Partition): string {
    const key = tpKey(partition.topic, partition.partition);
    if (!this.#watched.has(partition)) {
      this.#watched.add(partition);
      const check = () => {
        this.#produce.checkAndComplete(key);
        this.#fetch.checkAndComplete(key);
      };
      partition.onHighWatermark(check);
      partition.onActivity(check);
    }
    return key;
  }

  waitForAcks(waits: readonly AckWait[], timeoutMs: number): Promise<(TributaryError | null)[]> {
    return new Promise((resolve, reject) => {
      const operation = new DelayedProduce<Partition>({
        timeoutMs,
        partitions: waits,
        progress: { ackStatus: (partition, requiredOffset, leaderEpoch) => partition.ackStatus(requiredOffset, leaderEpoch) },
        respond: (results) =>
          resolve(
            results.map(({ partition, error }) => {
              if (error === undefined) return null;
              // Timed out with the ISR below its minimum: the write may or may not survive.
              if (error.code === "REQUEST_TIMED_OUT" && partition.underMinIsr()) {
                return new TributaryError(
                  "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
                  `the write to ${partition.topic}-${partition.partition} is on the leader but the ISR fell below min.insync.replicas; its outcome is ambiguous`,
                );
              }
              return error;
            }),
          ),
      });
      try {
        this.#produce.tryCompleteElseWatch(operation, waits.map((wait) => this.#watch(wait.partition)));
      } catch (error) {
        reject(error);
      }
    });
  }

  waitForData(waits: readonly DataWait[], maxWaitMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const operation = new DelayedFetch<DataWait>({
        maxWaitMs,
        minBytes: 1,
        partitions: waits.map((wait) => ({ partition: wait, fetchOffset: wait.fetchOffset, partitionMaxBytes: 1 })),
        progress: {
          availability: ({ partition, follower }, fetchOffset) => {
            if (!partition.isLeader) return { kind: "answer-now" };
            const end = follower ? partition.log.logEndOffset : partition.log.highWatermark;
            return { kind: "bytes", bytes: end > fetchOffset ? 1 : 0 };
          },
        },
        respond: () => resolve(),
      });
      try {
        this.#fetch.tryCompleteElseWatch(operation, waits.map((wait) => this.#watch(wait.partition)));
      } catch (error) {
        reject(error);
      }
    });
  }

  /** shutdown answers every waiting request at once (acks=all ones with SHUTTING_DOWN). */
  shutdown(): void {
    this.#produce.shutdown();
    this.#fetch.shutdown();
  }
}
