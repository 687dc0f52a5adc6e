import type { Cluster } from "../cluster/cluster.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { InstrumentationEmitter } from "../instrumentation/instrumentation-emitter.js";
import type { Logger } from "../logging/logger.js";
import { BATCH_HEADER_BYTES } from "../record/batch-layout.js";
import { isCompressionCodecId } from "../record/compression/record-compression.js";
import { sleep, type Clock } from "../time/clock.js";
import { MemoryBudget } from "./memory-budget.js";
import { PartitionChooser } from "./partition-chooser.js";
import type { BatchLane, BatchResult, PendingBatch } from "./pending-batch.js";
import { prepareMessage } from "./prepare-message.js";
import { ProducerDisconnectedError } from "./producer-errors.js";
import type { ProducerEvents } from "./producer-events.js";
import { ProducerIdentity } from "./producer-identity.js";
import type { ResolvedProducerOptions } from "./producer-options.js";
import type { ProducerBatch, ProducerMetrics, RecordMetadata, SendOptions } from "./producer-types.js";
import { RecordAccumulator } from "./record-accumulator.js";
import { Sender } from "./sender.js";
import { StickyPartitioner } from "./sticky-partitioner.js";

const INT32_MAX = 0x7fffffff;

/** ProducerSessionDeps are what one connected session of a producer works with. */
export interface ProducerSessionDeps {
  readonly cluster: Cluster;
  readonly options: ResolvedProducerOptions;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
  readonly events: InstrumentationEmitter<ProducerEvents>;
}

interface FirstPlacement {
  readonly topic: string;
  readonly partition: number;
  readonly batch: PendingBatch;
  readonly index: number;
}

/**
 * ProducerSession is a producer between connect() and disconnect(): its buffer, accumulator,
 * sender and idempotent identity. A reconnected producer gets a new session (and a new producer id).
 */
export class ProducerSession {
  private readonly deps: ProducerSessionDeps;
  private readonly budget: MemoryBudget;
  private readonly accumulator: RecordAccumulator;
  private readonly identity: ProducerIdentity;
  private readonly sender: Sender;
  private readonly chooser: PartitionChooser;
  private readonly activeSends = new Set<Promise<unknown>>();
  private readonly abortController = new AbortController();
  /** closing: disconnect() began; new sends are refused, sends already started go on. */
  private closing = false;
  /** aborted: disconnect() gave up; nothing more is buffered. */
  private aborted = false;

  constructor(deps: ProducerSessionDeps) {
    this.deps = deps;
    const { options, clock, random } = deps;
    this.budget = new MemoryBudget(options.bufferMemoryBytes, clock);
    this.identity = new ProducerIdentity(options.idempotent);
    this.accumulator = new RecordAccumulator({
      batchSizeBytes: options.batchSizeBytes,
      deliveryTimeoutMs: options.deliveryTimeoutMs,
      clock,
      onClose: (queue, batch) => this.sender.closeBatch(queue, batch),
    });
    this.sender = new Sender({ ...deps, accumulator: this.accumulator, budget: this.budget, identity: this.identity });
    this.chooser = new PartitionChooser(new StickyPartitioner(random), options.createPartitioner?.());
  }

  /** start gets the producer id of an idempotent producer. */
  async start(): Promise<void> {
    if (this.identity.idempotent) await this.identity.init(this.deps.cluster);
  }

  /** send buffers a batch of messages and resolves once every one is acknowledged. */
  send(batch: ProducerBatch): Promise<RecordMetadata[]> {
    const promise = this.doSend(batch);
    this.activeSends.add(promise);
    const forget = (): void => void this.activeSends.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /**
   * flush sends everything buffered now, without lingering, and resolves once every send started
   * before it and every batch is settled (acknowledged or failed; failures reach their send()).
   */
  async flush(): Promise<void> {
    const end = this.sender.beginFlush();
    try {
      await this.settled();
    } finally {
      end();
    }
  }

  /**
   * close refuses new sends, delivers what is pending without lingering, and after `timeoutMs`
   * fails whatever is left (in-flight records with "outcome unknown").
   */
  async close(timeoutMs: number): Promise<void> {
    this.closing = true;
    this.sender.startClosing();
    const finished = await this.withinMs(this.settled(), timeoutMs);
    if (!finished) {
      this.deps.logger.warn("disconnect timed out; failing what is still pending", { timeoutMs });
      const notSent = new ProducerDisconnectedError(`the producer disconnected before this record was sent (disconnectTimeoutMs=${timeoutMs})`);
      this.aborted = true;
      this.abortController.abort(notSent);
      this.budget.failWaiters(notSent);
      this.sender.abort((batch, inFlight) =>
        inFlight || batch.ambiguous
          ? new ProducerDisconnectedError(`the producer disconnected (disconnectTimeoutMs=${timeoutMs}) before the broker answered; the record may or may not have been written`, true)
          : notSent,
      );
      // Sends still resolving metadata settle on their own: they can buffer nothing more, and the
      // cluster's disconnect (next) stops their retries.
    }
    this.sender.stop();
  }

  /** metrics reports the session's gauges. */
  metrics(): ProducerMetrics {
    return {
      bufferUsedBytes: this.budget.usedBytes,
      bufferAvailableBytes: this.budget.capacityBytes - this.budget.usedBytes,
      waitingSends: this.budget.waiting,
      queuedBatches: [...this.accumulator.queues.values()].reduce((sum, queue) => sum + queue.queued.length, 0),
      inFlightRequests: this.sender.inFlightRequests,
      producerId: this.identity.producerId,
      producerEpoch: this.identity.producerEpoch,
    };
  }

  private async doSend(batch: ProducerBatch): Promise<RecordMetadata[]> {
    this.refuseNewSend();
    const { cluster, clock, options } = this.deps;
    const lane = this.lane(batch);
    const topics = [...new Set(batch.topicMessages.map((entry) => entry.topic))];
    for (const topic of topics) {
      if (typeof topic !== "string" || topic.length === 0) throw new TributaryError("INVALID_TOPIC_EXCEPTION", "every message needs a topic name");
    }
    this.markStaleIfPartitionsUnknown(batch);
    await this.awaitTopics(topics, clock.nowMs() + options.maxBlockMs);
    this.refuseIfAborted();
    const first = new Map<string, FirstPlacement>();
    const batches = new Set<PendingBatch>();
    const timestampMs = Date.now();
    for (const { topic, messages } of batch.topicMessages) {
      for (const message of messages) {
        const prepared = prepareMessage(message, timestampMs);
        if (prepared.sizeBytes + BATCH_HEADER_BYTES > options.maxRequestBytes) {
          throw new TributaryError("MESSAGE_TOO_LARGE", `a message of about ${prepared.sizeBytes} bytes does not fit maxRequestBytes=${options.maxRequestBytes}; split it or raise the limit`);
        }
        if (!this.budget.tryReserve(prepared.sizeBytes)) {
          this.sender.wakeup();
          await this.budget.reserve(prepared.sizeBytes, options.maxBlockMs);
          this.refuseIfAborted(prepared.sizeBytes);
        }
        let partition: number;
        try {
          const info = cluster.metadata.topic(topic);
          if (info === undefined) throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `topic "${topic}" no longer exists`);
          partition = this.chooser.choose(info, message, prepared, (candidate) => this.accumulator.openBatchFitting(topic, candidate, prepared.sizeBytes, lane));
        } catch (error) {
          this.budget.release(prepared.sizeBytes);
          throw error;
        }
        // From here the batch holds the reservation and releases it when it is done.
        const placement = this.accumulator.append(topic, partition, prepared, lane);
        this.chooser.appended(topic, message, prepared, partition, placement.batch);
        batches.add(placement.batch);
        const key = `${topic}\u0000${placement.batch.partition}`;
        if (!first.has(key)) first.set(key, { topic, partition: placement.batch.partition, ...placement });
      }
    }
    this.sender.wakeup();
    const pending = [...batches];
    const outcomes = await Promise.all(pending.map((entry) => entry.outcome));
    const results = new Map<PendingBatch, BatchResult>();
    outcomes.forEach((outcome, index) => {
      if (!outcome.ok) throw outcome.error;
      results.set(pending[index]!, outcome.result);
    });
    return [...first.values()].map(({ topic, partition, batch: placed, index }) => {
      const result = results.get(placed)!;
      return {
        topicName: topic,
        partition,
        baseOffset: result.baseOffset >= 0n ? result.baseOffset + BigInt(index) : -1n,
        logAppendTime: result.logAppendTime,
        logStartOffset: result.logStartOffset,
      };
    });
  }

  /**
   * markStaleIfPartitionsUnknown marks topics stale when a message names a partition beyond the
   * cached count: partitions may have been added since, so metadata is refreshed once before the
   * partition is refused.
   */
  private markStaleIfPartitionsUnknown(batch: ProducerBatch): void {
    const { metadata } = this.deps.cluster;
    for (const { topic, messages } of batch.topicMessages) {
      const known = metadata.topic(topic)?.partitions.length ?? 0;
      if (messages.some((message) => typeof message.partition === "number" && message.partition >= known)) metadata.markStale(topic);
    }
  }

  /**
   * awaitTopics waits, up to `deadlineMs`, for every topic to be known with at least one
   * partition. Metadata for a just-created topic may take a moment to reach every broker.
   */
  private async awaitTopics(topics: readonly string[], deadlineMs: number): Promise<void> {
    const { cluster, clock, options } = this.deps;
    for (let attempt = 0; ; attempt++) {
      await cluster.ensureTopics(topics);
      const missing = topics.filter((topic) => (cluster.metadata.topic(topic)?.partitions.length ?? 0) === 0);
      if (missing.length === 0) return;
      const nowMs = clock.nowMs();
      if (nowMs >= deadlineMs) {
        throw new TributaryError(
          "UNKNOWN_TOPIC_OR_PARTITION",
          `topic ${missing.map((topic) => `"${topic}"`).join(", ")} does not exist (waited maxBlockMs=${options.maxBlockMs}); create it first or check the name`,
        );
      }
      for (const topic of missing) cluster.metadata.markStale(topic);
      await sleep(clock, Math.min(cluster.retrier.delayMs(Math.min(attempt, 8)), deadlineMs - nowMs), this.abortController.signal);
      this.refuseIfAborted();
    }
  }

  private lane(batch: SendOptions): BatchLane {
    const { options } = this.deps;
    const { identity } = this;
    const acks = batch.acks ?? options.acks;
    const timeoutMs = batch.timeout ?? options.timeoutMs;
    const compression = batch.compression ?? options.compression;
    if (acks !== -1 && acks !== 0 && acks !== 1) throw new TributaryError("INVALID_REQUIRED_ACKS", `acks must be -1, 0 or 1, not ${String(acks)}`);
    if (identity.idempotent && acks !== -1) {
      throw new TributaryError("INVALID_REQUIRED_ACKS", `an idempotent producer sends with acks=-1 only, not ${acks}; create the producer with idempotent: false to use acks 0 or 1`);
    }
    if (!Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > INT32_MAX) throw new TributaryError("INVALID_REQUEST", `timeout must be a whole number of ms, not ${timeoutMs}`);
    if (!isCompressionCodecId(compression)) throw new TributaryError("INVALID_REQUEST", `compression ${String(compression)} is not a CompressionCodec value`);
    return { acks, timeoutMs, compression };
  }

  /** refuseNewSend throws if the session takes no new sends (disconnecting, or failed for good). */
  private refuseNewSend(): void {
    const error = this.identity.fatal ?? (this.closing ? new ProducerDisconnectedError("the producer is disconnecting; records sent now are refused") : undefined);
    if (error !== undefined) throw error;
  }

  /**
   * refuseIfAborted throws if a send already under way may buffer nothing more (the producer
   * failed for good, or disconnect() gave up); `heldBytes` reserved for a record are released.
   * Without it, a send resuming after the sender stopped would wait forever.
   */
  private refuseIfAborted(heldBytes = 0): void {
    const error =
      this.identity.fatal ?? (this.aborted ? new ProducerDisconnectedError("the producer disconnected before this record was buffered") : undefined);
    if (error === undefined) return;
    if (heldBytes > 0) this.budget.release(heldBytes);
    throw error;
  }

  private async settled(): Promise<void> {
    await Promise.allSettled([...this.activeSends]);
    await Promise.all(this.accumulator.pendingBatches().map((batch) => batch.outcome));
  }

  private withinMs(promise: Promise<void>, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = this.deps.clock.setTimer(() => resolve(false), timeoutMs);
      promise.then(
        () => {
          timer.cancel();
          resolve(true);
        },
        () => {
          timer.cancel();
          resolve(true);
        },
      );
    });
  }
}
