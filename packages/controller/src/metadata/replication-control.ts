import { assert } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import type { ConfigControl } from "./config-control.js";
import { resultOf, type ControllerResult } from "./controller-result.js";
import type { MetadataImage } from "./metadata-image.js";
import type { MetadataControlOptions } from "./metadata-options.js";
import { buildPartitionChange, type ElectionRules } from "./partition-election.js";
import { applyPartitionChange, partitionShapeProblem, type PartitionState } from "./partition-state.js";
import { NO_LEADER, type PartitionChangeRecord } from "./records.js";

/** IsrMember is a replica proposed for an ISR, fenced by the broker epoch the leader saw it fetch with (KIP-903). */
export interface IsrMember {
  readonly brokerId: number;
  readonly brokerEpoch: number;
}

/** AlterPartitionRequest is a partition leader's request to change its ISR (KIP-497). */
export interface AlterPartitionRequest {
  readonly brokerId: number;
  readonly brokerEpoch: number;
  readonly topicId: string;
  readonly partition: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly newIsr: readonly IsrMember[];
}

/** PartitionLeadership is a partition's committed leader, ISR and epochs, as AlterPartition answers them. */
export interface PartitionLeadership {
  readonly topicId: string;
  readonly partition: number;
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  readonly partitionEpoch: number;
}

/**
 * ReplicationControl owns leaders and ISRs (Kafka's ReplicationControlManager): AlterPartition from
 * leaders, preferred-leader balancing, and the partition changes that broker fencing, unfencing and
 * controlled shutdown require. Pure: it reads the image and returns records.
 */
export class ReplicationControl {
  readonly #image: MetadataImage;
  readonly #configs: ConfigControl;
  readonly #options: MetadataControlOptions;

  constructor(image: MetadataImage, configs: ConfigControl, options: MetadataControlOptions) {
    this.#image = image;
    this.#configs = configs;
    this.#options = options;
  }

  /**
   * alterPartition changes an ISR at the request of the partition's leader, validated in Kafka's
   * order (ReplicationControlManager.validateAlterPartitionData): BROKER_ID_NOT_REGISTERED /
   * STALE_BROKER_EPOCH for the sender; UNKNOWN_TOPIC_ID / UNKNOWN_TOPIC_OR_PARTITION; a newer leader
   * or partition epoch than ours means we are the stale one (NOT_CONTROLLER); an older leader epoch is
   * FENCED_LEADER_EPOCH; a sender that is not the leader, or an ISR that is not a subset of the
   * replicas or lacks the leader, is INVALID_REQUEST; an older partition epoch is
   * INVALID_UPDATE_VERSION; a member that is not registered, not active, or proposed with another
   * broker epoch is REPLICA_NOT_AVAILABLE (the table has no INELIGIBLE_REPLICA). The response is the
   * partition's state once the change has committed; an unchanged ISR writes nothing.
   */
  alterPartition(request: AlterPartitionRequest): ControllerResult<PartitionLeadership> {
    const sender = this.#image.cluster.broker(request.brokerId);
    if (sender === undefined) throw new TributaryError("BROKER_ID_NOT_REGISTERED", `broker ${request.brokerId} is not registered`);
    if (sender.brokerEpoch !== request.brokerEpoch) {
      throw new TributaryError("STALE_BROKER_EPOCH", `broker ${request.brokerId} epoch ${request.brokerEpoch} is not ${sender.brokerEpoch}`);
    }
    const topic = this.#image.topics.topicById(request.topicId);
    if (topic === undefined) throw new TributaryError("UNKNOWN_TOPIC_ID", `no topic with id ${request.topicId}`);
    const partition = topic.partitions[request.partition];
    if (partition === undefined) throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `${topic.name} has no partition ${request.partition}`);
    const name = `${topic.name}/${request.partition}`;
    if (request.leaderEpoch > partition.leaderEpoch) throw new TributaryError("NOT_CONTROLLER", `${name}: leader epoch ${request.leaderEpoch} is newer than ours`);
    if (request.leaderEpoch < partition.leaderEpoch) {
      throw new TributaryError("FENCED_LEADER_EPOCH", `${name}: leader epoch ${request.leaderEpoch} is older than ${partition.leaderEpoch}`);
    }
    if (request.brokerId !== partition.leader) throw new TributaryError("INVALID_REQUEST", `${name}: broker ${request.brokerId} is not the leader`);
    if (request.partitionEpoch > partition.partitionEpoch) {
      throw new TributaryError("NOT_CONTROLLER", `${name}: partition epoch ${request.partitionEpoch} is newer than ours`);
    }
    if (request.partitionEpoch < partition.partitionEpoch) {
      throw new TributaryError("INVALID_UPDATE_VERSION", `${name}: partition epoch ${request.partitionEpoch} is older than ${partition.partitionEpoch}`);
    }
    const newIsr = request.newIsr.map((member) => member.brokerId);
    const shape = partitionShapeProblem(partition.replicas, newIsr, partition.leader);
    if (shape !== null) throw new TributaryError("INVALID_REQUEST", `${name}: ${shape}`);
    for (const member of request.newIsr) {
      const broker = this.#image.cluster.broker(member.brokerId);
      const problem =
        broker === undefined
          ? "is not registered"
          : broker.state !== "unfenced"
            ? `is ${broker.state}`
            : broker.brokerEpoch !== member.brokerEpoch
              ? `has epoch ${broker.brokerEpoch}, not ${member.brokerEpoch}`
              : null;
      if (problem !== null) throw new TributaryError("REPLICA_NOT_AVAILABLE", `${name}: replica ${member.brokerId} ${problem}`);
    }
    const change = buildPartitionChange(partition, { isr: newIsr }, { isActive: (id) => this.#image.cluster.isActive(id), uncleanAllowed: false });
    const next = change === null ? partition : applyPartitionChange(partition, change);
    return resultOf(change === null ? [] : [change], leadershipOf(next));
  }

  /**
   * maybeBalanceLeaders moves leadership back to preferred replicas (replicas[0]) that are in the ISR
   * and active (Kafka's auto.leader.rebalance.enable), at most leaderBalanceMovesMax per call. The
   * driver calls it periodically (leader.imbalance.check.interval.ms).
   */
  maybeBalanceLeaders(): ControllerResult<{ readonly moved: number }> {
    const records: PartitionChangeRecord[] = [];
    const rules: ElectionRules = { isActive: (id) => this.#image.cluster.isActive(id), uncleanAllowed: false };
    for (const topic of this.#image.topics.topics()) {
      for (const partition of topic.partitions) {
        if (records.length >= this.#options.leaderBalanceMovesMax) break;
        if (partition.leader === partition.replicas[0]) continue;
        const change = buildPartitionChange(partition, { preferred: true }, rules);
        if (change !== null && change.leader === partition.replicas[0]) records.push(change);
      }
    }
    return resultOf(records, { moved: records.length });
  }

  /**
   * inactiveBrokerChanges returns the partition changes that must precede records making
   * `brokerIds` inactive (fenced, shutting down, unregistered, replaced by a new incarnation): they
   * leave every ISR that keeps another member, and every partition they led gets a new leader
   * chosen without them. Where one of them is the last ISR member it stays, leaderless, unless an
   * unclean election is allowed (Kafka's handleBrokerFenced / handleBrokerInControlledShutdown).
   */
  inactiveBrokerChanges(brokerIds: ReadonlySet<number>): PartitionChangeRecord[] {
    const isActive = (id: number): boolean => !brokerIds.has(id) && this.#image.cluster.isActive(id);
    const records: PartitionChangeRecord[] = [];
    for (const partition of this.#image.topics.allPartitions()) {
      if (!partition.isr.some((id) => brokerIds.has(id))) continue;
      const remaining = partition.isr.filter((id) => !brokerIds.has(id));
      // Keep the member most likely to hold everything: the leader, else the first leaving member.
      const kept = brokerIds.has(partition.leader) ? partition.leader : partition.isr.find((id) => brokerIds.has(id));
      assert(kept !== undefined, "a leaving ISR member was not found");
      const isr = remaining.length > 0 ? remaining : [kept];
      const change = buildPartitionChange(partition, { isr }, { isActive, uncleanAllowed: this.#uncleanAllowed(partition) });
      if (change !== null) records.push(change);
    }
    return records;
  }

  /**
   * unfencedBrokerChanges returns the elections that follow a record unfencing `brokerId`: every
   * leaderless partition whose last ISR member it is gets it back as leader (or, where the topic
   * allows unclean election, any leaderless partition it is a replica of).
   */
  unfencedBrokerChanges(brokerId: number): PartitionChangeRecord[] {
    const isActive = (id: number): boolean => id === brokerId || this.#image.cluster.isActive(id);
    const records: PartitionChangeRecord[] = [];
    for (const partition of this.#image.topics.allPartitions()) {
      if (partition.leader !== NO_LEADER || !partition.replicas.includes(brokerId)) continue;
      const uncleanAllowed = this.#uncleanAllowed(partition);
      if (!partition.isr.includes(brokerId) && !uncleanAllowed) continue;
      const change = buildPartitionChange(partition, {}, { isActive, uncleanAllowed });
      if (change !== null) records.push(change);
    }
    return records;
  }

  /** leadsAnything tells whether `brokerId` leads at least one partition. */
  leadsAnything(brokerId: number): boolean {
    for (const partition of this.#image.topics.allPartitions()) {
      if (partition.leader === brokerId) return true;
    }
    return false;
  }

  #uncleanAllowed(partition: PartitionState): boolean {
    const topic = this.#image.topics.topicById(partition.topicId);
    return topic !== undefined && this.#configs.uncleanElectionAllowed(topic.name);
  }
}

/** leadershipOf extracts what AlterPartition answers from a partition state. */
export function leadershipOf(partition: PartitionState): PartitionLeadership {
  return {
    topicId: partition.topicId,
    partition: partition.partition,
    leader: partition.leader,
    leaderEpoch: partition.leaderEpoch,
    isr: [...partition.isr],
    partitionEpoch: partition.partitionEpoch,
  };
}
