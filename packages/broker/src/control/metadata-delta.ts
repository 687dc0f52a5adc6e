import type { BrokerRegistration, ConfigResource, MetadataImage, MetadataRecord, PartitionState } from "@tributary/controller/internal/metadata";

/** DeletedTopic is a topic that no longer exists, as it was before its deletion. */
export interface DeletedTopic {
  readonly topicId: string;
  readonly name: string;
  readonly partitions: readonly PartitionState[];
}

/**
 * LocalChanges is what a delta means for one broker (Kafka's TopicsDelta.localChanges): the
 * replicas it must start leading or following with a new state, and those it must stop hosting.
 */
export interface LocalChanges {
  /** Changed partitions this broker now leads (new states). */
  readonly leaders: readonly PartitionState[];
  /** Changed partitions this broker is a replica of but does not lead; the leader may be NO_LEADER. */
  readonly followers: readonly PartitionState[];
  /** Partitions this broker hosted and no longer does (topic deleted or replica moved away), as they were. */
  readonly removed: readonly PartitionState[];
}

/**
 * MetadataDelta is what one applied chunk of the metadata stream changed. A partition counts as
 * changed when it is new or any of leader, leaderEpoch, isr, replicas or partitionEpoch differs;
 * a partition of a deleted topic is reported only in `deletedTopics`. Entities created and deleted
 * within the same chunk are not reported.
 */
export interface MetadataDelta {
  /** The image's offset before the chunk (-1 for an empty image). */
  readonly previousOffset: number;
  /** The image's offset after the chunk. */
  readonly offset: number;
  /** True when a snapshot replaced the image (the listener's `image` is then a new object). */
  readonly snapshot: boolean;
  /** The offsets applied, in order: each batch's, or the snapshot's last offset. Strictly increasing. */
  readonly batchOffsets: readonly number[];
  readonly changedPartitions: readonly PartitionState[];
  readonly deletedTopics: readonly DeletedTopic[];
  /** Registrations that are new or changed (epoch, state, endpoints, rack): for resolving leader endpoints. */
  readonly changedBrokers: readonly BrokerRegistration[];
  readonly removedBrokerIds: readonly number[];
  /** Config resources whose overrides changed (deleted topics' overrides are implied by the deletion). */
  readonly changedConfigs: readonly ConfigResource[];
  /** What changed for this broker. */
  readonly local: LocalChanges;
}

interface PartitionChange {
  readonly before: PartitionState | undefined;
  readonly after: PartitionState;
}

interface DeltaParts {
  readonly previousOffset: number;
  readonly offset: number;
  readonly snapshot: boolean;
  readonly batchOffsets: readonly number[];
  readonly partitions: readonly PartitionChange[];
  readonly deletedTopics: readonly DeletedTopic[];
  readonly changedBrokers: readonly BrokerRegistration[];
  readonly removedBrokerIds: readonly number[];
  readonly changedConfigs: readonly ConfigResource[];
}

/** samePartitionState tells whether two states agree on every field a replica acts on. */
export function samePartitionState(a: PartitionState, b: PartitionState): boolean {
  return (
    a.leader === b.leader &&
    a.leaderEpoch === b.leaderEpoch &&
    a.partitionEpoch === b.partitionEpoch &&
    sameList(a.isr, b.isr) &&
    sameList(a.replicas, b.replicas)
  );
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => b[index] === value);
}

function sameBroker(a: BrokerRegistration, b: BrokerRegistration): boolean {
  return (
    a.incarnationId === b.incarnationId &&
    a.brokerEpoch === b.brokerEpoch &&
    a.state === b.state &&
    a.rack === b.rack &&
    a.endpoints.length === b.endpoints.length &&
    a.endpoints.every((e, i) => {
      const other = b.endpoints[i];
      return other !== undefined && e.listener === other.listener && e.host === other.host && e.port === other.port;
    })
  );
}

function configKey(resource: ConfigResource): string {
  return `${resource.type}:${resource.name}`;
}

function partitionKey(topicId: string, partition: number): string {
  return `${topicId}/${partition}`;
}

function assemble(brokerId: number, parts: DeltaParts): MetadataDelta {
  const leaders: PartitionState[] = [];
  const followers: PartitionState[] = [];
  const removed: PartitionState[] = [];
  for (const { before, after } of parts.partitions) {
    if (after.replicas.includes(brokerId)) (after.leader === brokerId ? leaders : followers).push(after);
    else if (before?.replicas.includes(brokerId)) removed.push(before);
  }
  for (const topic of parts.deletedTopics) {
    for (const partition of topic.partitions) if (partition.replicas.includes(brokerId)) removed.push(partition);
  }
  return {
    previousOffset: parts.previousOffset,
    offset: parts.offset,
    snapshot: parts.snapshot,
    batchOffsets: parts.batchOffsets,
    changedPartitions: parts.partitions.map((change) => change.after),
    deletedTopics: parts.deletedTopics,
    changedBrokers: parts.changedBrokers,
    removedBrokerIds: parts.removedBrokerIds,
    changedConfigs: parts.changedConfigs,
    local: { leaders, followers, removed },
  };
}

/**
 * BatchDeltaBuilder collects the delta of a run of batches replayed into one image: before each
 * record is replayed, {@link BatchDeltaBuilder.beforeReplay} remembers the state it is about to
 * change (only the first time: that is the state at the start of the chunk); {@link
 * BatchDeltaBuilder.build} compares those with the image afterwards. The cost is proportional to
 * the records replayed, not to the size of the image.
 */
export class BatchDeltaBuilder {
  readonly #brokerId: number;
  readonly #previousOffset: number;
  readonly #batchOffsets: number[] = [];
  readonly #partitionsBefore = new Map<string, { topicId: string; partition: number; before: PartitionState | undefined }>();
  readonly #topicsCreated = new Set<string>();
  readonly #topicsDeleted = new Map<string, DeletedTopic>();
  readonly #brokersBefore = new Map<number, BrokerRegistration | undefined>();
  readonly #configs = new Map<string, ConfigResource>();

  constructor(brokerId: number, image: MetadataImage) {
    this.#brokerId = brokerId;
    this.#previousOffset = image.offset;
  }

  /** beforeReplay notes what `record` is about to change in `image`; call it before replaying the record. */
  beforeReplay(record: MetadataRecord, image: MetadataImage): void {
    switch (record.type) {
      case "register-broker":
      case "fence-broker":
      case "unfence-broker":
      case "broker-controlled-shutdown":
      case "unregister-broker":
        if (!this.#brokersBefore.has(record.brokerId)) this.#brokersBefore.set(record.brokerId, image.cluster.broker(record.brokerId));
        return;
      case "topic":
        this.#topicsCreated.add(record.topicId);
        return;
      case "remove-topic": {
        const topic = image.topics.topicById(record.topicId);
        if (topic === undefined || this.#topicsCreated.has(record.topicId)) return;
        // The topic as it was at the start of the chunk: untouched partitions as they are now,
        // touched ones as first seen, and none created in this chunk.
        const partitions: PartitionState[] = [];
        for (const current of topic.partitions) {
          const noted = this.#partitionsBefore.get(partitionKey(topic.topicId, current.partition));
          const before = noted === undefined ? current : noted.before;
          if (before !== undefined) partitions.push(before);
        }
        this.#topicsDeleted.set(topic.topicId, { topicId: topic.topicId, name: topic.name, partitions });
        return;
      }
      case "partition":
      case "partition-change": {
        const key = partitionKey(record.topicId, record.partition);
        if (!this.#partitionsBefore.has(key)) {
          this.#partitionsBefore.set(key, { topicId: record.topicId, partition: record.partition, before: image.topics.partition(record.topicId, record.partition) });
        }
        return;
      }
      case "config": {
        const resource = { type: record.resourceType, name: record.resourceName };
        this.#configs.set(configKey(resource), resource);
        return;
      }
      case "producer-ids":
      case "no-op":
        return;
    }
  }

  /** batchApplied records that the batch at `offset` was replayed in full. */
  batchApplied(offset: number): void {
    this.#batchOffsets.push(offset);
  }

  /** empty tells whether no batch was applied. */
  get empty(): boolean {
    return this.#batchOffsets.length === 0;
  }

  /** build compares the noted states with `image` after the chunk. */
  build(image: MetadataImage): MetadataDelta {
    const partitions: PartitionChange[] = [];
    for (const { topicId, partition, before } of this.#partitionsBefore.values()) {
      const after = image.topics.partition(topicId, partition);
      if (after !== undefined && (before === undefined || !samePartitionState(before, after))) partitions.push({ before, after });
    }
    const changedBrokers: BrokerRegistration[] = [];
    const removedBrokerIds: number[] = [];
    for (const [brokerId, before] of this.#brokersBefore) {
      const after = image.cluster.broker(brokerId);
      if (after === undefined) {
        if (before !== undefined) removedBrokerIds.push(brokerId);
      } else if (before === undefined || !sameBroker(before, after)) {
        changedBrokers.push(after);
      }
    }
    return assemble(this.#brokerId, {
      previousOffset: this.#previousOffset,
      offset: image.offset,
      snapshot: false,
      batchOffsets: this.#batchOffsets,
      partitions,
      deletedTopics: [...this.#topicsDeleted.values()].filter((topic) => image.topics.topicById(topic.topicId) === undefined),
      changedBrokers,
      removedBrokerIds,
      changedConfigs: [...this.#configs.values()],
    });
  }
}

/**
 * snapshotDelta is the delta between the image a broker had and the image a snapshot replaced it
 * with: a full comparison, since a snapshot says nothing about what changed.
 */
export function snapshotDelta(brokerId: number, before: MetadataImage, after: MetadataImage): MetadataDelta {
  const partitions: PartitionChange[] = [];
  for (const state of after.topics.allPartitions()) {
    const previous = before.topics.partition(state.topicId, state.partition);
    if (previous === undefined || !samePartitionState(previous, state)) partitions.push({ before: previous, after: state });
  }
  const deletedTopics = before.topics
    .topics()
    .filter((topic) => after.topics.topicById(topic.topicId) === undefined)
    .map((topic) => ({ topicId: topic.topicId, name: topic.name, partitions: [...topic.partitions] }));
  const changedBrokers = after.cluster.brokers().filter((broker) => {
    const previous = before.cluster.broker(broker.brokerId);
    return previous === undefined || !sameBroker(previous, broker);
  });
  const removedBrokerIds = before.cluster
    .brokers()
    .filter((broker) => after.cluster.broker(broker.brokerId) === undefined)
    .map((broker) => broker.brokerId);
  const resources = new Map<string, ConfigResource>();
  for (const resource of [...before.configs.resources(), ...after.configs.resources()]) resources.set(configKey(resource), resource);
  const changedConfigs = [...resources.values()].filter((resource) => {
    if (resource.type === "topic" && after.topics.topicByName(resource.name) === undefined) return false;
    const a = before.configs.overrides(resource.type, resource.name);
    const b = after.configs.overrides(resource.type, resource.name);
    return a.size !== b.size || [...a].some(([name, value]) => b.get(name) !== value);
  });
  return assemble(brokerId, {
    previousOffset: before.offset,
    offset: after.offset,
    snapshot: true,
    batchOffsets: [after.offset],
    partitions,
    deletedTopics,
    changedBrokers,
    removedBrokerIds,
    changedConfigs,
  });
}
