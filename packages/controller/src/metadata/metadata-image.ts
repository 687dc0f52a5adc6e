import { assert } from "@tributary/client/internal/assert";
import { ClusterImage, type ClusterView } from "./cluster-image.js";
import { ConfigsImage, type ConfigsView } from "./configs-image.js";
import { inactiveBrokerProblem, partitionBrokerProblem } from "./image-invariants.js";
import { ProducerIdsImage, type ProducerIdsView } from "./producer-ids-image.js";
import type { MetadataRecord } from "./records.js";
import { TopicsImage, type TopicsView } from "./topics-image.js";

/**
 * MetadataImage is the controller's state: brokers, topics and partitions, config overrides and
 * producer-id allocation. {@link MetadataImage.replay} is its only mutation, and the same path
 * serves the active controller (which replays its own records as it writes them), standby
 * controllers and brokers (which replay committed records), and snapshot loading (KIP-631, habit 6:
 * managers compute, replay mutates).
 *
 * Replay asserts invariants rather than validating: records come from our own controller, so a
 * record that breaks one is a bug and must stop the process (an AssertionError), not be skipped.
 * Not safe for concurrent use; the controller's single event loop owns it.
 */
export class MetadataImage {
  readonly #cluster = new ClusterImage();
  readonly #topics = new TopicsImage();
  readonly #configs = new ConfigsImage();
  readonly #producerIds = new ProducerIdsImage();
  /** Invariant: offsets replayed never decrease; -1 before the first record. */
  #offset = -1;

  /** offset is the offset of the last batch replayed, -1 for an empty image. */
  get offset(): number {
    return this.#offset;
  }

  /** cluster is the broker registry. */
  get cluster(): ClusterView {
    return this.#cluster;
  }

  /** topics holds topics and partitions. */
  get topics(): TopicsView {
    return this.#topics;
  }

  /** configs holds config overrides. */
  get configs(): ConfigsView {
    return this.#configs;
  }

  /** producerIds tracks producer-id blocks. */
  get producerIds(): ProducerIdsView {
    return this.#producerIds;
  }

  /**
   * replay applies one record of the batch at `offset` (every record of a batch shares its offset;
   * snapshot records all carry the snapshot's offset). It throws an AssertionError if the record
   * breaks an invariant, leaving the image unusable: the caller must stop.
   */
  replay(record: MetadataRecord, offset: number): void {
    assert(Number.isSafeInteger(offset) && offset >= this.#offset, `offset ${offset} replayed after ${this.#offset}`);
    this.#offset = offset;
    switch (record.type) {
      case "register-broker":
      case "fence-broker":
      case "unfence-broker":
      case "broker-controlled-shutdown":
      case "unregister-broker": {
        this.#cluster.replay(record, offset);
        if (!this.#cluster.isActive(record.brokerId)) {
          const problem = inactiveBrokerProblem(record.brokerId, this.#cluster, this.#topics);
          assert(problem === null, `after ${record.type} of broker ${record.brokerId}: ${problem}`);
        }
        return;
      }
      case "topic":
        this.#topics.replay(record);
        return;
      case "remove-topic": {
        const topic = this.#topics.topicById(record.topicId);
        this.#topics.replay(record);
        if (topic !== undefined) this.#configs.removeTopic(topic.name);
        return;
      }
      case "partition":
      case "partition-change": {
        const partition = this.#topics.replay(record);
        assert(partition !== undefined, "partition replay returned nothing");
        const problem = partitionBrokerProblem(partition, this.#cluster);
        assert(problem === null, `after ${record.type}: ${problem}`);
        return;
      }
      case "config":
        assert(
          record.resourceType !== "topic" || this.#topics.topicByName(record.resourceName) !== undefined,
          `config for unknown topic ${record.resourceName}`,
        );
        this.#configs.replay(record);
        return;
      case "producer-ids":
        this.#producerIds.replay(record);
        return;
      case "no-op":
        return;
    }
  }

  /**
   * toSnapshotRecords restates the image as records whose replay, at any offset not below this
   * image's, rebuilds an identical image: brokers (with their epochs and states), broker configs,
   * then each topic with its configs and partitions, then the producer-id high-water mark.
   */
  toSnapshotRecords(): MetadataRecord[] {
    const brokerConfigs = this.#configs
      .resources()
      .filter((resource) => resource.type === "broker")
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((resource) => this.#configs.toSnapshotRecords("broker", resource.name));
    return [
      ...this.#cluster.toSnapshotRecords(),
      ...brokerConfigs,
      ...this.#topics.toSnapshotRecords((topic) => this.#configs.toSnapshotRecords("topic", topic.name)),
      ...this.#producerIds.toSnapshotRecords(),
    ];
  }

  /** fromSnapshot builds an image by replaying snapshot records at the snapshot's offset. */
  static fromSnapshot(records: Iterable<MetadataRecord>, offset: number): MetadataImage {
    const image = new MetadataImage();
    for (const record of records) image.replay(record, offset);
    // An empty snapshot still moves the image to its offset.
    if (image.#offset < offset) image.replay({ type: "no-op" }, offset);
    return image;
  }
}
