import type { BrokerClient } from "@tributary/client/internal/generated/tributary/v1/Broker";
import type { FetchPartitionResult__Output } from "@tributary/client/internal/generated/tributary/v1/FetchPartitionResult";
import { errorFromWire, unaryCall } from "@tributary/client/internal/wire";
import { UnexpectedAppendOffsetError } from "../log/log-errors.js";
import type { Partition } from "./partition.js";
import { tpKey } from "./topic-partition.js";

/** ReplicaFetcherOptions configures one {@link ReplicaFetcher}. */
export interface ReplicaFetcherOptions {
  readonly brokerId: number;
  /** The broker epoch to fetch with (the leader records it for ISR proposals, KIP-903). */
  readonly brokerEpoch: () => number;
  readonly sourceBrokerId: number;
  readonly client: BrokerClient;
  readonly maxWaitMs: number;
  readonly partitionMaxBytes: number;
  readonly responseMaxBytes: number;
  /** Back-off after a failed fetch or a partition error, before asking again. */
  readonly backoffMs: number;
  /** Whether the follower fsyncs what it appends before its next fetch reports it durable. */
  readonly flushBeforeAck: boolean;
  readonly onError?: (message: string) => void;
}

interface FetchState {
  readonly partition: Partition;
  /** The leader epoch this follower fetches in; the leader rejects anything else. */
  leaderEpoch: number;
  /** No fetch for this partition before this time (after an error). */
  delayedUntilMs: number;
}

/**
 * ReplicaFetcher is one follower's fetch loop against one source broker (Kafka's
 * ReplicaFetcherThread): one Fetch request carries every partition this broker follows from that
 * leader. For each partition it appends what the leader returns with the leader's offsets, makes
 * it durable before reporting it, adopts the leader's high watermark, and on a divergence by epoch
 * truncates to where the logs agree — never to its high watermark (KIP-101, KIP-279).
 */
export class ReplicaFetcher {
  readonly #options: ReplicaFetcherOptions;
  readonly #partitions = new Map<string, FetchState>();
  #running = false;
  #stopped = false;
  #wake: (() => void) | undefined;
  #lastReport = { message: "", atMs: 0 };

  constructor(options: ReplicaFetcherOptions) {
    this.#options = options;
  }

  /** size is the number of partitions fetched. */
  get size(): number {
    return this.#partitions.size;
  }

  /** add starts (or re-targets) fetching `partition` in `leaderEpoch`. */
  add(partition: Partition, leaderEpoch: number): void {
    this.#partitions.set(tpKey(partition.topic, partition.partition), { partition, leaderEpoch, delayedUntilMs: 0 });
    this.#wake?.();
    if (!this.#running) void this.#run();
  }

  /** remove stops fetching a partition. */
  remove(topic: string, partition: number): void {
    this.#partitions.delete(tpKey(topic, partition));
  }

  /** stop ends the loop after the fetch in progress. */
  stop(): void {
    this.#stopped = true;
    this.#wake?.();
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      while (!this.#stopped && this.#partitions.size > 0) {
        const nowMs = Date.now();
        const ready = [...this.#partitions.values()].filter((state) => state.delayedUntilMs <= nowMs && state.partition.leaderEpoch === state.leaderEpoch);
        if (ready.length === 0) {
          await this.#pause(this.#options.backoffMs);
          continue;
        }
        try {
          await this.#fetchOnce(ready);
        } catch (error) {
          this.#report(`fetch from broker ${this.#options.sourceBrokerId} failed: ${(error as Error).message}`);
          await this.#pause(this.#options.backoffMs);
        }
      }
    } finally {
      this.#running = false;
    }
  }

  /** #report passes an error on, but a repeat of the same one at most every 10 s (a dead leader fails every back-off). */
  #report(message: string): void {
    const nowMs = Date.now();
    if (message === this.#lastReport.message && nowMs - this.#lastReport.atMs < 10_000) return;
    this.#lastReport = { message, atMs: nowMs };
    this.#options.onError?.(message);
  }

  #pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }

  async #fetchOnce(states: FetchState[]): Promise<void> {
    const byTopic = new Map<string, FetchState[]>();
    for (const state of states) {
      const list = byTopic.get(state.partition.topic) ?? [];
      list.push(state);
      byTopic.set(state.partition.topic, list);
    }
    const response = await unaryCall(
      this.#options.client,
      "Fetch",
      {
        replicaId: this.#options.brokerId,
        replicaEpoch: this.#options.brokerEpoch(),
        maxWaitMs: this.#options.maxWaitMs,
        minBytes: 1,
        maxBytes: this.#options.responseMaxBytes,
        topics: [...byTopic].map(([name, list]) => ({
          name,
          partitions: list.map((state) => {
            const log = state.partition.log;
            return {
              partition: state.partition.partition,
              currentLeaderEpoch: state.leaderEpoch,
              fetchOffset: log.logEndOffset.toString(),
              partitionMaxBytes: this.#options.partitionMaxBytes,
              lastFetchedEpoch: log.latestEpoch ?? -1,
              logStartOffset: log.logStartOffset.toString(),
              durableEndOffset: (this.#options.flushBeforeAck ? log.durableEndOffset : log.logEndOffset).toString(),
            };
          }),
        })),
      },
      this.#options.maxWaitMs + 10_000,
    );
    const rpcError = errorFromWire(response.error);
    if (rpcError !== null) throw rpcError;
    for (const topic of response.topics) {
      for (const result of topic.partitions) {
        const state = this.#partitions.get(tpKey(topic.name, result.partition));
        if (state === undefined || state.partition.leaderEpoch !== state.leaderEpoch) continue;
        try {
          await this.#handle(state, result);
        } catch (error) {
          this.#report(`${topic.name}-${result.partition}: ${(error as Error).message}`);
          state.delayedUntilMs = Date.now() + this.#options.backoffMs;
        }
      }
    }
  }

  async #handle(state: FetchState, result: FetchPartitionResult__Output): Promise<void> {
    const log = state.partition.log;
    const error = errorFromWire(result.error);
    if (error !== null) {
      if (error.code === "OFFSET_OUT_OF_RANGE") {
        const leaderStart = BigInt(result.logStartOffset);
        const leaderEnd = BigInt(result.logEndOffset);
        // Behind the leader's log start: start over there. Ahead of its end: cut back to it.
        if (log.logEndOffset < leaderStart) {
          await log.truncateFullyAndStartAt(leaderStart);
          state.partition.onTruncated(0n);
        } else if (log.logEndOffset > leaderEnd && leaderEnd >= log.highWatermark) {
          await log.truncateTo(leaderEnd);
          state.partition.onTruncated(leaderEnd);
        }
        return;
      }
      // Leadership moved or the leader has not caught up with the metadata yet: wait for metadata.
      state.delayedUntilMs = Date.now() + this.#options.backoffMs;
      return;
    }
    const diverging = result.divergingEpoch;
    if (diverging !== null) {
      const leaderEnd = BigInt(diverging.endOffset);
      const own = log.endOffsetForEpoch(diverging.epoch);
      let target = leaderEnd < log.logEndOffset ? leaderEnd : log.logEndOffset;
      if (own.endOffset >= 0n && own.endOffset < target) target = own.endOffset;
      await log.truncateTo(target);
      state.partition.onTruncated(target);
      return;
    }
    if (result.records.length > 0) {
      try {
        const info = await log.appendAsFollower(result.records);
        state.partition.onFollowerAppend(result.records, info.firstOffset);
      } catch (appendError) {
        if (appendError instanceof UnexpectedAppendOffsetError) return; // our log moved (truncation); fetch again
        throw appendError;
      }
      if (this.#options.flushBeforeAck) await log.flush();
    }
    log.updateHighWatermark(BigInt(result.highWatermark));
    // The leader's log start moved (retention or DeleteRecords): follow it, never past our high watermark.
    const leaderStart = BigInt(result.logStartOffset);
    const target = leaderStart < log.highWatermark ? leaderStart : log.highWatermark;
    if (target > log.logStartOffset) await log.deleteRecordsBefore(target);
  }
}
