import { credentials } from "@grpc/grpc-js";
import type { BrokerClient } from "@tributary/client/internal/generated/tributary/v1/Broker";
import { CHANNEL_OPTIONS, loadProtos } from "@tributary/client/internal/wire";
import type { Partition } from "./partition.js";
import { ReplicaFetcher, type ReplicaFetcherOptions } from "./replica-fetcher.js";

/** FetcherManagerOptions are the settings every fetcher shares, and how to reach a broker. */
export interface FetcherManagerOptions extends Omit<ReplicaFetcherOptions, "sourceBrokerId" | "client"> {
  /** The inter-broker address (host:port) of a broker, or undefined when it is not registered. */
  readonly addressOf: (brokerId: number) => string | undefined;
}

/**
 * FetcherManager keeps one {@link ReplicaFetcher} per leader broker this broker follows from
 * (Kafka's ReplicaFetcherManager), moving partitions between fetchers as leadership moves.
 */
export class FetcherManager {
  readonly #options: FetcherManagerOptions;
  readonly #fetchers = new Map<number, { fetcher: ReplicaFetcher; client: BrokerClient; address: string }>();
  /** Which fetcher each partition is with. */
  readonly #assignment = new Map<Partition, number>();

  constructor(options: FetcherManagerOptions) {
    this.#options = options;
  }

  /** follow makes `partition` fetch from `leaderId` in `leaderEpoch`. */
  follow(partition: Partition, leaderId: number, leaderEpoch: number): void {
    const address = this.#options.addressOf(leaderId);
    const current = this.#assignment.get(partition);
    if (current !== undefined && current !== leaderId) this.unfollow(partition);
    if (address === undefined) return;
    let entry = this.#fetchers.get(leaderId);
    if (entry !== undefined && entry.address !== address) {
      this.#close(leaderId);
      entry = undefined;
    }
    if (entry === undefined) {
      const { proto } = loadProtos();
      const client = new proto.tributary.v1.Broker(address, credentials.createInsecure(), {
        ...CHANNEL_OPTIONS,
        "grpc.initial_reconnect_backoff_ms": 100,
        "grpc.max_reconnect_backoff_ms": 1_000,
      });
      entry = { fetcher: new ReplicaFetcher({ ...this.#options, sourceBrokerId: leaderId, client }), client, address };
      this.#fetchers.set(leaderId, entry);
    }
    entry.fetcher.add(partition, leaderEpoch);
    this.#assignment.set(partition, leaderId);
  }

  /** unfollow stops fetching `partition` (it became leader, went offline, or was deleted). */
  unfollow(partition: Partition): void {
    const leaderId = this.#assignment.get(partition);
    if (leaderId === undefined) return;
    this.#assignment.delete(partition);
    const entry = this.#fetchers.get(leaderId);
    entry?.fetcher.remove(partition.topic, partition.partition);
    if (entry !== undefined && entry.fetcher.size === 0) this.#close(leaderId);
  }

  #close(leaderId: number): void {
    const entry = this.#fetchers.get(leaderId);
    if (entry === undefined) return;
    this.#fetchers.delete(leaderId);
    entry.fetcher.stop();
    entry.client.close();
  }

  /** shutdown stops every fetcher. */
  shutdown(): void {
    for (const leaderId of [...this.#fetchers.keys()]) this.#close(leaderId);
    this.#assignment.clear();
  }
}
