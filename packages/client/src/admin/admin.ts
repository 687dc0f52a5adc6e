import type { Cluster } from "../cluster/cluster.js";
import { InstrumentationEmitter, type InstrumentationListener, type RemoveInstrumentationEventListener } from "../instrumentation/instrumentation-emitter.js";
import type { NetworkObserver } from "../instrumentation/network-events.js";
import type { Logger } from "../logging/logger.js";
import type { AdminEvents } from "./admin-events.js";
import type {
  AlterConfigsOptions,
  ClusterDescription,
  CreatePartitionsOptions,
  CreateTopicsOptions,
  DeleteTopicRecordsOptions,
  DeleteTopicsOptions,
  DescribeConfigsOptions,
  DescribedConfigResource,
  ElectionResult,
  ElectLeadersOptions,
  FetchOffsetsOptions,
  GroupDescription,
  GroupLag,
  ListedGroupEntry,
  PartitionOffsets,
  QuorumDescription,
  ResetOffsetsByTimestampOptions,
  ResetOffsetsOptions,
  SetOffsetsOptions,
  TopicCommittedOffsets,
  TopicDescription,
  TopicMetadataEntry,
} from "./admin-types.js";
import { describeCluster, describeQuorum, electLeaders } from "./cluster-operations.js";
import { alterConfigs, describeConfigs } from "./config-operations.js";
import { deleteGroups, describeGroups, fetchGroupLag, fetchOffsets, listGroups, resetOffsets, resetOffsetsByTimestamp, setOffsets } from "./group-operations.js";
import { deleteTopicRecords, fetchTopicOffsets, fetchTopicOffsetsByTimestamp } from "./offset-operations.js";
import { createPartitions, createTopics, deleteTopics, describeTopics, fetchTopicMetadata, listTopics } from "./topic-operations.js";

/**
 * Admin manages topics, configs, consumer groups and offsets, and describes the cluster. Methods
 * connect on first use if connect() was not called. Retriable failures are retried with backoff;
 * what still fails is thrown as a TributaryError whose message names the topic, partition, group
 * or resource and what to do. Multi-item requests retry only their failed items, and a failure
 * of some items is a TributaryAggregateError listing each. Offsets are bigint.
 */
export interface Admin {
  /** connect bootstraps from the cluster. */
  connect(): Promise<void>;
  /** disconnect closes the admin client's connections. */
  disconnect(): Promise<void>;
  /** listTopics lists topic names, internal topics excluded. */
  listTopics(): Promise<string[]>;
  /** createTopics creates topics; false when some already existed. Waits for leaders by default. */
  createTopics(options: CreateTopicsOptions): Promise<boolean>;
  /** deleteTopics deletes topics. */
  deleteTopics(options: DeleteTopicsOptions): Promise<void>;
  /** createPartitions grows topics' partition counts. */
  createPartitions(options: CreatePartitionsOptions): Promise<void>;
  /** fetchTopicMetadata describes topics in KafkaJS's shape (all topics when none are named). */
  fetchTopicMetadata(options?: { readonly topics?: readonly string[] }): Promise<{ topics: TopicMetadataEntry[] }>;
  /** describeTopics reports each partition's leader, replicas, ISR and whether it is offline or under-replicated. */
  describeTopics(topics: readonly string[]): Promise<TopicDescription[]>;
  /** describeConfigs reads topic and broker configs. */
  describeConfigs(options: DescribeConfigsOptions): Promise<{ resources: DescribedConfigResource[] }>;
  /** alterConfigs sets or deletes config overrides, incrementally. */
  alterConfigs(options: AlterConfigsOptions): Promise<void>;
  /** describeCluster lists brokers, controllers, the active controller and the cluster id. */
  describeCluster(): Promise<ClusterDescription>;
  /** describeQuorum reports the controller quorum's leader, epoch, high watermark and replicas. */
  describeQuorum(): Promise<QuorumDescription>;
  /** electLeaders restores preferred leaders (or runs an unclean election); per-partition outcomes. */
  electLeaders(options?: ElectLeadersOptions): Promise<ElectionResult[]>;
  /** fetchTopicOffsets reports each partition's high watermark and log start offset. */
  fetchTopicOffsets(topic: string): Promise<PartitionOffsets[]>;
  /** fetchTopicOffsetsByTimestamp finds, per partition, the first offset at or after a time (ms). */
  fetchTopicOffsetsByTimestamp(topic: string, timestamp?: number): Promise<{ partition: number; offset: bigint }[]>;
  /** deleteTopicRecords deletes records below the given offsets; returns the new log start offsets. */
  deleteTopicRecords(options: DeleteTopicRecordsOptions): Promise<{ partition: number; lowWatermark: bigint }[]>;
  /** listGroups lists every consumer group. */
  listGroups(): Promise<{ groups: ListedGroupEntry[] }>;
  /** describeGroups describes consumer groups: state, epochs and members with their assignments. */
  describeGroups(groupIds: readonly string[]): Promise<{ groups: GroupDescription[] }>;
  /** deleteGroups deletes consumer groups that have no members. */
  deleteGroups(groupIds: readonly string[]): Promise<{ groupId: string }[]>;
  /** fetchOffsets reads a group's committed offsets (-1n where none). */
  fetchOffsets(options: FetchOffsetsOptions): Promise<TopicCommittedOffsets[]>;
  /** fetchGroupLag reports a group's lag per partition and in total. */
  fetchGroupLag(options: FetchOffsetsOptions): Promise<GroupLag>;
  /** setOffsets commits explicit offsets for a group with no members. */
  setOffsets(options: SetOffsetsOptions): Promise<void>;
  /** resetOffsets moves a group with no members to a topic's earliest or latest offsets. */
  resetOffsets(options: ResetOffsetsOptions): Promise<void>;
  /** resetOffsetsByTimestamp moves a group with no members to the offsets at a time. */
  resetOffsetsByTimestamp(options: ResetOffsetsByTimestampOptions): Promise<void>;
  /** on subscribes to an instrumentation event; returns the unsubscriber. */
  on<K extends keyof AdminEvents & string>(type: K, listener: InstrumentationListener<AdminEvents[K]>): RemoveInstrumentationEventListener;
  /** logger is the admin client's logger. */
  logger(): Logger;
}

/** AdminDeps are what {@link createAdmin} needs; the client class provides them. */
export interface AdminDeps {
  /** cluster makes the admin client's own cluster layer, reporting network events to `observer`. */
  readonly cluster: (observer: NetworkObserver) => Cluster;
  readonly logger: Logger;
}

/** createAdmin builds an admin client over its own connections. */
export function createAdmin(deps: AdminDeps): Admin {
  return new TributaryAdmin(deps);
}

class TributaryAdmin implements Admin {
  private readonly events: InstrumentationEmitter<AdminEvents>;
  private readonly cluster: Cluster;
  private readonly log: Logger;
  private connecting: Promise<void> | undefined;

  constructor(deps: AdminDeps) {
    this.log = deps.logger.namespace("Admin");
    this.events = new InstrumentationEmitter<AdminEvents>(this.log);
    this.cluster = deps.cluster((type, payload) => this.events.emit(`admin.network.${type}`, payload as never));
  }

  connect(): Promise<void> {
    if (this.cluster.isConnected) return Promise.resolve();
    this.connecting ??= this.cluster
      .connect()
      .then(() => this.events.emit("admin.connect", {}))
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async disconnect(): Promise<void> {
    await this.connecting?.catch(() => undefined);
    const wasConnected = this.cluster.isConnected;
    await this.cluster.disconnect();
    if (wasConnected) this.events.emit("admin.disconnect", {});
  }

  private async run<T>(operation: (cluster: Cluster) => Promise<T>): Promise<T> {
    await this.connect();
    return operation(this.cluster);
  }

  listTopics(): Promise<string[]> {
    return this.run((cluster) => listTopics(cluster));
  }
  createTopics(options: CreateTopicsOptions): Promise<boolean> {
    return this.run((cluster) => createTopics(cluster, options));
  }
  deleteTopics(options: DeleteTopicsOptions): Promise<void> {
    return this.run((cluster) => deleteTopics(cluster, options));
  }
  createPartitions(options: CreatePartitionsOptions): Promise<void> {
    return this.run((cluster) => createPartitions(cluster, options));
  }
  fetchTopicMetadata(options: { readonly topics?: readonly string[] } = {}): Promise<{ topics: TopicMetadataEntry[] }> {
    return this.run((cluster) => fetchTopicMetadata(cluster, options.topics));
  }
  describeTopics(topics: readonly string[]): Promise<TopicDescription[]> {
    return this.run((cluster) => describeTopics(cluster, topics));
  }
  describeConfigs(options: DescribeConfigsOptions): Promise<{ resources: DescribedConfigResource[] }> {
    return this.run((cluster) => describeConfigs(cluster, options));
  }
  alterConfigs(options: AlterConfigsOptions): Promise<void> {
    return this.run((cluster) => alterConfigs(cluster, options));
  }
  describeCluster(): Promise<ClusterDescription> {
    return this.run((cluster) => describeCluster(cluster));
  }
  describeQuorum(): Promise<QuorumDescription> {
    return this.run((cluster) => describeQuorum(cluster));
  }
  electLeaders(options?: ElectLeadersOptions): Promise<ElectionResult[]> {
    return this.run((cluster) => electLeaders(cluster, options));
  }
  fetchTopicOffsets(topic: string): Promise<PartitionOffsets[]> {
    return this.run((cluster) => fetchTopicOffsets(cluster, topic));
  }
  fetchTopicOffsetsByTimestamp(topic: string, timestamp?: number): Promise<{ partition: number; offset: bigint }[]> {
    return this.run((cluster) => fetchTopicOffsetsByTimestamp(cluster, topic, timestamp));
  }
  deleteTopicRecords(options: DeleteTopicRecordsOptions): Promise<{ partition: number; lowWatermark: bigint }[]> {
    return this.run((cluster) => deleteTopicRecords(cluster, options));
  }
  listGroups(): Promise<{ groups: ListedGroupEntry[] }> {
    return this.run((cluster) => listGroups(cluster));
  }
  describeGroups(groupIds: readonly string[]): Promise<{ groups: GroupDescription[] }> {
    return this.run((cluster) => describeGroups(cluster, groupIds));
  }
  deleteGroups(groupIds: readonly string[]): Promise<{ groupId: string }[]> {
    return this.run((cluster) => deleteGroups(cluster, groupIds));
  }
  fetchOffsets(options: FetchOffsetsOptions): Promise<TopicCommittedOffsets[]> {
    return this.run((cluster) => fetchOffsets(cluster, options));
  }
  fetchGroupLag(options: FetchOffsetsOptions): Promise<GroupLag> {
    return this.run((cluster) => fetchGroupLag(cluster, options));
  }
  setOffsets(options: SetOffsetsOptions): Promise<void> {
    return this.run((cluster) => setOffsets(cluster, options));
  }
  resetOffsets(options: ResetOffsetsOptions): Promise<void> {
    return this.run((cluster) => resetOffsets(cluster, options));
  }
  resetOffsetsByTimestamp(options: ResetOffsetsByTimestampOptions): Promise<void> {
    return this.run((cluster) => resetOffsetsByTimestamp(cluster, options));
  }
  on<K extends keyof AdminEvents & string>(type: K, listener: InstrumentationListener<AdminEvents[K]>): RemoveInstrumentationEventListener {
    return this.events.on(type, listener);
  }
  logger(): Logger {
    return this.log;
  }
}
