import { TributaryError } from "../errors/tributary-error.js";
import { formatBrokerAddress, type BrokerAddress } from "../connection/broker-address.js";
import type { BrokerConnection } from "../connection/broker-connection.js";
import type { NetworkObserver } from "../instrumentation/network-events.js";
import type { Logger } from "../logging/logger.js";
import { Retrier } from "../retry/retrier.js";
import type { RetryOptions } from "../retry/retry-options.js";
import type { Clock } from "../time/clock.js";
import { errorFromWire } from "../wire/wire-errors.js";
import { BrokerPool } from "./broker-pool.js";
import { BrokersUnreachableError, type BrokerFailure } from "./brokers-unreachable-error.js";
import { ClientClosedError } from "./client-closed-error.js";
import { metadataUpdateFromWire, type BrokerNodeInfo, type TopicInfo } from "./cluster-metadata.js";
import { MetadataCache } from "./metadata-cache.js";
import { shuffled } from "./shuffle.js";

/** ClusterOptions configure a {@link Cluster}. */
export interface ClusterOptions {
  /** seedBrokers are the bootstrap addresses; any one of them is enough. */
  readonly seedBrokers: readonly BrokerAddress[];
  readonly clientId: string;
  readonly requestTimeoutMs: number;
  readonly connectionTimeoutMs: number;
  /** metadataMaxAgeMs is how old topic metadata may get before it is refreshed on use. */
  readonly metadataMaxAgeMs: number;
  readonly retry: RetryOptions;
  readonly logger: Logger;
  readonly observer?: NetworkObserver;
  readonly clock: Clock;
  readonly random: () => number;
}

type TopicSet = ReadonlySet<string> | "all";

interface RefreshRun {
  topics: Set<string> | "all";
  promise: Promise<void>;
}

/**
 * Cluster is the cluster layer shared by the admin client, the producer and (next) the consumer:
 * bootstrap, the metadata cache and its refreshes, leader lookup with leader hints, the broker
 * pool, group coordinator lookup, and the retrier.
 *
 * Metadata refreshes are single-flight: a refresh asked for while one runs joins it when the
 * running one covers the wanted topics, and otherwise queues one merged refresh behind it, so a
 * burst of NOT_LEADER errors costs one or two Metadata calls, not one per error.
 */
export class Cluster {
  readonly metadata = new MetadataCache();
  readonly retrier: Retrier;
  readonly logger: Logger;
  readonly clock: Clock;
  private readonly options: ClusterOptions;
  private readonly pool: BrokerPool;
  private readonly coordinators = new Map<string, { nodeId: number; address: BrokerAddress }>();
  private running: RefreshRun | undefined;
  private queued: RefreshRun | undefined;
  private connected = false;
  private rotation: number;
  private lifecycle = new AbortController();

  constructor(options: ClusterOptions) {
    this.options = options;
    this.logger = options.logger.namespace("Cluster");
    this.clock = options.clock;
    this.retrier = new Retrier(options.retry, { clock: options.clock, random: options.random, signal: () => this.lifecycle.signal });
    this.pool = new BrokerPool({
      clientId: options.clientId,
      requestTimeoutMs: options.requestTimeoutMs,
      connectionTimeoutMs: options.connectionTimeoutMs,
      logger: options.logger.namespace("Connection"),
      clock: options.clock,
      ...(options.observer ? { observer: options.observer } : {}),
    });
    this.rotation = Math.floor(options.random() * 1_000_000);
  }

  /** isConnected tells whether bootstrap succeeded and {@link disconnect} has not been called. */
  get isConnected(): boolean {
    return this.connected;
  }

  /**
   * signal aborts when the cluster is disconnected; every retry of this cluster's retrier stops
   * on it, and other waits (metadata polling) should pass it to `sleep`.
   */
  get signal(): AbortSignal {
    return this.lifecycle.signal;
  }

  /** requestTimeoutMs is the default RPC deadline. */
  get requestTimeoutMs(): number {
    return this.options.requestTimeoutMs;
  }

  /**
   * connect bootstraps: it asks the seed brokers, in random order, for metadata until one
   * answers, and retries the whole pass with backoff if none does.
   *
   * @throws TributaryRetriesExceededError whose cause is a BrokersUnreachableError listing each seed's failure.
   */
  async connect(): Promise<void> {
    if (this.connected) return;
    if (this.lifecycle.signal.aborted) this.lifecycle = new AbortController();
    this.pool.reopen();
    await this.retrier.run(() => this.bootstrapOnce(), { operation: "bootstrap" });
    this.connected = true;
  }

  /**
   * disconnect closes every connection, cancelling calls in flight, and stops every retry loop:
   * they reject with ClientClosedError.
   */
  async disconnect(): Promise<void> {
    this.connected = false;
    this.lifecycle.abort(new ClientClosedError());
    this.pool.closeAll();
    this.coordinators.clear();
  }

  /**
   * refreshMetadata asks a broker for the metadata of `topics` ("all" for every topic) and merges
   * the answer into the cache. Retriable failures are retried on other brokers.
   */
  refreshMetadata(topics: Iterable<string> | "all"): Promise<void> {
    const wanted: TopicSet = topics === "all" ? "all" : new Set(topics);
    if (wanted !== "all" && wanted.size === 0) return Promise.resolve();
    if (this.running !== undefined && covers(this.running.topics, wanted)) return this.running.promise;
    if (this.running === undefined) return this.startRefresh(copyTopics(wanted)).promise;
    if (this.queued !== undefined) {
      this.queued.topics = mergeTopics(this.queued.topics, wanted);
      return this.queued.promise;
    }
    const queued: RefreshRun = { topics: copyTopics(wanted), promise: Promise.resolve() };
    queued.promise = this.running.promise
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.startRefresh(queued.topics).promise;
      });
    this.queued = queued;
    return queued.promise;
  }

  /**
   * ensureTopics refreshes the topics of `topics` that are unknown, stale, or older than
   * metadataMaxAgeMs. Topics that do not exist stay absent from the cache; callers decide.
   */
  async ensureTopics(topics: Iterable<string>): Promise<void> {
    const nowMs = this.clock.nowMs();
    const stale = [...new Set(topics)].filter((topic) => !this.metadata.isFresh(topic, nowMs, this.options.metadataMaxAgeMs));
    if (stale.length > 0) await this.refreshMetadata(stale);
  }

  /**
   * requireTopic returns a topic's metadata, refreshing it if needed.
   *
   * @throws TributaryError UNKNOWN_TOPIC_OR_PARTITION (retriable, so a retrier waits for a topic
   *   still being created) when the cluster does not know the topic.
   */
  async requireTopic(topic: string): Promise<TopicInfo> {
    await this.ensureTopics([topic]);
    const info = this.metadata.topic(topic);
    if (info === undefined) {
      this.metadata.markStale(topic);
      throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `topic "${topic}" does not exist; create it first or check its name`);
    }
    return info;
  }

  /** leaderOf returns the leader of a partition, or -1 when unknown or leaderless. */
  leaderOf(topic: string, partition: number): number {
    const leader = this.metadata.topic(topic)?.partitions[partition]?.leader ?? -1;
    return leader >= 0 && this.metadata.brokers.has(leader) ? leader : -1;
  }

  /**
   * connectionToNode returns the connection to broker `nodeId`.
   *
   * @throws TributaryError BROKER_NOT_AVAILABLE (refresh metadata, retry) when the node is unknown.
   */
  connectionToNode(nodeId: number): BrokerConnection {
    const node = this.metadata.brokers.get(nodeId);
    if (node === undefined) {
      throw new TributaryError("BROKER_NOT_AVAILABLE", `broker ${nodeId} is not in the cluster metadata; refreshing it`);
    }
    return this.pool.connection(node, nodeId);
  }

  /**
   * anyConnection returns a connection to some broker, for requests any broker can answer. Each
   * `attempt` moves to the next candidate, live brokers first, then the seeds, so a retry after a
   * connection failure goes elsewhere.
   */
  anyConnection(attempt = 0): BrokerConnection {
    const candidates = this.candidates();
    const pick = candidates[(this.rotation + attempt) % candidates.length]!;
    return this.pool.connection(pick.address, pick.nodeId);
  }

  /** brokerNodes lists the live brokers, by id. */
  brokerNodes(): BrokerNodeInfo[] {
    return [...this.metadata.brokers.values()].sort((a, b) => a.nodeId - b.nodeId);
  }

  /**
   * handleStaleMetadata reacts to a partition error that says the client's view is stale: it
   * follows the leader hint when the error carries one the cache can use, and otherwise marks the
   * topic stale and refreshes it. Resolves when the cache is updated.
   */
  async handleStaleMetadata(topic: string, partition: number, error: TributaryError): Promise<void> {
    if (error.leaderHint !== undefined && this.metadata.applyLeaderHint(topic, partition, error.leaderHint)) {
      this.logger.debug("following leader hint", { topic, partition, leader: error.leaderHint.nodeId });
      return;
    }
    this.metadata.markStale(topic);
    await this.refreshMetadata([topic]);
  }

  /**
   * coordinatorFor returns the connection to `groupId`'s coordinator, asking FindCoordinator once
   * and caching the answer until {@link invalidateCoordinator}.
   */
  async coordinatorFor(groupId: string): Promise<BrokerConnection> {
    const cached = this.coordinators.get(groupId);
    if (cached !== undefined) return this.pool.connection(cached.address, cached.nodeId);
    const found = await this.retrier.run(
      async ({ attempt }) => {
        const response = await this.anyConnection(attempt).findCoordinator({ key: groupId, keyType: "COORDINATOR_KEY_TYPE_GROUP" });
        const error = errorFromWire(response.error);
        if (error !== null) throw error;
        return { nodeId: response.nodeId, address: { host: response.host, port: response.port } };
      },
      { operation: `FindCoordinator(${groupId})` },
    );
    this.coordinators.set(groupId, found);
    return this.pool.connection(found.address, found.nodeId);
  }

  /** invalidateCoordinator forgets `groupId`'s coordinator, after NOT_COORDINATOR and the like. */
  invalidateCoordinator(groupId: string): void {
    this.coordinators.delete(groupId);
  }

  private async bootstrapOnce(): Promise<void> {
    const failures: BrokerFailure[] = [];
    for (const seed of shuffled(this.options.seedBrokers, this.options.random)) {
      try {
        await this.fetchMetadataFrom(this.pool.connection(seed), "all");
        return;
      } catch (error) {
        const typed = TributaryError.from(error);
        if (!typed.retriable) throw typed;
        const address = formatBrokerAddress(seed);
        this.logger.warn("bootstrap broker did not answer; trying the next", { broker: address, error: typed });
        failures.push({ address, error: typed });
      }
    }
    throw new BrokersUnreachableError(failures);
  }

  private startRefresh(topics: Set<string> | "all"): RefreshRun {
    const run: RefreshRun = { topics, promise: Promise.resolve() };
    run.promise = this.retrier
      .run(({ attempt }) => this.fetchMetadataFrom(this.anyConnection(attempt), topics), { operation: "Metadata" })
      .finally(() => {
        if (this.running === run) this.running = undefined;
      });
    this.running = run;
    return run;
  }

  private async fetchMetadataFrom(connection: BrokerConnection, topics: TopicSet): Promise<void> {
    const response = await connection.metadata({ topics: topics === "all" ? [] : [...topics], includeInternal: topics !== "all" });
    const update = metadataUpdateFromWire(response);
    this.metadata.apply(update, topics, this.clock.nowMs());
    if (connection.nodeId < 0) {
      const node = update.brokers.find((broker) => broker.address === connection.address);
      if (node !== undefined) connection.identify(node.nodeId);
    }
  }

  private candidates(): { address: BrokerAddress; nodeId: number }[] {
    const live = this.brokerNodes().map((node) => ({ address: { host: node.host, port: node.port }, nodeId: node.nodeId }));
    const liveAddresses = new Set(this.brokerNodes().map((node) => node.address));
    const seeds = this.options.seedBrokers.filter((seed) => !liveAddresses.has(formatBrokerAddress(seed))).map((address) => ({ address, nodeId: -1 }));
    return [...live, ...seeds];
  }
}

function covers(have: Set<string> | "all", want: TopicSet): boolean {
  if (have === "all") return true;
  if (want === "all") return false;
  for (const topic of want) if (!have.has(topic)) return false;
  return true;
}

function copyTopics(topics: TopicSet): Set<string> | "all" {
  return topics === "all" ? "all" : new Set(topics);
}

function mergeTopics(into: Set<string> | "all", more: TopicSet): Set<string> | "all" {
  if (into === "all" || more === "all") return "all";
  for (const topic of more) into.add(topic);
  return into;
}
