import type { LeaderHint } from "../errors/tributary-error.js";
import { parseBrokerAddress } from "../connection/broker-address.js";
import type { BrokerNodeInfo, MetadataUpdate, PartitionInfo, TopicInfo } from "./cluster-metadata.js";

/**
 * MetadataCache is the client's view of the cluster: brokers, the controller, and the topics it
 * has asked about, each stamped with when it was last refreshed. Updates from a Metadata response
 * replace the broker list and the topics the response covered; other topics are kept.
 */
export class MetadataCache {
  private clusterIdValue = "";
  private controllerIdValue = -1;
  private brokersById = new Map<number, BrokerNodeInfo>();
  private readonly topicsByName = new Map<string, TopicInfo>();
  private readonly refreshedAtMs = new Map<string, number>();
  private readonly missingAtMs = new Map<string, number>();
  private lastFullRefreshMs = Number.NEGATIVE_INFINITY;

  /** clusterId is the id of the cluster, "" before the first response. */
  get clusterId(): string {
    return this.clusterIdValue;
  }

  /** controllerId is the active controller's id as brokers last reported it, or -1. */
  get controllerId(): number {
    return this.controllerIdValue;
  }

  /** brokers are the live brokers, by id. */
  get brokers(): ReadonlyMap<number, BrokerNodeInfo> {
    return this.brokersById;
  }

  /** topics are the known topics, by name. */
  get topics(): ReadonlyMap<string, TopicInfo> {
    return this.topicsByName;
  }

  /** topic returns a known topic. */
  topic(name: string): TopicInfo | undefined {
    return this.topicsByName.get(name);
  }

  /** isMissing tells whether the last answer about `name` was "no such topic". */
  isMissing(name: string): boolean {
    return this.missingAtMs.has(name);
  }

  /**
   * isFresh tells whether `name` was refreshed (found or found missing) within `maxAgeMs` of `nowMs`
   * and has not been marked stale since.
   */
  isFresh(name: string, nowMs: number, maxAgeMs: number): boolean {
    const atMs = this.refreshedAtMs.get(name) ?? this.missingAtMs.get(name);
    return atMs !== undefined && nowMs - atMs <= maxAgeMs;
  }

  /** lastFullRefreshAgeMs is how long ago every topic was listed. */
  fullRefreshAgeMs(nowMs: number): number {
    return nowMs - this.lastFullRefreshMs;
  }

  /** markStale makes the next freshness check of `name` fail, so it is refreshed before use. */
  markStale(name: string): void {
    this.refreshedAtMs.delete(name);
    this.missingAtMs.delete(name);
  }

  /**
   * apply merges a Metadata response. `requested` is the topic list asked for, or "all"; with
   * "all", topics the response does not mention are dropped (they were deleted).
   */
  apply(update: MetadataUpdate, requested: ReadonlySet<string> | "all", nowMs: number): void {
    this.clusterIdValue = update.clusterId;
    this.controllerIdValue = update.controllerId;
    this.brokersById = new Map(update.brokers.map((broker) => [broker.nodeId, broker]));
    if (requested === "all") {
      this.lastFullRefreshMs = nowMs;
      const present = new Set(update.topics.map((topic) => topic.name));
      for (const name of [...this.topicsByName.keys()]) {
        if (!present.has(name)) {
          this.topicsByName.delete(name);
          this.refreshedAtMs.delete(name);
        }
      }
    }
    for (const topic of update.topics) {
      this.topicsByName.set(topic.name, topic);
      this.refreshedAtMs.set(topic.name, nowMs);
      this.missingAtMs.delete(topic.name);
    }
    for (const name of update.missingTopics) {
      this.topicsByName.delete(name);
      this.refreshedAtMs.delete(name);
      this.missingAtMs.set(name, nowMs);
    }
    if (requested !== "all") {
      // A requested topic the response skipped entirely is as good as missing.
      for (const name of requested) {
        if (!this.topicsByName.has(name) && !this.missingAtMs.has(name)) this.missingAtMs.set(name, nowMs);
      }
    }
  }

  /**
   * applyLeaderHint moves a partition's leadership to the hinted node when the hint is at least as
   * new as what the cache holds (by leader epoch), registering the node's endpoint if it is new.
   * Returns whether the cache now names a leader from the hint; if not, the caller should refresh.
   */
  applyLeaderHint(topicName: string, partitionId: number, hint: LeaderHint): boolean {
    const topic = this.topicsByName.get(topicName);
    const current = topic?.partitions[partitionId];
    if (topic === undefined || current === undefined || hint.nodeId < 0) return false;
    if (hint.epoch !== undefined && hint.epoch < current.leaderEpoch) return false;
    if (!this.brokersById.has(hint.nodeId)) {
      if (hint.endpoint === undefined) return false;
      let address;
      try {
        address = parseBrokerAddress(hint.endpoint);
      } catch {
        return false;
      }
      this.brokersById.set(hint.nodeId, { nodeId: hint.nodeId, host: address.host, port: address.port, rack: null, address: hint.endpoint });
    }
    const updated: PartitionInfo = { ...current, leader: hint.nodeId, leaderEpoch: hint.epoch ?? current.leaderEpoch, error: null };
    const partitions = topic.partitions.slice();
    partitions[partitionId] = updated;
    this.topicsByName.set(topicName, { ...topic, partitions });
    return true;
  }
}
