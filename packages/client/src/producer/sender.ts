import type { Cluster } from "../cluster/cluster.js";
import { partitionKey } from "../cluster/route-to-leaders.js";
import type { ErrorName } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { ProduceResponse__Output } from "../generated/tributary/v1/ProduceResponse.js";
import type { InstrumentationEmitter } from "../instrumentation/instrumentation-emitter.js";
import type { Logger } from "../logging/logger.js";
import { retryDelayMs } from "../retry/backoff.js";
import { TributaryRetriesExceededError } from "../retry/retries-exceeded-error.js";
import type { Clock, TimerHandle } from "../time/clock.js";
import { errorFromWire } from "../wire/wire-errors.js";
import { canBumpEpoch, restartSequences } from "./epoch-restart.js";
import type { MemoryBudget } from "./memory-budget.js";
import { buildProduceRequest, resultsByPartition } from "./produce-request.js";
import type { PartitionQueue } from "./partition-queue.js";
import { laneKey, type BatchResult, type PendingBatch } from "./pending-batch.js";
import type { ProducerEvents } from "./producer-events.js";
import type { ProducerIdentity } from "./producer-identity.js";
import type { ResolvedProducerOptions } from "./producer-options.js";
import type { RecordAccumulator } from "./record-accumulator.js";

/** AMBIGUOUS_ERRORS leave it unknown whether the broker appended the batch. */
const AMBIGUOUS_ERRORS: ReadonlySet<ErrorName> = new Set(["REQUEST_TIMED_OUT", "NETWORK_EXCEPTION", "NOT_ENOUGH_REPLICAS_AFTER_APPEND"]);

/** UNKNOWN_RESULT is the result of an acknowledgement without offsets (acks=0, or a duplicate). */
const UNKNOWN_RESULT: BatchResult = { baseOffset: -1n, logAppendTime: -1n, logStartOffset: -1n };

/**
 * GRACE_MS is added to the broker-side wait when that wait is not shorter than the request
 * timeout, so a broker that answers "timed out" at its deadline is heard before ours passes.
 */
const GRACE_MS = 1_000;

/** SenderDeps are what a sender works with. */
export interface SenderDeps {
  readonly cluster: Cluster;
  readonly accumulator: RecordAccumulator;
  readonly budget: MemoryBudget;
  readonly identity: ProducerIdentity;
  readonly options: ResolvedProducerOptions;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
  readonly events: InstrumentationEmitter<ProducerEvents>;
}

interface Picked {
  readonly queue: PartitionQueue;
  readonly batch: PendingBatch;
}

/**
 * Sender moves batches from the accumulator to partition leaders. One pass (`pump`) closes
 * batches whose linger expired (all of them while flushing, disconnecting, or while a send waits
 * for buffer room), fails batches past their delivery deadline, performs a pending epoch bump,
 * and fills each broker's window of at most maxInFlightRequests Produce requests, each carrying
 * at most one batch per partition. Passes run on setImmediate after any change, and on a timer
 * for the next linger expiry, retry or deadline.
 *
 * Ordering and idempotence, per partition:
 * - sequences are stamped when a batch first goes out, in batch order, so the broker's sequence
 *   order is the send order; several batches of a partition may be in flight at once;
 * - a retried batch keeps its sequence; while a partition has a batch coming back for a retry,
 *   it sends one batch at a time, lowest sequence first, so the broker sees the retries in order;
 * - OUT_OF_ORDER_SEQUENCE_NUMBER or UNKNOWN_PRODUCER_ID while an earlier batch is unresolved is a
 *   consequence of that batch's failure: retried in order, not charged;
 * - the same errors with every earlier batch acknowledged mean the broker lost the producer's
 *   state: UNKNOWN_PRODUCER_ID is resent under a new epoch (nothing was written; KIP-360), while
 *   OUT_OF_ORDER_SEQUENCE_NUMBER fails the batch, saying earlier records may be lost;
 * - a stamped batch that fails for good leaves a gap: the partition stops stamping, the epoch is
 *   bumped once nothing is in flight, and every partition's sequences restart at 0; batches whose
 *   earlier attempt may have been written cannot be resent under the new epoch without risking a
 *   duplicate, so they fail with an "outcome unknown" error instead;
 * - DUPLICATE_SEQUENCE_NUMBER, or a duplicate answered with its original offsets, is success.
 */
export class Sender {
  private readonly deps: SenderDeps;
  private flushes = 0;
  private closing = false;
  private stopped = false;
  private scheduled = false;
  private timer: { readonly handle: TimerHandle; readonly dueMs: number } | undefined;
  private readonly inFlightByBroker = new Map<number, number>();
  private readonly wantedTopics = new Set<string>();
  private refreshingMetadata = false;
  private metadataRetryAtMs = 0;
  private metadataRefreshes = 0;
  private rotation = 0;

  constructor(deps: SenderDeps) {
    this.deps = deps;
  }

  /** inFlightRequests counts Produce requests awaiting an answer. */
  get inFlightRequests(): number {
    let total = 0;
    for (const count of this.inFlightByBroker.values()) total += count;
    return total;
  }

  /** beginFlush makes every batch sendable now; call the returned function when the flush ends. */
  beginFlush(): () => void {
    this.flushes++;
    this.wakeup();
    let ended = false;
    return () => {
      if (!ended) this.flushes--;
      ended = true;
    };
  }

  /** startClosing sends everything without lingering, for disconnect(). */
  startClosing(): void {
    this.closing = true;
    this.wakeup();
  }

  /** wakeup schedules a pass soon; calls coalesce. */
  wakeup(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** closeBatch stops a batch taking records and encodes it; the accumulator calls this. */
  closeBatch(queue: PartitionQueue, batch: PendingBatch): void {
    batch.encode().then(
      () => this.wakeup(),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.failBatch(queue, batch, new TributaryError("INVALID_RECORD", `a batch for ${partitionKey(batch.topic, batch.partition)} could not be encoded: ${message}`, { cause: error }));
      },
    );
  }

  /**
   * abort settles every batch at once with `errorFor(batch, inFlight)` and stops the sender; for a
   * disconnect that ran out of time.
   */
  abort(errorFor: (batch: PendingBatch, inFlight: boolean) => TributaryError): void {
    this.stopped = true;
    this.timer?.handle.cancel();
    this.timer = undefined;
    for (const queue of this.deps.accumulator.queues.values()) {
      for (const batch of [...queue.inFlight]) this.settleFailed(queue, batch, errorFor(batch, true));
      for (const batch of [...queue.queued]) this.settleFailed(queue, batch, errorFor(batch, false));
    }
  }

  /** stop ends the passes; the sender does nothing afterwards. */
  stop(): void {
    this.stopped = true;
    this.timer?.handle.cancel();
    this.timer = undefined;
  }

  private pump(): void {
    if (this.stopped) return;
    try {
      const nowMs = this.deps.clock.nowMs();
      let wakeAtMs = this.closeAndExpire(nowMs);
      const fatal = this.deps.identity.fatal;
      if (fatal !== undefined) {
        this.failEverything(fatal);
        return;
      }
      this.maybeBumpEpoch();
      this.drain(nowMs);
      wakeAtMs = Math.min(wakeAtMs, this.maybeRefreshMetadata(nowMs));
      this.scheduleAt(wakeAtMs);
    } catch (error) {
      // A bug. Fail loudly but keep the process: every pending send learns about it.
      this.deps.logger.error("the producer's sender failed; failing every pending batch", { error });
      this.deps.identity.fatal ??= new TributaryError("UNKNOWN_SERVER_ERROR", `the producer failed internally: ${String(error)}`, { cause: error });
      this.failEverything(this.deps.identity.fatal);
    }
  }

  /** closeAndExpire closes batches that are due and fails queued ones past their deadline; returns the next due time. */
  private closeAndExpire(nowMs: number): number {
    const { options, budget, accumulator } = this.deps;
    const urgent = this.flushes > 0 || this.closing || budget.waiting > 0;
    let wakeAtMs = Number.POSITIVE_INFINITY;
    for (const queue of accumulator.queues.values()) {
      for (const batch of [...queue.queued]) {
        if (batch.state === "open") {
          const dueMs = batch.createdAtMs + options.lingerMs;
          if (urgent || nowMs >= dueMs) this.closeBatch(queue, batch);
          else wakeAtMs = Math.min(wakeAtMs, dueMs);
        } else if (batch.state === "ready") {
          if (nowMs >= batch.deliveryDeadlineMs) {
            this.expire(queue, batch);
            continue;
          }
          wakeAtMs = Math.min(wakeAtMs, batch.deliveryDeadlineMs, batch.retryAtMs > nowMs ? batch.retryAtMs : Number.POSITIVE_INFINITY);
        }
      }
    }
    return wakeAtMs;
  }

  private drain(nowMs: number): void {
    const { cluster, accumulator } = this.deps;
    const byBroker = new Map<number, PartitionQueue[]>();
    const queues = [...accumulator.queues.values()];
    const start = queues.length === 0 ? 0 : this.rotation++ % queues.length;
    for (let index = 0; index < queues.length; index++) {
      const queue = queues[(start + index) % queues.length]!;
      if (this.sendableHead(queue, nowMs) === undefined) continue;
      const leader = cluster.leaderOf(queue.topic, queue.partition);
      if (leader < 0) {
        this.wantedTopics.add(queue.topic);
        continue;
      }
      byBroker.set(leader, [...(byBroker.get(leader) ?? []), queue]);
    }
    if (this.wantedTopics.size === 0) this.metadataRefreshes = 0;
    for (const [nodeId, brokerQueues] of byBroker) this.drainBroker(nodeId, brokerQueues, nowMs);
  }

  /** drainBroker fills one broker's window of requests, one batch per partition per request. */
  private drainBroker(nodeId: number, queues: readonly PartitionQueue[], nowMs: number): void {
    const { options } = this.deps;
    while ((this.inFlightByBroker.get(nodeId) ?? 0) < options.maxInFlightRequests) {
      const picked: Picked[] = [];
      let bytes = 0;
      let lane: string | undefined;
      for (const queue of queues) {
        const batch = this.sendableHead(queue, nowMs);
        if (batch === undefined) continue;
        const size = batch.encoded?.length ?? 0;
        if ((lane !== undefined && laneKey(batch.lane) !== lane) || (picked.length > 0 && bytes + size > options.maxRequestBytes)) continue;
        this.take(queue, batch);
        picked.push({ queue, batch });
        bytes += size;
        lane = laneKey(batch.lane);
      }
      if (picked.length === 0) return;
      this.dispatch(nodeId, picked, bytes);
    }
  }

  /** sendableHead returns the partition's next batch if it may go out now. */
  private sendableHead(queue: PartitionQueue, nowMs: number): PendingBatch | undefined {
    const batch = queue.head();
    if (batch === undefined || batch.state !== "ready" || batch.retryAtMs > nowMs) return undefined;
    if (queue.isRecovering() && queue.inFlight.length > 0) return undefined;
    const { identity } = this.deps;
    if (identity.idempotent) {
      if (!identity.hasId || identity.bumping || queue.sequenceGap) return undefined;
      // Before a bump only batches already stamped in this epoch go out: they must resolve first.
      if (identity.bumpReason !== undefined && batch.sequence === undefined) return undefined;
    }
    return batch;
  }

  private take(queue: PartitionQueue, batch: PendingBatch): void {
    queue.takeHead();
    const { identity } = this.deps;
    if (identity.idempotent && batch.sequence === undefined) {
      batch.stampProducer(identity.producerId, identity.producerEpoch, queue.nextSequence);
      queue.nextSequence += batch.recordCount;
    }
    batch.state = "in-flight";
    batch.sendCount++;
  }

  private dispatch(nodeId: number, picked: readonly Picked[], bytes: number): void {
    const { cluster, clock, events } = this.deps;
    this.inFlightByBroker.set(nodeId, (this.inFlightByBroker.get(nodeId) ?? 0) + 1);
    const lane = picked[0]!.batch.lane;
    const request = buildProduceRequest(picked.map(({ batch }) => batch), lane);
    const startMs = clock.nowMs();
    const records = picked.reduce((sum, { batch }) => sum + batch.recordCount, 0);
    const exchange = async (): Promise<void> => {
      let response: ProduceResponse__Output;
      const connection = cluster.connectionToNode(nodeId);
      try {
        const deadlineMs = cluster.requestTimeoutMs > lane.timeoutMs ? cluster.requestTimeoutMs : lane.timeoutMs + GRACE_MS;
        response = await connection.produce(request, deadlineMs);
      } catch (error) {
        const typed = TributaryError.from(error);
        events.emit("producer.produce", { broker: connection.address, nodeId, partitions: picked.length, records, bytes, durationMs: clock.nowMs() - startMs, errorCode: typed.code });
        for (const { queue, batch } of picked) this.onBatchError(queue, batch, typed);
        return;
      }
      events.emit("producer.produce", { broker: connection.address, nodeId, partitions: picked.length, records, bytes, durationMs: clock.nowMs() - startMs });
      this.onResponse(picked, response, lane.acks);
    };
    exchange()
      .catch((error: unknown) => {
        const typed = TributaryError.from(error);
        for (const { queue, batch } of picked) this.onBatchError(queue, batch, typed);
      })
      .finally(() => {
        this.inFlightByBroker.set(nodeId, (this.inFlightByBroker.get(nodeId) ?? 1) - 1);
        this.wakeup();
      });
  }

  private onResponse(picked: readonly Picked[], response: ProduceResponse__Output, acks: number): void {
    const results = resultsByPartition(response);
    for (const { queue, batch } of picked) {
      const key = partitionKey(batch.topic, batch.partition);
      const result = results.get(key);
      if (result === undefined) {
        // acks=0: the broker answers at once, with no per-partition results.
        if (acks === 0) this.settleSucceeded(queue, batch, UNKNOWN_RESULT);
        else this.onBatchError(queue, batch, new TributaryError("NETWORK_EXCEPTION", `the Produce response did not mention ${key}`));
        continue;
      }
      const error = errorFromWire(result.error);
      if (error !== null) {
        this.onBatchError(queue, batch, error);
        continue;
      }
      this.settleSucceeded(queue, batch, {
        baseOffset: BigInt(result.baseOffset),
        logAppendTime: BigInt(result.logAppendTimeMs),
        logStartOffset: BigInt(result.logStartOffset),
      });
    }
  }

  /** onBatchError decides what a failed attempt means for the batch; see the class comment. */
  private onBatchError(queue: PartitionQueue, batch: PendingBatch, error: TributaryError): void {
    if (batch.state === "done") return;
    batch.lastError = error;
    const { identity, options, clock, random } = this.deps;
    if (error.code === "DUPLICATE_SEQUENCE_NUMBER") {
      this.settleSucceeded(queue, batch, UNKNOWN_RESULT);
      return;
    }
    if (identity.idempotent && batch.sequence !== undefined) {
      if (error.code === "OUT_OF_ORDER_SEQUENCE_NUMBER" || error.code === "UNKNOWN_PRODUCER_ID") {
        this.onSequenceError(queue, batch, error);
        return;
      }
      if (error.code === "INVALID_PRODUCER_EPOCH" || error.code === "PRODUCER_FENCED") {
        identity.fatal ??= new TributaryError(error.code, `this producer was fenced (${error.message}); close it and create a new one`, { cause: error });
        this.wakeup();
        return;
      }
    }
    if (AMBIGUOUS_ERRORS.has(error.code)) batch.ambiguous = true;
    if (!error.retriable) {
      this.failBatch(queue, batch, error);
      return;
    }
    if (error.refreshMetadata) this.refreshFor(batch, error);
    const nowMs = clock.nowMs();
    if (nowMs >= batch.deliveryDeadlineMs) {
      this.expire(queue, batch);
      return;
    }
    if (batch.retriesUsed >= options.retry.retries) {
      const key = partitionKey(batch.topic, batch.partition);
      this.failBatch(queue, batch, new TributaryRetriesExceededError(error, batch.retriesUsed, nowMs - batch.createdAtMs, `producing to ${key}`));
      return;
    }
    const backoffMs = retryDelayMs(options.retry, batch.retriesUsed, random);
    batch.retriesUsed++;
    this.requeue(queue, batch, nowMs + backoffMs);
    this.deps.events.emit("producer.batch.retry", { ...this.batchPayload(batch), errorCode: error.code, retriesUsed: batch.retriesUsed, backoffMs });
  }

  private onSequenceError(queue: PartitionQueue, batch: PendingBatch, error: TributaryError): void {
    const nowMs = this.deps.clock.nowMs();
    if (queue.sequenceGap || queue.hasEarlierUnresolved(batch)) {
      // The broker refused this batch because an earlier one has not landed: nothing was written.
      this.requeue(queue, batch, nowMs);
      return;
    }
    if (error.code === "UNKNOWN_PRODUCER_ID" && !batch.ambiguous) {
      // Every earlier batch was acknowledged, so the broker lost this producer's state. Nothing of
      // this batch was written: resend it under a new epoch from sequence 0 (KIP-360).
      this.markGap(queue, `UNKNOWN_PRODUCER_ID on ${partitionKey(batch.topic, batch.partition)}`);
      this.requeue(queue, batch, nowMs);
      return;
    }
    const key = partitionKey(batch.topic, batch.partition);
    this.failBatch(
      queue,
      batch,
      new TributaryError(
        error.code,
        `${key} refused sequence ${batch.sequence} after acknowledging every earlier one: the broker lost this producer's earlier records or state ` +
          `(an unclean leader election or a truncated log), so records acknowledged before may be missing. This batch was not written; ` +
          `the producer starts a new epoch and carries on. Broker said: ${error.message}`,
        { cause: error },
      ),
    );
  }

  private requeue(queue: PartitionQueue, batch: PendingBatch, retryAtMs: number): void {
    batch.state = "ready";
    batch.retryAtMs = retryAtMs;
    queue.returnForRetry(batch);
  }

  private expire(queue: PartitionQueue, batch: PendingBatch): void {
    const key = partitionKey(batch.topic, batch.partition);
    const last = batch.lastError;
    const detail = last === undefined ? "it was never sent (no leader, or its broker unreachable)" : `last error ${last.code}: ${last.message}`;
    this.failBatch(
      queue,
      batch,
      new TributaryError("REQUEST_TIMED_OUT", `the batch for ${key} was not acknowledged within deliveryTimeoutMs=${this.deps.options.deliveryTimeoutMs}; ${detail}`, last ? { cause: last } : undefined),
    );
  }

  /** failBatch settles a batch as failed; a stamped batch leaves a sequence gap to close with a bump. */
  private failBatch(queue: PartitionQueue, batch: PendingBatch, error: TributaryError): void {
    if (batch.state === "done") return;
    const stamped = batch.sequence !== undefined;
    this.settleFailed(queue, batch, error);
    if (this.deps.identity.idempotent && stamped) this.markGap(queue, `a batch of ${partitionKey(batch.topic, batch.partition)} failed with ${error.code}`);
  }

  private markGap(queue: PartitionQueue, reason: string): void {
    queue.sequenceGap = true;
    this.deps.identity.requestBump(reason);
  }

  private settleSucceeded(queue: PartitionQueue, batch: PendingBatch, result: BatchResult): void {
    if (batch.state === "done") return;
    queue.removeInFlight(batch);
    queue.removeQueued(batch);
    this.deps.budget.release(batch.reservedBytes);
    batch.succeed(result);
    this.deps.events.emit("producer.batch.acked", {
      ...this.batchPayload(batch),
      baseOffset: result.baseOffset,
      latencyMs: this.deps.clock.nowMs() - batch.createdAtMs,
      sendCount: batch.sendCount,
    });
  }

  private settleFailed(queue: PartitionQueue, batch: PendingBatch, error: TributaryError): void {
    if (batch.state === "done") return;
    const payload = this.batchPayload(batch);
    queue.removeInFlight(batch);
    queue.removeQueued(batch);
    this.deps.budget.release(batch.reservedBytes);
    batch.fail(error);
    this.deps.logger.warn("a batch failed", { topic: batch.topic, partition: batch.partition, records: batch.recordCount, error });
    this.deps.events.emit("producer.batch.failed", { ...payload, errorCode: error.code, message: error.message });
  }

  private failEverything(error: TributaryError): void {
    for (const queue of this.deps.accumulator.queues.values()) {
      for (const batch of [...queue.inFlight, ...queue.queued]) this.settleFailed(queue, batch, error);
    }
    this.deps.budget.failWaiters(error);
  }

  /** maybeBumpEpoch starts a requested epoch bump once no stamped batch can still resolve. */
  private maybeBumpEpoch(): void {
    const { identity, cluster, accumulator, events, logger } = this.deps;
    if (!identity.idempotent || identity.bumpReason === undefined || identity.bumping || !canBumpEpoch(accumulator.queues.values())) return;
    const reason = identity.bumpReason;
    identity.bumping = true;
    identity
      .bump(cluster)
      .then(
        () => {
          restartSequences(accumulator.queues.values(), (queue, batch, error) => this.settleFailed(queue, batch, error));
          logger.info("started a new producer epoch", { producerId: identity.producerId, producerEpoch: identity.producerEpoch, reason });
          events.emit("producer.epoch_bump", { producerId: identity.producerId, producerEpoch: identity.producerEpoch, reason });
        },
        (error: unknown) => {
          const typed = TributaryError.from(error);
          identity.fatal ??= new TributaryError(typed.code, `the producer could not start a new epoch after ${reason}: ${typed.message}; close it and create a new one`, { cause: error });
        },
      )
      .finally(() => {
        identity.bumping = false;
        this.wakeup();
      });
  }

  private refreshFor(batch: PendingBatch, error: TributaryError): void {
    this.deps.cluster
      .handleStaleMetadata(batch.topic, batch.partition, error)
      .catch((refreshError: unknown) => this.deps.logger.debug("metadata refresh failed", { topic: batch.topic, error: refreshError }))
      .finally(() => this.wakeup());
  }

  /** maybeRefreshMetadata refreshes topics whose partitions had no leader; returns when to look again. */
  private maybeRefreshMetadata(nowMs: number): number {
    if (this.wantedTopics.size === 0 || this.refreshingMetadata) return Number.POSITIVE_INFINITY;
    if (nowMs < this.metadataRetryAtMs) return this.metadataRetryAtMs;
    const topics = [...this.wantedTopics];
    this.wantedTopics.clear();
    this.refreshingMetadata = true;
    const { cluster, clock, options, random, logger } = this.deps;
    cluster
      .refreshMetadata(topics)
      .catch((error: unknown) => logger.debug("metadata refresh failed", { topics, error }))
      .finally(() => {
        this.refreshingMetadata = false;
        this.metadataRetryAtMs = clock.nowMs() + retryDelayMs(options.retry, Math.min(this.metadataRefreshes++, 8), random);
        this.wakeup();
      });
    return Number.POSITIVE_INFINITY;
  }

  private scheduleAt(dueMs: number): void {
    if (!Number.isFinite(dueMs) || this.stopped) return;
    if (this.timer !== undefined && this.timer.dueMs <= dueMs) return;
    this.timer?.handle.cancel();
    const { clock } = this.deps;
    const handle = clock.setTimer(() => {
      this.timer = undefined;
      this.pump();
    }, dueMs - clock.nowMs());
    this.timer = { handle, dueMs };
  }

  private batchPayload(batch: PendingBatch): { topic: string; partition: number; records: number; bytes: number } {
    return { topic: batch.topic, partition: batch.partition, records: batch.recordCount, bytes: batch.encoded?.length ?? batch.sizeBytes };
  }
}
