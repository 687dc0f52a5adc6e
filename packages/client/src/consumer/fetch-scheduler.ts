import type { Cluster } from "../cluster/cluster.js";
import { partitionKey } from "../cluster/route-to-leaders.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { FetchPartitionResult__Output } from "../generated/tributary/v1/FetchPartitionResult.js";
import type { InstrumentationEmitter } from "../instrumentation/instrumentation-emitter.js";
import type { Logger } from "../logging/logger.js";
import type { Clock, TimerHandle } from "../time/clock.js";
import { errorFromWire } from "../wire/wire-errors.js";
import type { ConsumerEvents } from "./consumer-events.js";
import type { ResolvedConsumerOptions } from "./consumer-options.js";
import { buildFetchRequest, type SentPartition } from "./fetch-request.js";
import { FetchedChunk } from "./fetched-chunk.js";
import { readFetchedRecords } from "./fetched-records.js";
import type { PartitionState } from "./partition-state.js";

/** FetchSource is what the scheduler fetches for, and whom it tells. */
export interface FetchSource {
  /** partitions are the partitions the consumer holds (any status but gone). */
  partitions(): Iterable<PartitionState>;
  isPaused(state: PartitionState): boolean;
  /** resetPosition handles OFFSET_OUT_OF_RANGE for the fetch `sent`; it moves the position or backs the partition off. */
  resetPosition(sent: SentPartition): Promise<void>;
  /** onMessages: messages were buffered. */
  onMessages(): void;
  /** onUnreadable: a partition cannot be consumed (corrupt data, a non-retriable error); it is no longer fetched. */
  onUnreadable(error: Error): void;
}

/** FetchSchedulerDeps are what a {@link FetchScheduler} works with. */
export interface FetchSchedulerDeps {
  readonly cluster: Cluster;
  readonly options: ResolvedConsumerOptions;
  readonly events: InstrumentationEmitter<ConsumerEvents>;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly source: FetchSource;
}

/**
 * FetchScheduler keeps one long-polling Fetch in flight per leader broker, carrying every
 * partition that broker leads and the consumer may fetch now: active, not paused, not already in
 * a fetch, not backing off, and holding less than maxBytesPerPartition of buffered bytes. Fetches
 * stop while the buffer (all partitions) holds maxBufferedBytes; each asks for at most the room
 * left, reserved until it is answered. So buffered bytes stay below maxBufferedBytes plus one
 * batch per broker (a broker always returns a first batch whole, KIP-74).
 *
 * An answer is applied only if its partition is still where the fetch left it (same state, status,
 * generation and offset): a seek, reset, revocation or pause-and-seek while a fetch was in flight
 * makes its data stale. Errors never stop it: stale leadership refreshes metadata, other failures
 * back off and retry; only data that cannot be read goes to `onUnreadable`.
 *
 * `schedule()` is cheap and idempotent; callers invoke it on every change that may allow a fetch.
 */
export class FetchScheduler {
  private readonly deps: FetchSchedulerDeps;
  private stopped = true;
  /** inFlight maps a broker with a fetch outstanding to the bytes it reserved. */
  private readonly inFlight = new Map<number, number>();
  private readonly nodeRetryAtMs = new Map<number, number>();
  private readonly nodeFailures = new Map<number, number>();
  private reservedBytes = 0;
  private rotation = 0;
  private leaderlessFailures = 0;
  private leaderlessRetryAtMs = 0;
  private refreshing = false;
  private timer: TimerHandle | undefined;
  private timerAtMs = Number.POSITIVE_INFINITY;

  constructor(deps: FetchSchedulerDeps) {
    this.deps = deps;
  }

  /** start begins fetching. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** stop sends no more fetches; answers of fetches in flight are ignored. */
  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.timerAtMs = Number.POSITIVE_INFINITY;
  }

  /** schedule sends every fetch that may be sent now, and arms a timer for the next backoff to end. */
  schedule(): void {
    if (this.stopped) return;
    const { cluster, clock, options, source } = this.deps;
    const nowMs = clock.nowMs();
    const byLeader = new Map<number, PartitionState[]>();
    const leaderless = new Set<string>();
    let bufferedBytes = 0;
    let wakeAtMs = Number.POSITIVE_INFINITY;
    for (const state of source.partitions()) {
      bufferedBytes += state.bufferedBytes;
      if (!this.fetchable(state)) continue;
      if (state.fetchRetryAtMs > nowMs) {
        wakeAtMs = Math.min(wakeAtMs, state.fetchRetryAtMs);
        continue;
      }
      const leader = cluster.leaderOf(state.topic, state.partition);
      if (leader < 0) {
        leaderless.add(state.topic);
        continue;
      }
      if (this.inFlight.has(leader)) continue;
      const nodeRetryAtMs = this.nodeRetryAtMs.get(leader) ?? 0;
      if (nodeRetryAtMs > nowMs) {
        wakeAtMs = Math.min(wakeAtMs, nodeRetryAtMs);
        continue;
      }
      let states = byLeader.get(leader);
      if (states === undefined) byLeader.set(leader, (states = []));
      states.push(state);
    }
    if (leaderless.size > 0) wakeAtMs = Math.min(wakeAtMs, this.refreshLeaders(leaderless, nowMs));
    else this.leaderlessFailures = 0;
    let roomBytes = options.maxBufferedBytes - bufferedBytes - this.reservedBytes;
    for (const [leader, states] of byLeader) {
      if (roomBytes <= 0) break;
      const maxBytes = Math.min(options.maxBytes, roomBytes);
      roomBytes -= maxBytes;
      void this.fetchFrom(leader, states, maxBytes);
    }
    if (wakeAtMs !== Number.POSITIVE_INFINITY) this.armTimer(wakeAtMs, nowMs);
  }

  private fetchable(state: PartitionState): boolean {
    return (
      state.status === "active" &&
      !state.fetchInFlight &&
      state.fetchOffset >= 0n &&
      state.bufferedBytes < this.deps.options.maxBytesPerPartition &&
      !this.deps.source.isPaused(state)
    );
  }

  /** refreshLeaders refreshes metadata for topics with leaderless partitions, with backoff; returns when to look again. */
  private refreshLeaders(topics: ReadonlySet<string>, nowMs: number): number {
    if (this.refreshing) return Number.POSITIVE_INFINITY;
    if (this.leaderlessRetryAtMs > nowMs) return this.leaderlessRetryAtMs;
    this.refreshing = true;
    const { cluster, clock, logger } = this.deps;
    void cluster
      .refreshMetadata(topics)
      .catch((error: unknown) => logger.warn("could not refresh metadata for partitions without a known leader", { topics: [...topics], error }))
      .finally(() => {
        this.refreshing = false;
        this.leaderlessRetryAtMs = clock.nowMs() + cluster.retrier.delayMs(this.leaderlessFailures++);
        this.schedule();
      });
    return Number.POSITIVE_INFINITY;
  }

  private async fetchFrom(nodeId: number, states: readonly PartitionState[], maxBytes: number): Promise<void> {
    const { cluster, clock, events, options } = this.deps;
    const start = this.rotation++ % states.length;
    const sent: SentPartition[] = [...states.slice(start), ...states.slice(0, start)].map((state) => ({ state, generation: state.generation, fetchOffset: state.fetchOffset }));
    for (const item of sent) item.state.fetchInFlight = true;
    this.inFlight.set(nodeId, maxBytes);
    this.reservedBytes += maxBytes;
    const startMs = clock.nowMs();
    events.emit("consumer.fetch_start", { nodeId, partitions: sent.length });
    try {
      const request = buildFetchRequest(cluster, options, sent, maxBytes);
      const response = await cluster.connectionToNode(nodeId).fetch(request, cluster.requestTimeoutMs + options.maxWaitTimeMs);
      const error = errorFromWire(response.error);
      if (error !== null) throw error;
      const results = new Map<string, FetchPartitionResult__Output>();
      for (const topic of response.topics) for (const result of topic.partitions) results.set(partitionKey(topic.name, result.partition), result);
      let numberOfBatches = 0;
      let records = 0;
      let bytes = 0;
      for (const item of sent) {
        const result = results.get(item.state.key);
        // A partition the broker left out is simply fetched again.
        const count = result === undefined ? 0 : await this.applyResult(item, result);
        if (count > 0 && result !== undefined) {
          numberOfBatches++;
          records += count;
          bytes += result.records.length;
        }
      }
      this.nodeFailures.delete(nodeId);
      events.emit("consumer.fetch", { nodeId, numberOfBatches, records, bytes, durationMs: clock.nowMs() - startMs });
    } catch (error) {
      this.fetchFailed(nodeId, sent, TributaryError.from(error));
    } finally {
      for (const item of sent) item.state.fetchInFlight = false;
      this.inFlight.delete(nodeId);
      this.reservedBytes -= maxBytes;
      this.schedule();
    }
  }

  /** isCurrent tells whether a partition is still where the fetch `item` left it. */
  private isCurrent(item: SentPartition): boolean {
    const { state } = item;
    return !this.stopped && state.status === "active" && state.generation === item.generation && state.fetchOffset === item.fetchOffset;
  }

  /** applyResult applies one partition's answer; returns how many messages it buffered. */
  private async applyResult(item: SentPartition, result: FetchPartitionResult__Output): Promise<number> {
    const { state } = item;
    if (!this.isCurrent(item)) return 0;
    const error = errorFromWire(result.error);
    if (error !== null) {
      this.partitionFailed(item, error);
      return 0;
    }
    state.fetchFailures = 0;
    state.highWatermark = BigInt(result.highWatermark);
    if (result.records.length === 0) return 0;
    let fetched;
    try {
      fetched = await readFetchedRecords(result.records, item.fetchOffset, state.topic, state.partition);
    } catch (decodeError) {
      // The same bytes would fail again: stop fetching the partition and let the consumer crash loudly.
      state.fetchRetryAtMs = Number.POSITIVE_INFINITY;
      this.deps.source.onUnreadable(decodeError instanceof Error ? decodeError : new Error(String(decodeError)));
      return 0;
    }
    if (!this.isCurrent(item)) return 0;
    state.fetchOffset = fetched.nextFetchOffset;
    if (fetched.messages.length === 0) return 0;
    state.append(new FetchedChunk(fetched.messages, state.highWatermark, result.records.length));
    this.deps.source.onMessages();
    return fetched.messages.length;
  }

  private partitionFailed(item: SentPartition, error: TributaryError): void {
    const { state } = item;
    const { cluster, clock, logger, source } = this.deps;
    if (error.code === "OFFSET_OUT_OF_RANGE") {
      // Held back until the reset moves the position (moveTo clears the backoff) or backs it off.
      state.fetchRetryAtMs = Number.POSITIVE_INFINITY;
      void source.resetPosition(item).finally(() => this.schedule());
      return;
    }
    state.fetchFailures++;
    const fields = { topic: state.topic, partition: state.partition, errorCode: error.code, error: error.message };
    if (error.refreshMetadata) {
      logger.info("the partition's leadership looks stale; refreshing metadata and fetching again", fields);
      // Fetch again as soon as the metadata is fresh; back off only when that did not help.
      const backoffMs = state.fetchFailures > 1 ? cluster.retrier.delayMs(state.fetchFailures - 2) : 0;
      state.fetchRetryAtMs = Number.POSITIVE_INFINITY;
      void cluster
        .handleStaleMetadata(state.topic, state.partition, error)
        .catch((refreshError: unknown) => logger.warn("could not refresh metadata", { topic: state.topic, error: refreshError }))
        .finally(() => {
          if (state.fetchRetryAtMs === Number.POSITIVE_INFINITY) state.fetchRetryAtMs = clock.nowMs() + backoffMs;
          this.schedule();
        });
      return;
    }
    if (error.retriable) {
      logger.warn("fetch of a partition failed; retrying after a backoff", fields);
      state.fetchRetryAtMs = clock.nowMs() + cluster.retrier.delayMs(state.fetchFailures - 1);
      return;
    }
    state.fetchRetryAtMs = Number.POSITIVE_INFINITY;
    source.onUnreadable(new TributaryError(error.code, `fetching ${state.key} failed: ${error.message}`, { cause: error }));
  }

  /** fetchFailed backs a broker off after a failed Fetch; the consumer keeps retrying (never a silent stop). */
  private fetchFailed(nodeId: number, sent: readonly SentPartition[], error: TributaryError): void {
    if (this.stopped) return;
    const { cluster, clock, logger } = this.deps;
    const failures = (this.nodeFailures.get(nodeId) ?? 0) + 1;
    this.nodeFailures.set(nodeId, failures);
    const backoffMs = cluster.retrier.delayMs(failures - 1);
    this.nodeRetryAtMs.set(nodeId, clock.nowMs() + backoffMs);
    const fields = { nodeId, failures, backoffMs, errorCode: error.code, error: error.message };
    if (error.retriable) logger.warn("fetch failed; retrying after a backoff", fields);
    else logger.error("fetch failed with a non-retriable error; retrying after a backoff", fields);
    if (error.refreshMetadata) {
      const topics = new Set(sent.map((item) => item.state.topic));
      void cluster
        .refreshMetadata(topics)
        .catch(() => undefined)
        .finally(() => this.schedule());
    }
  }

  private armTimer(atMs: number, nowMs: number): void {
    if (this.timer !== undefined && this.timerAtMs <= atMs) return;
    this.timer?.cancel();
    this.timerAtMs = atMs;
    this.timer = this.deps.clock.setTimer(() => {
      this.timer = undefined;
      this.timerAtMs = Number.POSITIVE_INFINITY;
      this.schedule();
    }, atMs - nowMs);
  }
}
