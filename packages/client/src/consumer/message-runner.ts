import type { InstrumentationEmitter } from "../instrumentation/instrumentation-emitter.js";
import type { Logger } from "../logging/logger.js";
import { retryDelayMs } from "../retry/backoff.js";
import type { RetryOptions } from "../retry/retry-options.js";
import { sleep, type Clock } from "../time/clock.js";
import { ConsumerBatch } from "./consumer-batch.js";
import { MessageProcessingError } from "./consumer-errors.js";
import type { ConsumerEvents } from "./consumer-events.js";
import type { ConsumerMessage, EachBatchHandler, EachBatchPayload, EachMessageHandler, TopicOffsets, TopicPartitionOffset } from "./consumer-types.js";
import type { FetchedChunk } from "./fetched-chunk.js";
import { callWithRetries, type HandlerOutcome } from "./handler-retry.js";
import type { PartitionState } from "./partition-state.js";
import { toOffset } from "./topic-partitions.js";
import { WakeSignal } from "./wake-signal.js";

/** RunnerSource is where the runner takes partitions from and whom it reports to. */
export interface RunnerSource {
  /** nextPartition picks a partition with messages to hand out that is not in `busy`, or undefined. */
  nextPartition(busy: ReadonlySet<string>): PartitionState | undefined;
  isPaused(state: PartitionState): boolean;
  /** pause pauses a partition; returns its resume function. */
  pause(topic: string, partition: number): () => void;
  commitOffsetsIfNecessary(offsets?: readonly TopicPartitionOffset[]): Promise<void>;
  uncommittedOffsets(): TopicOffsets[];
  /** onConsumed: messages were handed out for good, so buffer room may have been freed. */
  onConsumed(): void;
  /**
   * onHandlerFailed: a handler ran out of retries. The failed message stays first in line: it is
   * handed out again (after a backoff) unless the consumer stops.
   */
  onHandlerFailed(error: MessageProcessingError): Promise<void>;
  /** onRunnerFailed: the runner itself failed (a bug); consuming cannot safely go on. */
  onRunnerFailed(error: unknown): void;
}

/** RunnerOptions are the handler and limits of a run. */
export interface RunnerOptions {
  readonly eachMessage: EachMessageHandler | undefined;
  readonly eachBatch: EachBatchHandler | undefined;
  readonly eachBatchAutoResolve: boolean;
  readonly partitionsConsumedConcurrently: number;
  /** maxRecordsPerFetch bounds a batch (0: no bound). */
  readonly maxRecordsPerFetch: number;
  readonly retry: RetryOptions;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
  readonly events: InstrumentationEmitter<ConsumerEvents>;
}

const HEARTBEAT = (): Promise<void> => Promise.resolve();

/**
 * MessageRunner hands buffered messages to the application's handler with
 * `partitionsConsumedConcurrently` workers. Invariant: at most one handler call per partition at
 * a time (by "topic-partition", across reassignments of it), so a partition's messages are
 * handled one after the other, in offset order.
 *
 * A message (or a batch's message) becomes committable only once handled, and only if its
 * partition was not sought meanwhile. Between messages the runner checks the partition is still
 * active, unpaused and at the same generation; when it is not, the rest of the batch stays
 * unhanded (revoked or lost: dropped; paused: handed out again after resume).
 */
export class MessageRunner {
  private readonly source: RunnerSource;
  private readonly options: RunnerOptions;
  private readonly busy = new Set<string>();
  private readonly work = new WakeSignal();
  private readonly idle = new WakeSignal();
  private readonly abort = new AbortController();
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(source: RunnerSource, options: RunnerOptions) {
    this.source = source;
    this.options = options;
  }

  /** isRunning tells whether handlers are still being given messages. */
  get isRunning(): boolean {
    return this.running;
  }

  /** start starts the workers. */
  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.options.partitionsConsumedConcurrently }, () => this.worker());
  }

  /** notify wakes idle workers: messages may be there to hand out. */
  notify(): void {
    this.work.notify();
  }

  /** stop hands out nothing more, cuts retry backoffs short, and resolves when handler calls in progress have ended. */
  stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.work.notify();
    return Promise.all(this.workers).then(() => undefined);
  }

  /** whenIdle resolves once no handler call runs on any of `keys` ("topic-partition"). */
  async whenIdle(keys: ReadonlySet<string>): Promise<void> {
    while ([...keys].some((key) => this.busy.has(key))) await this.idle.wait();
  }

  private async worker(): Promise<void> {
    while (this.running) {
      const state = this.source.nextPartition(this.busy);
      if (state === undefined) {
        await this.work.wait();
        continue;
      }
      this.busy.add(state.key);
      try {
        if (this.options.eachBatch !== undefined) await this.handleBatch(state, this.options.eachBatch);
        else if (this.options.eachMessage !== undefined) await this.handleMessages(state, this.options.eachMessage);
      } catch (error) {
        this.source.onRunnerFailed(error);
      } finally {
        this.busy.delete(state.key);
        this.idle.notify();
        this.source.onConsumed();
        this.work.notify();
      }
      // Handlers that settle at once chain only microtasks; yielding between batches lets timers
      // (heartbeats) and I/O (fetch answers) run however fast messages are handled.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** failed reports a handler that ran out of retries; if consuming goes on, it waits a backoff before the message is tried again. */
  private async failed(error: MessageProcessingError): Promise<void> {
    await this.source.onHandlerFailed(error);
    if (!this.running) return;
    const { retry, clock, random } = this.options;
    await sleep(clock, retryDelayMs(retry, 0, random), this.abort.signal).catch(() => undefined);
  }

  /** isFresh tells whether messages of `state` handed out under `generation` may still be handled. */
  private isFresh(state: PartitionState, generation: number): boolean {
    return this.running && state.status === "active" && state.generation === generation && !this.source.isPaused(state);
  }

  private call(state: PartitionState, generation: number, what: string, handler: () => Promise<void>): Promise<HandlerOutcome> {
    const { retry, clock, random, logger } = this.options;
    return callWithRetries(handler, { retry, clock, random, logger, what, signal: this.abort.signal, stillWanted: () => this.isFresh(state, generation) });
  }

  private takeBatch(state: PartitionState): { chunk: FetchedChunk; batch: ConsumerBatch } | undefined {
    const chunk = state.headChunk();
    if (chunk === undefined) return undefined;
    const batch = new ConsumerBatch(state.topic, state.partition, chunk.highWatermark, chunk.peek(this.options.maxRecordsPerFetch));
    return batch.isEmpty() ? undefined : { chunk, batch };
  }

  private async handleMessages(state: PartitionState, handler: EachMessageHandler): Promise<void> {
    const taken = this.takeBatch(state);
    if (taken === undefined) return;
    const { chunk, batch } = taken;
    const { topic, partition } = state;
    const generation = state.generation;
    const startMs = this.options.clock.nowMs();
    this.options.events.emit("consumer.start_batch_process", batch.eventPayload());
    for (const message of batch.messages) {
      if (!this.isFresh(state, generation)) break;
      const payload = { topic, partition, message, heartbeat: HEARTBEAT, pause: () => this.source.pause(topic, partition) };
      const outcome = await this.call(state, generation, `${state.key} offset ${message.offset}`, () => handler(payload));
      if (outcome.kind === "failed") {
        await this.failed(new MessageProcessingError(topic, partition, message.offset, outcome.attempts, outcome.error));
        break;
      }
      // A seek during the handler moved the position: this message must not overwrite it.
      if (outcome.kind === "abandoned" || state.generation !== generation) break;
      state.resolve(message.offset + 1n, message.leaderEpoch);
      state.advance(chunk, 1);
    }
    this.options.events.emit("consumer.end_batch_process", { ...batch.eventPayload(), durationMs: this.options.clock.nowMs() - startMs });
  }

  private async handleBatch(state: PartitionState, handler: EachBatchHandler): Promise<void> {
    const taken = this.takeBatch(state);
    if (taken === undefined) return;
    const { chunk, batch } = taken;
    const generation = state.generation;
    const resolution = new BatchResolution(state, generation, batch.messages);
    const startMs = this.options.clock.nowMs();
    this.options.events.emit("consumer.start_batch_process", batch.eventPayload());
    const outcome = await this.call(state, generation, `${state.key} batch at ${batch.firstOffset()}`, async () => {
      // A retry gets only what the failed attempts did not resolve.
      const pending = resolution.unresolved();
      if (pending.length > 0) await handler(this.batchPayload(new ConsumerBatch(state.topic, state.partition, batch.highWatermark, pending), state, generation, resolution));
    });
    const paused = this.source.isPaused(state);
    if (outcome.kind === "done" && this.options.eachBatchAutoResolve && !paused) resolution.resolveAll();
    // Unresolved messages are handed out again when the batch ended early (failure, pause).
    if (state.generation === generation) state.advance(chunk, outcome.kind === "done" && !paused ? batch.messages.length : resolution.resolvedCount());
    if (outcome.kind === "failed") {
      const offset = resolution.unresolved()[0]?.offset ?? batch.lastOffset();
      await this.failed(new MessageProcessingError(state.topic, state.partition, offset, outcome.attempts, outcome.error));
    }
    this.options.events.emit("consumer.end_batch_process", { ...batch.eventPayload(), durationMs: this.options.clock.nowMs() - startMs });
  }

  private batchPayload(batch: ConsumerBatch, state: PartitionState, generation: number, resolution: BatchResolution): EachBatchPayload {
    return {
      batch,
      resolveOffset: (offset) => resolution.resolve(toOffset(offset, "resolveOffset offset")),
      heartbeat: HEARTBEAT,
      commitOffsetsIfNecessary: (offsets) => this.source.commitOffsetsIfNecessary(offsets),
      uncommittedOffsets: () => this.source.uncommittedOffsets(),
      isRunning: () => this.running,
      isStale: () => state.status !== "active" || state.generation !== generation || this.source.isPaused(state),
      pause: () => this.source.pause(state.topic, state.partition),
    };
  }
}

/**
 * BatchResolution tracks what an eachBatch handler resolved. Invariant: `next` only grows, and
 * resolving has no effect once the partition is gone or was sought (generation moved): those
 * offsets are no longer this batch's to commit. A partition being revoked still takes them: its
 * in-flight batch finishes and is committed before the partition is released.
 */
class BatchResolution {
  private readonly state: PartitionState;
  private readonly generation: number;
  private readonly messages: readonly ConsumerMessage[];
  private next: bigint;

  constructor(state: PartitionState, generation: number, messages: readonly ConsumerMessage[]) {
    this.state = state;
    this.generation = generation;
    this.messages = messages;
    this.next = messages[0]?.offset ?? 0n;
  }

  resolve(offset: bigint): void {
    if (!this.state.isOwned || this.state.generation !== this.generation) return;
    const leaderEpoch = this.messages.find((message) => message.offset === offset)?.leaderEpoch ?? -1;
    this.state.resolve(offset + 1n, leaderEpoch);
    if (offset + 1n > this.next) this.next = offset + 1n;
  }

  resolveAll(): void {
    const last = this.messages[this.messages.length - 1];
    if (last !== undefined) this.resolve(last.offset);
  }

  unresolved(): readonly ConsumerMessage[] {
    return this.messages.filter((message) => message.offset >= this.next);
  }

  resolvedCount(): number {
    return this.messages.length - this.unresolved().length;
  }
}
