import type { Cluster } from "../cluster/cluster.js";
import { partitionKey, type PartitionItem } from "../cluster/route-to-leaders.js";
import { InstrumentationEmitter, type InstrumentationListener, type RemoveInstrumentationEventListener } from "../instrumentation/instrumentation-emitter.js";
import type { NetworkObserver } from "../instrumentation/network-events.js";
import type { Logger } from "../logging/logger.js";
import type { Clock } from "../time/clock.js";
import { ConsumerStateError } from "./consumer-errors.js";
import type { ConsumerEvents } from "./consumer-events.js";
import { ConsumerIterator } from "./consumer-iterator.js";
import type { ResolvedConsumerOptions } from "./consumer-options.js";
import { ConsumerSession } from "./consumer-session.js";
import type {
  ConsumerRecord,
  RunOptions,
  SubscribeOptions,
  TopicPartitionList,
  TopicPartitionOffset,
  TopicPartitionsAssignment,
  TopicPartitionsInput,
} from "./consumer-types.js";
import { NO_MEMBER, OffsetCommitter } from "./offset-committer.js";
import { PauseRegistry } from "./pause-registry.js";
import { Subscription } from "./subscription.js";
import { checkPartition, groupByTopic, toOffset } from "./topic-partitions.js";

/**
 * Consumer reads records, as a member of a consumer group (`subscribe()`: the group coordinator
 * assigns partitions, KIP-848) or from partitions it picks itself (`assign()`). Messages go to an
 * `eachMessage` or `eachBatch` handler (`run()`), or to a `for await` loop over the consumer.
 *
 * Heartbeats run on their own timer, so a slow handler never gets the member evicted (a handler
 * that blocks the event loop itself still would: keep CPU-bound work off it). Partitions move
 * between members incrementally: a partition taken away is released only after its in-flight
 * message finished and its offsets were committed. Memory is bounded by maxBufferedBytes, records
 * per batch by maxRecordsPerFetch. Offsets are bigint; a committed offset is the next to read.
 */
export interface Consumer extends AsyncIterable<ConsumerRecord> {
  /** connect bootstraps from the cluster. run() connects too when needed. */
  connect(): Promise<void>;
  /** disconnect stops (see stop()) and closes the consumer's connections. Idempotent. */
  disconnect(): Promise<void>;
  /**
   * subscribe adds topics (names and RegExps) to the group subscription. Call it before run();
   * needs a groupId; cannot be mixed with assign().
   */
  subscribe(options: SubscribeOptions): Promise<void>;
  /**
   * assign consumes exactly these partitions, without group membership: no heartbeats, no
   * rebalances; offsets are committed only with a groupId (as an administrator would, so only
   * while the group has no members). Replaces the previous assign(); allowed while running.
   */
  assign(assignment: readonly TopicPartitionsAssignment[]): void;
  /** run starts consuming with a handler; it resolves once started. See {@link RunOptions}. */
  run(options: RunOptions): Promise<void>;
  /**
   * stop stops consuming: no more handler calls, the ones running may finish (up to
   * rebalanceTimeoutMs), processed offsets are committed (autoCommit), and the member leaves its
   * group (epoch -1; a static member -2). Connections stay open; run() may be called again.
   */
  stop(): Promise<void>;
  /**
   * seek makes a partition continue from `offset`: buffered messages are dropped and a batch in
   * progress becomes stale. With autoCommit the offset is committed, as in KafkaJS. A partition
   * not consumed yet starts there when it is assigned.
   */
  seek(position: TopicPartitionOffset): void;
  /** pause stops fetching and handing out the given topics (all partitions, also ones assigned later) or partitions. */
  pause(topics: readonly TopicPartitionsInput[]): void;
  /** resume undoes pause(). */
  resume(topics: readonly TopicPartitionsInput[]): void;
  /** paused lists the paused partitions. */
  paused(): TopicPartitionList[];
  /** assignment lists the partitions this consumer holds now. */
  assignment(): TopicPartitionList[];
  /**
   * commitOffsets commits offsets (each the next offset to read) now, whatever autoCommit says.
   *
   * @throws CommitRejectedError when the member was fenced (it rejoins); ConsumerStateError without a groupId.
   */
  commitOffsets(offsets: readonly TopicPartitionOffset[]): Promise<void>;
  /** on subscribes to an instrumentation event; returns the unsubscriber. */
  on<K extends keyof ConsumerEvents & string>(type: K, listener: InstrumentationListener<ConsumerEvents[K]>): RemoveInstrumentationEventListener;
  /** logger is the consumer's logger. */
  logger(): Logger;
}

/** ConsumerDeps are what {@link createConsumer} needs; the client class provides them. */
export interface ConsumerDeps {
  /** cluster makes the consumer's own cluster layer, reporting network events to `observer`. */
  readonly cluster: (observer: NetworkObserver) => Cluster;
  readonly options: ResolvedConsumerOptions;
  readonly clientId: string;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
}

/** createConsumer builds a consumer over its own connections. */
export function createConsumer(deps: ConsumerDeps): Consumer {
  return new TributaryConsumer(deps);
}

class TributaryConsumer implements Consumer {
  private readonly deps: ConsumerDeps;
  private readonly events: InstrumentationEmitter<ConsumerEvents>;
  private readonly cluster: Cluster;
  private readonly log: Logger;
  private readonly pauses = new PauseRegistry();
  private readonly pendingSeeks = new Map<string, bigint>();
  private readonly endListeners = new Set<(error: Error | undefined) => void>();
  private subscription: Subscription | undefined;
  private manual: Map<string, PartitionItem> | undefined;
  private session: ConsumerSession | undefined;
  private crashError: Error | undefined;
  private connecting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;

  constructor(deps: ConsumerDeps) {
    this.deps = deps;
    this.log = deps.logger.namespace("Consumer");
    this.events = new InstrumentationEmitter<ConsumerEvents>(this.log);
    this.cluster = deps.cluster((type, payload) => this.events.emit(`consumer.network.${type}`, payload as never));
  }

  connect(): Promise<void> {
    if (this.cluster.isConnected) return Promise.resolve();
    this.connecting ??= this.cluster
      .connect()
      .then(() => {
        this.log.info("consumer connected", { groupId: this.deps.options.groupId });
        this.events.emit("consumer.connect", {});
      })
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async disconnect(): Promise<void> {
    await this.stop();
    await this.connecting?.catch(() => undefined);
    const wasConnected = this.cluster.isConnected;
    await this.cluster.disconnect();
    if (wasConnected) {
      this.log.info("consumer disconnected");
      this.events.emit("consumer.disconnect", {});
    }
  }

  async subscribe(options: SubscribeOptions): Promise<void> {
    if (this.session !== undefined) throw new ConsumerStateError("subscribe() must come before run(); stop() the consumer to change its subscription");
    if (this.manual !== undefined) throw new ConsumerStateError("this consumer uses assign(); subscribe() and assign() cannot be mixed");
    if (this.deps.options.groupId === undefined) throw new ConsumerStateError("subscribe() joins a consumer group: give the consumer a groupId, or use assign()");
    const subscription = this.subscription ?? new Subscription();
    subscription.add(options.topics, options.fromBeginning ?? this.deps.options.fromBeginning);
    this.subscription = subscription;
  }

  assign(assignment: readonly TopicPartitionsAssignment[]): void {
    if (this.subscription !== undefined) throw new ConsumerStateError("this consumer subscribed to a group; subscribe() and assign() cannot be mixed");
    const manual = new Map<string, PartitionItem>();
    for (const { topic, partitions } of assignment) {
      for (const partition of partitions) {
        checkPartition(topic, partition);
        manual.set(partitionKey(topic, partition), { topic, partition });
      }
    }
    this.manual = manual;
    this.session?.assignManual([...manual.values()]);
  }

  async run(options: RunOptions): Promise<void> {
    const { eachMessage, eachBatch } = options;
    if ((eachMessage === undefined) === (eachBatch === undefined)) throw new ConsumerStateError("run() takes exactly one of eachMessage and eachBatch");
    const concurrency = options.partitionsConsumedConcurrently ?? 1;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new ConsumerStateError(`partitionsConsumedConcurrently is ${concurrency}; it must be a positive integer`);
    if (this.session !== undefined) throw new ConsumerStateError("the consumer is already running; stop() it first");
    if (this.subscription === undefined && this.manual === undefined) throw new ConsumerStateError("nothing to consume: call subscribe() or assign() before run()");
    await this.stopping;
    await this.connect();
    if (this.session !== undefined) throw new ConsumerStateError("the consumer is already running; stop() it first");
    const { options: resolved, clientId, clock, random } = this.deps;
    this.crashError = undefined;
    this.session = new ConsumerSession({
      cluster: this.cluster,
      options: resolved,
      clientId,
      clock,
      logger: this.log,
      events: this.events,
      subscription: this.subscription,
      manual: [...(this.manual?.values() ?? [])],
      pauses: this.pauses,
      pendingSeeks: this.pendingSeeks,
      runner: { eachMessage, eachBatch, eachBatchAutoResolve: options.eachBatchAutoResolve ?? true, partitionsConsumedConcurrently: concurrency, random },
      onStop: (error) => {
        this.crashError ??= error;
        void this.stop();
      },
    });
    this.session.start();
    this.log.info("consumer running", { groupId: resolved.groupId, subscription: this.subscription?.topicNames, regex: this.subscription?.topicRegex });
  }

  stop(): Promise<void> {
    const session = this.session;
    if (session === undefined) return this.stopping ?? Promise.resolve();
    this.session = undefined;
    // session.stop() stops handing out messages before its first await (the iterator relies on it).
    const stopped = session.stop();
    this.stopping = stopped
      .then(() => {
        const error = this.crashError;
        this.events.emit("consumer.stop", {});
        for (const listener of [...this.endListeners]) listener(error);
      })
      .finally(() => (this.stopping = undefined));
    return this.stopping;
  }

  seek(position: TopicPartitionOffset): void {
    checkPartition(position.topic, position.partition);
    const offset = toOffset(position.offset, `seek offset of ${position.topic}-${position.partition}`);
    if (this.session !== undefined) this.session.seek(position.topic, position.partition, offset);
    else this.pendingSeeks.set(partitionKey(position.topic, position.partition), offset);
  }

  pause(topics: readonly TopicPartitionsInput[]): void {
    this.pauses.pause(topics);
  }

  resume(topics: readonly TopicPartitionsInput[]): void {
    this.pauses.resume(topics);
    this.session?.resumed();
  }

  paused(): TopicPartitionList[] {
    return this.pauses.paused(this.session?.owned() ?? []);
  }

  assignment(): TopicPartitionList[] {
    return groupByTopic(this.session?.owned() ?? []);
  }

  async commitOffsets(offsets: readonly TopicPartitionOffset[]): Promise<void> {
    const groupId = this.deps.options.groupId;
    if (groupId === undefined) throw new ConsumerStateError("offsets are committed to a consumer group: give the consumer a groupId");
    for (const entry of offsets) checkPartition(entry.topic, entry.partition);
    if (this.session !== undefined) return this.session.commitOffsets(offsets);
    await this.connect();
    const committer = new OffsetCommitter({ cluster: this.cluster, groupId, events: this.events, identity: () => NO_MEMBER });
    await committer.commit(offsets.map((entry) => ({ topic: entry.topic, partition: entry.partition, offset: toOffset(entry.offset, "commit offset"), leaderEpoch: -1 })));
  }

  on<K extends keyof ConsumerEvents & string>(type: K, listener: InstrumentationListener<ConsumerEvents[K]>): RemoveInstrumentationEventListener {
    return this.events.on(type, listener);
  }

  logger(): Logger {
    return this.log;
  }

  [Symbol.asyncIterator](): AsyncIterator<ConsumerRecord> {
    return new ConsumerIterator({
      run: (eachMessage) => this.run({ eachMessage, partitionsConsumedConcurrently: 1 }),
      stop: () => this.stop(),
      onEnd: (listener) => {
        this.endListeners.add(listener);
        return () => this.endListeners.delete(listener);
      },
    });
  }
}
