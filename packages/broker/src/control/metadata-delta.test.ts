/**
 * Deltas from replayed batches and from snapshots: what changed, what was deleted, and what it
 * means for one broker.
 */
import { MetadataImage, type MetadataRecord } from "@tributary/controller/internal/metadata";
import { describe, expect, it } from "vitest";
import { BatchDeltaBuilder, snapshotDelta, type MetadataDelta } from "./metadata-delta.js";

const endpoint = [{ listener: "PLAINTEXT", host: "h", port: 1 }];
const brokers: MetadataRecord[] = [1, 2, 3].flatMap((brokerId): MetadataRecord[] => [
  { type: "register-broker", brokerId, incarnationId: `i${brokerId}`, endpoints: endpoint, rack: null, brokerEpoch: null },
]);
const unfence = (brokerId: number, brokerEpoch: number): MetadataRecord => ({ type: "unfence-broker", brokerId, brokerEpoch });
const topic = (name: string, topicId: string, leaders: number[]): MetadataRecord[] => [
  { type: "topic", name, topicId },
  ...leaders.map((leader, partition): MetadataRecord => {
    const replicas = [leader, (leader % 3) + 1];
    return { type: "partition", topicId, partition, replicas, isr: replicas, leader, leaderEpoch: 0, partitionEpoch: 0 };
  }),
];

/** applyBatches replays batches the way the listener does and returns the chunk's delta. */
function applyBatches(image: MetadataImage, brokerId: number, batches: Array<{ offset: number; records: MetadataRecord[] }>): MetadataDelta {
  const builder = new BatchDeltaBuilder(brokerId, image);
  for (const batch of batches) {
    for (const record of batch.records) {
      builder.beforeReplay(record, image);
      image.replay(record, batch.offset);
    }
    if (batch.records.length === 0) image.replay({ type: "no-op" }, batch.offset);
    builder.batchApplied(batch.offset);
  }
  return builder.build(image);
}

function clusterImage(): MetadataImage {
  const image = new MetadataImage();
  applyBatches(image, 2, [
    { offset: 1, records: [brokers[0]!] },
    { offset: 2, records: [brokers[1]!] },
    { offset: 3, records: [brokers[2]!] },
    { offset: 4, records: [unfence(1, 1), unfence(2, 2), unfence(3, 3)] },
  ]);
  return image;
}

const ids = (states: ReadonlyArray<{ topicId: string; partition: number }>) => states.map((state) => `${state.topicId}/${state.partition}`).sort();

describe("BatchDeltaBuilder", () => {
  it("reports new partitions and splits them into this broker's leaderships and followerships", () => {
    const image = clusterImage();
    const delta = applyBatches(image, 2, [{ offset: 5, records: topic("orders", "t-orders", [1, 2, 3]) }]);
    expect(delta).toMatchObject({ previousOffset: 4, offset: 5, snapshot: false, batchOffsets: [5], deletedTopics: [] });
    expect(ids(delta.changedPartitions)).toEqual(["t-orders/0", "t-orders/1", "t-orders/2"]);
    // Partition 0 is on [1, 2], 1 on [2, 3], 2 on [3, 1]: broker 2 leads 1 and follows 0.
    expect(ids(delta.local.leaders)).toEqual(["t-orders/1"]);
    expect(ids(delta.local.followers)).toEqual(["t-orders/0"]);
    expect(delta.local.removed).toEqual([]);
  });

  it("reports leader changes with the new epochs, no-op batches as offsets only, and broker changes", () => {
    const image = clusterImage();
    applyBatches(image, 2, [{ offset: 5, records: topic("orders", "t-orders", [1, 2]) }]);
    const delta = applyBatches(image, 2, [
      { offset: 6, records: [] },
      { offset: 7, records: [{ type: "partition-change", topicId: "t-orders", partition: 0, leader: 2, isr: [2] }, { type: "fence-broker", brokerId: 1, brokerEpoch: 1 }] },
    ]);
    expect(delta.batchOffsets).toEqual([6, 7]);
    expect(delta.changedPartitions).toEqual([{ topicId: "t-orders", partition: 0, replicas: [1, 2], isr: [2], leader: 2, leaderEpoch: 1, partitionEpoch: 1 }]);
    expect(ids(delta.local.leaders)).toEqual(["t-orders/0"]);
    expect(delta.changedBrokers.map((broker) => [broker.brokerId, broker.state])).toEqual([[1, "fenced"]]);
  });

  it("reports deleted topics as they were, and omits what was created and deleted in one chunk", () => {
    const image = clusterImage();
    applyBatches(image, 2, [{ offset: 5, records: topic("orders", "t-orders", [1, 2]) }]);
    const delta = applyBatches(image, 2, [
      { offset: 6, records: [{ type: "partition-change", topicId: "t-orders", partition: 1, leader: 3, isr: [3] }] },
      { offset: 7, records: [{ type: "remove-topic", topicId: "t-orders" }] },
      { offset: 8, records: topic("brief", "t-brief", [2]) },
      { offset: 9, records: [{ type: "remove-topic", topicId: "t-brief" }] },
    ]);
    expect(delta.changedPartitions).toEqual([]);
    expect(delta.deletedTopics).toHaveLength(1);
    // The deleted topic as it was before this chunk: partition 1 still led by broker 2.
    expect(delta.deletedTopics[0]).toMatchObject({ topicId: "t-orders", name: "orders" });
    expect(delta.deletedTopics[0]!.partitions.map((p) => p.leader)).toEqual([1, 2]);
    expect(ids(delta.local.removed)).toEqual(["t-orders/0", "t-orders/1"]);
  });

  it("reports a replica moved off this broker as removed", () => {
    const image = clusterImage();
    applyBatches(image, 2, [{ offset: 5, records: topic("orders", "t-orders", [1]) }]);
    const delta = applyBatches(image, 2, [{ offset: 6, records: [{ type: "partition-change", topicId: "t-orders", partition: 0, replicas: [1, 3], isr: [1] }] }]);
    expect(ids(delta.changedPartitions)).toEqual(["t-orders/0"]);
    expect(delta.local.removed.map((p) => p.replicas)).toEqual([[1, 2]]);
  });
});

describe("snapshotDelta", () => {
  it("finds what a snapshot changed by comparing the images", () => {
    const before = clusterImage();
    applyBatches(before, 2, [{ offset: 5, records: [...topic("orders", "t-orders", [1, 2]), ...topic("gone", "t-gone", [2])] }]);
    const replayed = clusterImage();
    applyBatches(replayed, 2, [
      { offset: 5, records: [...topic("orders", "t-orders", [1, 2]), ...topic("gone", "t-gone", [2])] },
      { offset: 6, records: [{ type: "partition-change", topicId: "t-orders", partition: 1, leader: 3, isr: [3] }] },
      { offset: 7, records: [{ type: "remove-topic", topicId: "t-gone" }, ...topic("new", "t-new", [2])] },
      { offset: 8, records: [{ type: "config", resourceType: "topic", resourceName: "orders", name: "retention.ms", value: "1000" }] },
    ]);
    const after = MetadataImage.fromSnapshot(replayed.toSnapshotRecords(), replayed.offset);
    const delta = snapshotDelta(2, before, after);
    expect(delta).toMatchObject({ previousOffset: 5, offset: 8, snapshot: true, batchOffsets: [8] });
    expect(ids(delta.changedPartitions)).toEqual(["t-new/0", "t-orders/1"]);
    expect(delta.deletedTopics.map((t) => t.name)).toEqual(["gone"]);
    expect(ids(delta.local.leaders)).toEqual(["t-new/0"]);
    // Partition 1 of orders ([2, 3]) went from led by 2 to led by 3: broker 2 now follows it.
    expect(ids(delta.local.followers)).toEqual(["t-orders/1"]);
    expect(delta.local.removed.map((p) => p.topicId)).toEqual(["t-gone"]);
    expect(delta.changedConfigs).toEqual([{ type: "topic", name: "orders" }]);
    expect(delta.changedBrokers).toEqual([]);
  });
});
