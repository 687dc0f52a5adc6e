import { TributaryError } from "@tributary/client/internal/errors";
import type { MetadataImage } from "@tributary/controller/internal/metadata";
import { SILENT_LOGGER, type Logger } from "../control/logger.js";
import type { ControllerChannel } from "../control/controller-channel.js";
import { OFFSETS_TOPIC, offsetsPartitionFor } from "./offsets-topic.js";

/** CoordinatorLocatorOptions configures a {@link CoordinatorLocator}. */
export interface CoordinatorLocatorOptions {
  readonly image: () => MetadataImage;
  readonly channel: Pick<ControllerChannel, "call">;
  /** offsets.topic.num.partitions and offsets.topic.replication.factor. */
  readonly offsetsTopicPartitions: number;
  readonly offsetsTopicReplicationFactor: number;
  readonly logger?: Logger;
}

/** CoordinatorAddress is where a group's coordinator listens. */
export interface CoordinatorAddress {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

/** CREATE_TIMEOUT_MS bounds one attempt to create the offsets topic through the controller. */
const CREATE_TIMEOUT_MS = 30_000;

/**
 * CoordinatorLocator answers FindCoordinator: the coordinator of a group is the leader of partition
 * `abs(hashCode(groupId)) % partitions` of `__consumer_offsets` (Kafka's placement). The first lookup
 * in a cluster without that topic asks the controller to create it — compacted, replicated as far as
 * offsets.topic.replication.factor and the live brokers allow, min.insync.replicas = min(2, RF),
 * never deleted by retention — and is answered COORDINATOR_NOT_AVAILABLE (retriable) until the topic
 * and a leader of the group's partition exist.
 */
export class CoordinatorLocator {
  readonly #options: CoordinatorLocatorOptions;
  readonly #logger: Logger;
  #creating: Promise<void> | undefined;

  constructor(options: CoordinatorLocatorOptions) {
    this.#options = options;
    this.#logger = options.logger ?? SILENT_LOGGER;
  }

  /**
   * find returns the coordinator's address on `listener` (the listener the client came in on) or
   * throws INVALID_REQUEST / COORDINATOR_NOT_AVAILABLE.
   */
  find(groupId: string, listener: string): CoordinatorAddress {
    if (groupId === "") throw new TributaryError("INVALID_REQUEST", "a group id is required");
    const image = this.#options.image();
    const topic = image.topics.topicByName(OFFSETS_TOPIC);
    if (topic === undefined || topic.partitions.length === 0) {
      this.#ensureOffsetsTopic(image);
      throw new TributaryError("COORDINATOR_NOT_AVAILABLE", `${OFFSETS_TOPIC} is being created; retry shortly`);
    }
    const index = offsetsPartitionFor(groupId, topic.partitions.length);
    const leader = topic.partitions[index]?.leader ?? -1;
    if (leader < 0) throw new TributaryError("COORDINATOR_NOT_AVAILABLE", `${OFFSETS_TOPIC}-${index} has no leader right now`);
    const endpoints = image.cluster.broker(leader)?.endpoints ?? [];
    const endpoint = endpoints.find((candidate) => candidate.listener === listener) ?? endpoints[0];
    if (endpoint === undefined) throw new TributaryError("COORDINATOR_NOT_AVAILABLE", `the address of broker ${leader}, leader of ${OFFSETS_TOPIC}-${index}, is unknown`);
    return { nodeId: leader, host: endpoint.host, port: endpoint.port };
  }

  /** ensureOffsetsTopic asks the controller to create the offsets topic, one request at a time. */
  #ensureOffsetsTopic(image: MetadataImage): void {
    if (this.#creating !== undefined) return;
    const liveBrokers = image.cluster.activeBrokers().length;
    if (liveBrokers === 0) return;
    const replicationFactor = Math.min(this.#options.offsetsTopicReplicationFactor, liveBrokers);
    this.#creating = this.#options.channel
      .call(
        "CreateTopics",
        {
          topics: [
            {
              name: OFFSETS_TOPIC,
              numPartitions: this.#options.offsetsTopicPartitions,
              replicationFactor,
              assignments: [],
              configs: [
                { name: "cleanup.policy", value: "compact" },
                { name: "min.insync.replicas", value: String(Math.min(2, replicationFactor)) },
                // Without compaction, retention would delete group state and offsets still in use.
                { name: "retention.ms", value: "-1" },
                { name: "retention.bytes", value: "-1" },
                { name: "segment.bytes", value: String(100 * 1024 * 1024) },
              ],
            },
          ],
          validateOnly: false,
          timeoutMs: CREATE_TIMEOUT_MS,
        },
        { timeoutMs: CREATE_TIMEOUT_MS },
      )
      .then((response) => {
        const result = response.topics.find((topic) => topic.name === OFFSETS_TOPIC);
        const code = result?.error?.name;
        if (code === "TOPIC_ALREADY_EXISTS") return;
        if (code === undefined || code === "NONE") {
          this.#logger.info(`created ${OFFSETS_TOPIC} with ${this.#options.offsetsTopicPartitions} partitions and replication factor ${replicationFactor}`);
        } else {
          this.#logger.warn(`cannot create ${OFFSETS_TOPIC}: ${code} ${result?.error?.message ?? ""}`);
        }
      })
      .catch((error: unknown) => {
        const failure = TributaryError.from(error);
        if (failure.code !== "TOPIC_ALREADY_EXISTS") this.#logger.warn(`cannot create ${OFFSETS_TOPIC}: ${failure.code} ${failure.message}`);
      })
      .finally(() => (this.#creating = undefined));
  }
}
