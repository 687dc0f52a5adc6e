import { TributaryError } from "@tributary/client/internal/errors";
import type { MetadataImage, PartitionState } from "@tributary/controller/internal/metadata";
import type { Clock } from "../log/clock.js";
import type { LogManager } from "./log-manager.js";
import type { FetcherManager } from "./fetcher-manager.js";
import { Partition, type PartitionSettings } from "./partition.js";
import type { IsrChangeSender } from "./partition-registration.js";
import { tpKey } from "./topic-partition.js";

/** ReplicaManagerOptions configures a {@link ReplicaManager}. */
export interface ReplicaManagerOptions {
  readonly brokerId: number;
  readonly clock: Clock;
  readonly logManager: LogManager;
  readonly fetchers: FetcherManager;
  readonly isrSender: IsrChangeSender;
  /** Per-topic settings, read from the current metadata image. */
  readonly settingsFor: (topic: string) => PartitionSettings;
  readonly onError?: (message: string) => void;
  /** Called once per partition log opened, with how it was opened (clean, or recovered). */
  readonly onLogOpened?: (partition: Partition) => void;
}

/**
 * ReplicaManager holds every partition replica this broker hosts (Kafka's ReplicaManager) and
 * keeps them in line with the metadata image: it opens the logs of partitions assigned here,
 * makes each replica leader or follower as its registration says (handing followers to the
 * fetchers), and deletes the logs of partitions deleted or moved away.
 *
 * Reconciliation is serial: each image is applied completely before the next one starts.
 */
export class ReplicaManager {
  readonly #options: ReplicaManagerOptions;
  readonly #partitions = new Map<string, Partition>();
  readonly #topicIds = new Map<string, string>();
  #reconciling: Promise<void> = Promise.resolve();
  readonly #listeners = new Set<(partition: Partition) => void>();

  constructor(options: ReplicaManagerOptions) {
    this.#options = options;
  }

  /** partition returns a hosted partition, or undefined. */
  partition(topic: string, partition: number): Partition | undefined {
    return this.#partitions.get(tpKey(topic, partition));
  }

  /** partitions lists every hosted partition. */
  partitions(): Partition[] {
    return [...this.#partitions.values()];
  }

  /** onPartitionChange registers a listener told when a partition's role may have changed. */
  onPartitionChange(listener: (partition: Partition) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** applyImage brings every hosted replica in line with `image`. */
  applyImage(image: MetadataImage): Promise<void> {
    const run = () => this.#reconcile(image);
    this.#reconciling = this.#reconciling.then(run, run);
    return this.#reconciling;
  }

  async #reconcile(image: MetadataImage): Promise<void> {
    const brokerId = this.#options.brokerId;
    const wanted = new Map<string, { topic: string; state: PartitionState }>();
    for (const topic of image.topics.topics()) {
      for (const state of topic.partitions) {
        if (state.replicas.includes(brokerId)) wanted.set(tpKey(topic.name, state.partition), { topic: topic.name, state });
      }
    }
    for (const [key, partition] of this.#partitions) {
      const want = wanted.get(key);
      if (want === undefined || want.state.topicId !== this.#topicIds.get(key)) {
        this.#partitions.delete(key);
        this.#topicIds.delete(key);
        this.#options.fetchers.unfollow(partition);
        await partition.goOffline();
        await this.#options.logManager.delete(partition.topic, partition.partition);
        this.#notify(partition);
      }
    }
    for (const [key, { topic, state }] of wanted) {
      try {
        let partition = this.#partitions.get(key);
        if (partition === undefined) {
          const log = await this.#options.logManager.getOrCreate(topic, state.partition, state.topicId);
          partition = new Partition({
            topic,
            partition: state.partition,
            log,
            brokerId,
            clock: this.#options.clock,
            settings: this.#options.settingsFor(topic),
            isrSender: this.#options.isrSender,
          });
          this.#partitions.set(key, partition);
          this.#topicIds.set(key, state.topicId);
          this.#options.onLogOpened?.(partition);
        }
        await partition.applyRegistration(state);
        if (state.leader === brokerId || state.leader < 0) this.#options.fetchers.unfollow(partition);
        else this.#options.fetchers.follow(partition, state.leader, state.leaderEpoch);
        this.#notify(partition);
      } catch (error) {
        this.#options.onError?.(`cannot host ${key}: ${(error as Error).message}`);
      }
    }
  }

  #notify(partition: Partition): void {
    for (const listener of this.#listeners) listener(partition);
  }

  /**
   * leaderPartitionOrThrow returns the partition if this broker leads it, else throws the error a
   * client should act on: UNKNOWN_TOPIC_OR_PARTITION or NOT_LEADER_OR_FOLLOWER with a hint.
   */
  leaderPartitionOrThrow(topic: string, partition: number, image: MetadataImage): Partition {
    const hosted = this.partition(topic, partition);
    if (hosted !== undefined && hosted.isLeader) return hosted;
    const topicImage = image.topics.topicByName(topic);
    const state = topicImage?.partitions[partition];
    if (state === undefined) throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `no partition ${topic}-${partition}`);
    if (state.leader < 0) throw new TributaryError("LEADER_NOT_AVAILABLE", `${topic}-${partition} has no leader right now`);
    if (state.leader === this.#options.brokerId) {
      throw new TributaryError("NOT_LEADER_OR_FOLLOWER", `broker ${state.leader} is still taking over ${topic}-${partition}; retry shortly`, {
        leaderHint: { nodeId: state.leader, epoch: state.leaderEpoch },
      });
    }
    const registration = image.cluster.broker(state.leader);
    const endpoint = registration?.endpoints[0];
    throw new TributaryError("NOT_LEADER_OR_FOLLOWER", `broker ${this.#options.brokerId} does not lead ${topic}-${partition}; broker ${state.leader} does`, {
      leaderHint: { nodeId: state.leader, epoch: state.leaderEpoch, ...(endpoint === undefined ? {} : { endpoint: `${endpoint.host}:${endpoint.port}` }) },
    });
  }

  /** shrinkIsrs asks every leader to drop followers that stopped catching up. */
  shrinkIsrs(): void {
    for (const partition of this.#partitions.values()) partition.maybeShrinkIsr();
  }

  /** enforceRetention deletes old segments of every hosted log. */
  async enforceRetention(): Promise<void> {
    for (const partition of this.#partitions.values()) {
      await partition.log.deleteOldSegments().catch((error: unknown) => this.#options.onError?.(`retention of ${partition.topic}-${partition.partition}: ${(error as Error).message}`));
    }
  }

  /** shutdown stops fetching and closes every log cleanly. */
  async shutdown(): Promise<void> {
    await this.#reconciling;
    this.#options.fetchers.shutdown();
    for (const partition of this.#partitions.values()) await partition.goOffline();
    await this.#options.logManager.closeAll();
  }
}
