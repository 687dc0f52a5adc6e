import type { Cluster } from "../cluster/cluster.js";
import { InstrumentationEmitter, type InstrumentationListener, type RemoveInstrumentationEventListener } from "../instrumentation/instrumentation-emitter.js";
import type { NetworkObserver } from "../instrumentation/network-events.js";
import type { Logger } from "../logging/logger.js";
import type { Clock } from "../time/clock.js";
import { ProducerDisconnectedError } from "./producer-errors.js";
import type { ProducerEvents } from "./producer-events.js";
import type { ResolvedProducerOptions } from "./producer-options.js";
import { ProducerSession } from "./producer-session.js";
import type { ProducerBatch, ProducerMetrics, ProducerRecord, RecordMetadata } from "./producer-types.js";

/**
 * Producer sends records to topics. Records are batched per partition (lingerMs,
 * batchSizeBytes), compressed, and sent to partition leaders with at most 5 requests in flight
 * per broker; an idempotent producer (the default) never duplicates or reorders a partition's
 * records on retry. Memory for unacknowledged records is bounded by bufferMemoryBytes: when it
 * is full, send() waits up to maxBlockMs.
 *
 * Not re-entrant across connect/disconnect: calls made while disconnecting are refused.
 */
export interface Producer {
  /** connect bootstraps from the cluster and, when idempotent, gets a producer id. */
  connect(): Promise<void>;
  /**
   * disconnect refuses new sends, delivers what is pending, and closes connections. Records not
   * acknowledged within disconnectTimeoutMs fail with ProducerDisconnectedError. Idempotent.
   */
  disconnect(): Promise<void>;
  /**
   * send sends messages to one topic and resolves, once all are acknowledged, with one
   * RecordMetadata per partition written. If any batch fails, it rejects with that batch's error
   * (the other messages may still have been written).
   */
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  /** sendBatch is send() for several topics at once. */
  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
  /** flush sends everything buffered without lingering and resolves when all of it is settled. */
  flush(): Promise<void>;
  /** isIdempotent tells whether the producer numbers its batches. */
  isIdempotent(): boolean;
  /** on subscribes to an instrumentation event; returns the unsubscriber. */
  on<K extends keyof ProducerEvents & string>(type: K, listener: InstrumentationListener<ProducerEvents[K]>): RemoveInstrumentationEventListener;
  /** metrics reports buffer use, queues and in-flight requests. */
  metrics(): ProducerMetrics;
  /** logger is the producer's logger. */
  logger(): Logger;
}

/** ProducerDeps are what {@link createProducer} needs; the client class provides them. */
export interface ProducerDeps {
  /** cluster makes the producer's own cluster layer, reporting network events to `observer`. */
  readonly cluster: (observer: NetworkObserver) => Cluster;
  readonly options: ResolvedProducerOptions;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
}

/** createProducer builds a producer over its own connections. */
export function createProducer(deps: ProducerDeps): Producer {
  return new TributaryProducer(deps);
}

const EMPTY_METRICS: ProducerMetrics = {
  bufferUsedBytes: 0,
  bufferAvailableBytes: 0,
  waitingSends: 0,
  queuedBatches: 0,
  inFlightRequests: 0,
  producerId: -1n,
  producerEpoch: -1,
};

class TributaryProducer implements Producer {
  private readonly deps: ProducerDeps;
  private readonly events: InstrumentationEmitter<ProducerEvents>;
  private readonly cluster: Cluster;
  private readonly log: Logger;
  private session: ProducerSession | undefined;
  private connecting: Promise<void> | undefined;
  private disconnecting: Promise<void> | undefined;

  constructor(deps: ProducerDeps) {
    this.deps = deps;
    this.log = deps.logger.namespace("Producer");
    this.events = new InstrumentationEmitter<ProducerEvents>(this.log);
    this.cluster = deps.cluster((type, payload) => this.events.emit(`producer.network.${type}`, payload as never));
  }

  connect(): Promise<void> {
    if (this.session !== undefined) return Promise.resolve();
    this.connecting ??= (async () => {
      await this.disconnecting;
      try {
        await this.cluster.connect();
        const session = new ProducerSession({ ...this.deps, cluster: this.cluster, logger: this.log, events: this.events });
        await session.start();
        this.session = session;
      } catch (error) {
        await this.cluster.disconnect();
        throw error;
      }
      this.log.info("producer connected", { idempotent: this.deps.options.idempotent });
      this.events.emit("producer.connect", {});
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  disconnect(): Promise<void> {
    this.disconnecting ??= (async () => {
      await this.connecting?.catch(() => undefined);
      const session = this.session;
      if (session !== undefined) await session.close(this.deps.options.disconnectTimeoutMs);
      this.session = undefined;
      await this.cluster.disconnect();
      if (session !== undefined) {
        this.log.info("producer disconnected");
        this.events.emit("producer.disconnect", {});
      }
    })().finally(() => (this.disconnecting = undefined));
    return this.disconnecting;
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { topic, messages, ...options } = record;
    return this.sendBatch({ ...options, topicMessages: [{ topic, messages }] });
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    const session = this.session;
    if (session === undefined || this.disconnecting !== undefined) {
      return Promise.reject(new ProducerDisconnectedError("the producer is not connected; call connect() before send()"));
    }
    return session.send(batch);
  }

  async flush(): Promise<void> {
    await this.session?.flush();
  }

  isIdempotent(): boolean {
    return this.deps.options.idempotent;
  }

  on<K extends keyof ProducerEvents & string>(type: K, listener: InstrumentationListener<ProducerEvents[K]>): RemoveInstrumentationEventListener {
    return this.events.on(type, listener);
  }

  metrics(): ProducerMetrics {
    return this.session?.metrics() ?? EMPTY_METRICS;
  }

  logger(): Logger {
    return this.log;
  }
}
