import { assert } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import type { ConfigControl, DescribedConfig } from "./config-control.js";
import { itemError, resultOf, type ControllerResult } from "./controller-result.js";
import { countBy } from "./count-by.js";
import type { MetadataImage } from "./metadata-image.js";
import type { MetadataControlOptions } from "./metadata-options.js";
import type { MetadataRecord, PartitionRecord } from "./records.js";
import { placeReplicas } from "./replica-placement.js";
import { topicCollisionKey, topicNameProblem } from "./topic-validation.js";

/** CreateTopicRequest is one topic to create (Kafka's CreatableTopic). */
export interface CreateTopicRequest {
  readonly name: string;
  /** numPartitions: absent or -1 for num.partitions. */
  readonly numPartitions?: number;
  /** replicationFactor: absent or -1 for default.replication.factor. */
  readonly replicationFactor?: number;
  /**
   * assignments[p] lists partition p's replicas, preferred leader first. When present,
   * numPartitions and replicationFactor must be absent or -1.
   */
  readonly assignments?: readonly (readonly number[])[];
  /** configs are topic-level overrides (retention.ms, ...). */
  readonly configs?: Readonly<Record<string, string>>;
}

/** CreateTopicResult is the outcome for one topic: created (or, with validateOnly, creatable), or failed. */
export type CreateTopicResult =
  | {
      readonly name: string;
      readonly error: null;
      /** topicId is null with validateOnly: nothing was created. */
      readonly topicId: string | null;
      readonly numPartitions: number;
      readonly replicationFactor: number;
      readonly configs: readonly DescribedConfig[];
    }
  | { readonly name: string; readonly error: TributaryError };

/** DeleteTopicResult is the outcome for one topic to delete. */
export interface DeleteTopicResult {
  readonly name: string;
  readonly error: TributaryError | null;
}

/** CreatePartitionsRequest grows a topic to `count` partitions in total. */
export interface CreatePartitionsRequest {
  readonly name: string;
  readonly count: number;
  /** assignments lists the replicas of each new partition, preferred leader first. */
  readonly assignments?: readonly (readonly number[])[];
}

/** CreatePartitionsResult is the outcome for one topic to grow. */
export interface CreatePartitionsResult {
  readonly name: string;
  readonly error: TributaryError | null;
}

/** TopicIdGenerator returns a fresh topic id (a UUID in the driver; a counter in tests). */
export type TopicIdGenerator = () => string;

/** What earlier topics of the same request have claimed. */
interface BatchClaims {
  readonly collisionKeys: Set<string>;
  readonly topicIds: Set<string>;
  partitionsPlaced: number;
}

const TOPIC_ID_ATTEMPTS = 8;
const TOPIC_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * TopicControl creates and deletes topics and grows their partition counts (the topic half of
 * Kafka's ReplicationControlManager). Each topic of a request succeeds or fails on its own, as in
 * Kafka's CreateTopics. Pure: it reads the image and returns records; topic ids come from the
 * injected generator.
 */
export class TopicControl {
  readonly #image: MetadataImage;
  readonly #configs: ConfigControl;
  readonly #options: MetadataControlOptions;
  readonly #newTopicId: TopicIdGenerator;

  constructor(image: MetadataImage, configs: ConfigControl, options: MetadataControlOptions, newTopicId: TopicIdGenerator) {
    this.#image = image;
    this.#configs = configs;
    this.#options = options;
    this.#newTopicId = newTopicId;
  }

  /**
   * createTopics creates topics: a TopicRecord, its config overrides, then one PartitionRecord per
   * partition. Errors per topic: INVALID_REQUEST (named twice, assignments with counts),
   * INVALID_TOPIC_EXCEPTION (bad name, or one colliding with another on '.' vs '_'),
   * TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS, INVALID_REPLICATION_FACTOR (more than the active
   * brokers), NOT_ENOUGH_LIVE_BROKERS (no active broker at all), INVALID_REPLICA_ASSIGNMENT,
   * INVALID_CONFIG. With `validateOnly` nothing is written.
   */
  createTopics(requests: readonly CreateTopicRequest[], options: { validateOnly?: boolean } = {}): ControllerResult<CreateTopicResult[]> {
    const validateOnly = options.validateOnly === true;
    const records: MetadataRecord[] = [];
    const counts = countBy(requests.map((request) => request.name));
    const claims: BatchClaims = { collisionKeys: new Set(this.#image.topics.topics().map((t) => topicCollisionKey(t.name))), topicIds: new Set(), partitionsPlaced: 0 };
    const results = requests.map((request): CreateTopicResult => {
      try {
        if ((counts.get(request.name) ?? 0) > 1) throw new TributaryError("INVALID_REQUEST", `topic ${request.name} named twice`);
        const created = this.#createTopic(request, claims, validateOnly);
        records.push(...created.records);
        return created.result;
      } catch (error) {
        return { name: request.name, error: itemError(error) };
      }
    });
    return resultOf(records, results);
  }

  /** deleteTopics deletes topics by name. Errors per topic: INVALID_REQUEST (named twice), UNKNOWN_TOPIC_OR_PARTITION. */
  deleteTopics(names: readonly string[]): ControllerResult<DeleteTopicResult[]> {
    const records: MetadataRecord[] = [];
    const counts = countBy(names);
    const results = names.map((name): DeleteTopicResult => {
      if ((counts.get(name) ?? 0) > 1) return { name, error: new TributaryError("INVALID_REQUEST", `topic ${name} named twice`) };
      const topic = this.#image.topics.topicByName(name);
      if (topic === undefined) return { name, error: new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `no topic ${name}`) };
      records.push({ type: "remove-topic", topicId: topic.topicId });
      return { name, error: null };
    });
    return resultOf(records, results);
  }

  /**
   * createPartitions grows topics (partition counts never shrink). Errors per topic: INVALID_REQUEST
   * (named twice), UNKNOWN_TOPIC_OR_PARTITION, INVALID_PARTITIONS (not larger, or above the bound),
   * INVALID_REPLICA_ASSIGNMENT, INVALID_REPLICATION_FACTOR / NOT_ENOUGH_LIVE_BROKERS. New partitions
   * keep the replication factor of partition 0. With `validateOnly` nothing is written.
   */
  createPartitions(requests: readonly CreatePartitionsRequest[], options: { validateOnly?: boolean } = {}): ControllerResult<CreatePartitionsResult[]> {
    const records: MetadataRecord[] = [];
    const counts = countBy(requests.map((request) => request.name));
    const claims: BatchClaims = { collisionKeys: new Set(), topicIds: new Set(), partitionsPlaced: 0 };
    const results = requests.map((request): CreatePartitionsResult => {
      try {
        if ((counts.get(request.name) ?? 0) > 1) throw new TributaryError("INVALID_REQUEST", `topic ${request.name} named twice`);
        const created = this.#growTopic(request, claims);
        if (options.validateOnly !== true) records.push(...created);
        return { name: request.name, error: null };
      } catch (error) {
        return { name: request.name, error: itemError(error) };
      }
    });
    return resultOf(records, results);
  }

  #createTopic(request: CreateTopicRequest, claims: BatchClaims, validateOnly: boolean): { records: MetadataRecord[]; result: CreateTopicResult } {
    const { name } = request;
    const nameProblem = topicNameProblem(name);
    if (nameProblem !== null) throw new TributaryError("INVALID_TOPIC_EXCEPTION", nameProblem);
    if (this.#image.topics.topicByName(name) !== undefined) throw new TributaryError("TOPIC_ALREADY_EXISTS", `topic ${name} already exists`);
    if (claims.collisionKeys.has(topicCollisionKey(name))) {
      throw new TributaryError("INVALID_TOPIC_EXCEPTION", `topic ${name} collides with another topic: '.' and '_' are the same in metric names`);
    }
    let assignments: number[][];
    if (request.assignments !== undefined) {
      if (!isDefault(request.numPartitions) || !isDefault(request.replicationFactor)) {
        throw new TributaryError("INVALID_REQUEST", `topic ${name}: give either assignments or counts, not both`);
      }
      this.#checkPartitionCount(request.assignments.length, name);
      assignments = this.#checkAssignments(request.assignments, undefined);
    } else {
      const numPartitions = isDefault(request.numPartitions) ? this.#options.defaultNumPartitions : (request.numPartitions ?? 0);
      const replicationFactor = isDefault(request.replicationFactor) ? this.#options.defaultReplicationFactor : (request.replicationFactor ?? 0);
      this.#checkPartitionCount(numPartitions, name);
      assignments = this.#place(0, numPartitions, replicationFactor, claims);
    }
    const replicationFactor = assignments[0]?.length ?? 0;
    const configs = new Map(Object.entries(request.configs ?? {}));
    const configProblem = this.#configs.topicConfigsProblem(configs, replicationFactor);
    if (configProblem !== null) throw configProblem;

    claims.collisionKeys.add(topicCollisionKey(name));
    claims.partitionsPlaced += assignments.length;
    const described = this.#configs.describeNewTopic(configs);
    if (validateOnly) {
      return { records: [], result: { name, error: null, topicId: null, numPartitions: assignments.length, replicationFactor, configs: described } };
    }
    const topicId = this.#freshTopicId(claims);
    const records: MetadataRecord[] = [{ type: "topic", name, topicId }];
    for (const [configName, value] of [...configs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      records.push({ type: "config", resourceType: "topic", resourceName: name, name: configName, value });
    }
    records.push(...this.#partitionRecords(topicId, 0, assignments));
    return { records, result: { name, error: null, topicId, numPartitions: assignments.length, replicationFactor, configs: described } };
  }

  #growTopic(request: CreatePartitionsRequest, claims: BatchClaims): PartitionRecord[] {
    const topic = this.#image.topics.topicByName(request.name);
    if (topic === undefined) throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `no topic ${request.name}`);
    const current = topic.partitions.length;
    if (request.count <= current) {
      throw new TributaryError("INVALID_PARTITIONS", `topic ${request.name} has ${current} partitions; the count can only grow`);
    }
    this.#checkPartitionCount(request.count, request.name);
    const replicationFactor = topic.partitions[0]?.replicas.length ?? 0;
    let assignments: number[][];
    if (request.assignments !== undefined) {
      if (request.assignments.length !== request.count - current) {
        throw new TributaryError("INVALID_REPLICA_ASSIGNMENT", `${request.assignments.length} assignments for ${request.count - current} new partitions`);
      }
      assignments = this.#checkAssignments(request.assignments, replicationFactor);
    } else {
      assignments = this.#place(current, request.count - current, replicationFactor, claims);
    }
    claims.partitionsPlaced += assignments.length;
    return this.#partitionRecords(topic.topicId, current, assignments);
  }

  /** #place spreads partitions over the active brokers (see placeReplicas). */
  #place(firstPartition: number, partitions: number, replicationFactor: number, claims: BatchClaims): number[][] {
    if (!Number.isSafeInteger(replicationFactor) || replicationFactor < 1) {
      throw new TributaryError("INVALID_REPLICATION_FACTOR", `replication factor ${replicationFactor} is below 1`);
    }
    const active = this.#image.cluster.activeBrokers();
    if (active.length === 0) throw new TributaryError("NOT_ENOUGH_LIVE_BROKERS", "no broker is registered and unfenced yet");
    if (replicationFactor > active.length) {
      throw new TributaryError("INVALID_REPLICATION_FACTOR", `replication factor ${replicationFactor} is above the ${active.length} active brokers`);
    }
    const startIndex = this.#image.topics.partitionCount + claims.partitionsPlaced;
    return placeReplicas(active, { firstPartition, partitions, replicationFactor, startIndex });
  }

  #checkPartitionCount(count: number, name: string): void {
    const max = this.#options.topicPartitionsMax;
    if (!Number.isSafeInteger(count) || count < 1 || count > max) {
      throw new TributaryError("INVALID_PARTITIONS", `topic ${name}: ${count} partitions is outside [1, ${max}]`);
    }
  }

  /**
   * #checkAssignments validates manual assignments: non-empty, no broker twice in a partition, one
   * replication factor for all (`replicationFactor` when the topic has one), registered brokers only,
   * and at least one active broker per partition to lead it (Kafka's validateManualPartitionAssignment).
   */
  #checkAssignments(assignments: readonly (readonly number[])[], replicationFactor: number | undefined): number[][] {
    const expected = replicationFactor ?? assignments[0]?.length ?? 0;
    return assignments.map((replicas, index) => {
      const where = `assignment ${index}`;
      if (replicas.length === 0) throw new TributaryError("INVALID_REPLICA_ASSIGNMENT", `${where} is empty`);
      if (new Set(replicas).size !== replicas.length) throw new TributaryError("INVALID_REPLICA_ASSIGNMENT", `${where} names a broker twice`);
      if (replicas.length !== expected) {
        throw new TributaryError("INVALID_REPLICA_ASSIGNMENT", `${where} has ${replicas.length} replicas, not ${expected}: all partitions need the same replication factor`);
      }
      const unknown = replicas.find((id) => this.#image.cluster.broker(id) === undefined);
      if (unknown !== undefined) throw new TributaryError("INVALID_REPLICA_ASSIGNMENT", `${where} names broker ${unknown}, which is not registered`);
      if (!replicas.some((id) => this.#image.cluster.isActive(id))) {
        throw new TributaryError("INVALID_REPLICA_ASSIGNMENT", `${where}: every broker is fenced or shutting down, so none can lead`);
      }
      return [...replicas];
    });
  }

  /** #partitionRecords creates partitions: the ISR is the active replicas, led by the first of them. */
  #partitionRecords(topicId: string, firstPartition: number, assignments: readonly (readonly number[])[]): PartitionRecord[] {
    return assignments.map((replicas, index) => {
      const isr = replicas.filter((id) => this.#image.cluster.isActive(id));
      const leader = isr[0];
      assert(leader !== undefined, "a new partition has no active replica");
      return { type: "partition", topicId, partition: firstPartition + index, replicas: [...replicas], isr, leader, leaderEpoch: 0, partitionEpoch: 0 };
    });
  }

  #freshTopicId(claims: BatchClaims): string {
    for (let attempt = 0; attempt < TOPIC_ID_ATTEMPTS; attempt++) {
      const topicId = this.#newTopicId();
      assert(TOPIC_ID_PATTERN.test(topicId), `topic id generator returned "${topicId}"`);
      if (this.#image.topics.topicById(topicId) === undefined && !claims.topicIds.has(topicId)) {
        claims.topicIds.add(topicId);
        return topicId;
      }
    }
    assert(false, `topic id generator repeated itself ${TOPIC_ID_ATTEMPTS} times`);
  }
}

function isDefault(value: number | undefined): boolean {
  return value === undefined || value === -1;
}
