/**
 * Goal: replay is the image's only mutation, it applies each record as documented, and it refuses
 * (with an AssertionError) records that would break an invariant; snapshots restate the image.
 * Method: hand-built record sequences replayed into a fresh image.
 */
import { AssertionError } from "@tributary/client/internal/assert";
import { describe, expect, it } from "vitest";
import { imageInvariantProblems } from "./image-invariants.js";
import { MetadataImage } from "./metadata-image.js";
import type { MetadataRecord } from "./records.js";
import { describeImage } from "./testing/describe-image.js";

const endpoints = [{ listener: "PLAINTEXT", host: "h", port: 9092 }];
const register = (brokerId: number, incarnationId = `i${brokerId}`): MetadataRecord => ({
  type: "register-broker",
  brokerId,
  incarnationId,
  endpoints,
  rack: null,
  brokerEpoch: null,
});

/** An image with brokers 1-3 registered at offsets 1-3 and unfenced, and topic t (id T) with one partition on 1,2,3. */
function clusterWithTopic(): MetadataImage {
  const image = new MetadataImage();
  for (const id of [1, 2, 3]) image.replay(register(id), id);
  for (const id of [1, 2, 3]) image.replay({ type: "unfence-broker", brokerId: id, brokerEpoch: id }, 4);
  image.replay({ type: "topic", name: "t", topicId: "T" }, 5);
  image.replay({ type: "partition", topicId: "T", partition: 0, replicas: [1, 2, 3], isr: [1, 2, 3], leader: 1, leaderEpoch: 0, partitionEpoch: 0 }, 5);
  return image;
}

describe("MetadataImage.replay", () => {
  it("registers brokers fenced, with the batch offset as epoch, and walks them through their states", () => {
    const image = new MetadataImage();
    image.replay(register(7), 42);
    expect(image.cluster.broker(7)).toMatchObject({ brokerEpoch: 42, state: "fenced" });
    image.replay({ type: "unfence-broker", brokerId: 7, brokerEpoch: 42 }, 43);
    expect(image.cluster.isActive(7)).toBe(true);
    image.replay({ type: "broker-controlled-shutdown", brokerId: 7, brokerEpoch: 42 }, 44);
    expect(image.cluster.broker(7)?.state).toBe("controlled-shutdown");
    expect(image.cluster.isActive(7)).toBe(false);
    image.replay({ type: "fence-broker", brokerId: 7, brokerEpoch: 42 }, 45);
    expect(image.cluster.broker(7)?.state).toBe("fenced");
    image.replay(register(7, "second"), 46);
    expect(image.cluster.broker(7)).toMatchObject({ brokerEpoch: 46, incarnationId: "second", state: "fenced" });
    image.replay({ type: "unregister-broker", brokerId: 7, brokerEpoch: 46 }, 47);
    expect(image.cluster.broker(7)).toBeUndefined();
  });

  it("refuses broker records for another incarnation or an illegal transition", () => {
    const image = new MetadataImage();
    image.replay(register(1), 5);
    expect(() => image.replay({ type: "unfence-broker", brokerId: 1, brokerEpoch: 4 }, 6)).toThrow(AssertionError);
    expect(() => image.replay({ type: "fence-broker", brokerId: 1, brokerEpoch: 5 }, 6)).toThrow(/fenced twice/);
    expect(() => image.replay({ type: "broker-controlled-shutdown", brokerId: 1, brokerEpoch: 5 }, 6)).toThrow(/while fenced/);
    expect(() => image.replay({ type: "fence-broker", brokerId: 9, brokerEpoch: 5 }, 6)).toThrow(/unregistered/);
  });

  it("bumps the leader epoch when a change names a leader, and the partition epoch on every change", () => {
    const image = clusterWithTopic();
    image.replay({ type: "partition-change", topicId: "T", partition: 0, isr: [1, 2] }, 6);
    expect(image.topics.partition("T", 0)).toMatchObject({ isr: [1, 2], leader: 1, leaderEpoch: 0, partitionEpoch: 1 });
    image.replay({ type: "partition-change", topicId: "T", partition: 0, leader: 2 }, 7);
    expect(image.topics.partition("T", 0)).toMatchObject({ leader: 2, leaderEpoch: 1, partitionEpoch: 2 });
  });

  it("refuses a fenced leader, an inactive ISR member and a leader outside the ISR", () => {
    const image = clusterWithTopic();
    expect(() => image.replay({ type: "fence-broker", brokerId: 1, brokerEpoch: 1 }, 6)).toThrow(/leader 1 is fenced/);
    const other = clusterWithTopic();
    expect(() => other.replay({ type: "fence-broker", brokerId: 2, brokerEpoch: 2 }, 6)).toThrow(/ISR member 2 is fenced/);
    expect(() => clusterWithTopic().replay({ type: "partition-change", topicId: "T", partition: 0, isr: [2, 3] }, 6)).toThrow(/leader is not in the ISR/);
  });

  it("lets a fenced broker stay only as the last ISR member of a leaderless partition", () => {
    const image = clusterWithTopic();
    image.replay({ type: "partition-change", topicId: "T", partition: 0, isr: [1], leader: -1 }, 6);
    image.replay({ type: "fence-broker", brokerId: 1, brokerEpoch: 1 }, 6);
    expect(imageInvariantProblems(image.cluster, image.topics)).toEqual([]);
    expect(() => image.replay({ type: "partition-change", topicId: "T", partition: 0, isr: [1, 2] }, 7)).toThrow(/ISR member 1 is fenced/);
  });

  it("removes a topic with its partitions and config overrides", () => {
    const image = clusterWithTopic();
    image.replay({ type: "config", resourceType: "topic", resourceName: "t", name: "retention.ms", value: "1" }, 6);
    image.replay({ type: "remove-topic", topicId: "T" }, 7);
    expect(image.topics.topicByName("t")).toBeUndefined();
    expect(image.topics.partitionCount).toBe(0);
    expect(image.configs.overrides("topic", "t").size).toBe(0);
    expect(() => image.replay({ type: "config", resourceType: "topic", resourceName: "t", name: "retention.ms", value: "1" }, 8)).toThrow(/unknown topic/);
  });

  it("refuses partitions out of order, decreasing offsets and producer ids going backwards; no-op changes nothing", () => {
    const image = clusterWithTopic();
    expect(() => image.replay({ type: "partition", topicId: "T", partition: 2, replicas: [1], isr: [1], leader: 1, leaderEpoch: 0, partitionEpoch: 0 }, 6)).toThrow(/out of order/);
    expect(() => clusterWithTopic().replay({ type: "no-op" }, 4)).toThrow(/offset 4 replayed after 5/);
    image.replay({ type: "producer-ids", brokerId: 1, brokerEpoch: 1, nextProducerId: 1000n }, 6);
    expect(() => image.replay({ type: "producer-ids", brokerId: 1, brokerEpoch: 1, nextProducerId: 1000n }, 7)).toThrow(/producer ids went/);
    const before = describeImage(image);
    image.replay({ type: "no-op" }, 8);
    expect(describeImage(image)).toEqual(before);
    expect(image.offset).toBe(8);
  });
});

describe("MetadataImage snapshots", () => {
  it("restate epochs, states, configs and producer ids so that replay rebuilds the same image", () => {
    const image = clusterWithTopic();
    image.replay({ type: "partition-change", topicId: "T", partition: 0, isr: [1, 2], leader: 2 }, 6);
    image.replay({ type: "broker-controlled-shutdown", brokerId: 3, brokerEpoch: 3 }, 7);
    image.replay({ type: "config", resourceType: "topic", resourceName: "t", name: "retention.ms", value: "1" }, 8);
    image.replay({ type: "config", resourceType: "broker", resourceName: "", name: "log.retention.ms", value: "2" }, 8);
    image.replay({ type: "producer-ids", brokerId: 2, brokerEpoch: 2, nextProducerId: 2000n }, 9);
    const copy = MetadataImage.fromSnapshot(image.toSnapshotRecords(), image.offset);
    expect(describeImage(copy)).toEqual(describeImage(image));
    expect(copy.offset).toBe(9);
    expect(copy.cluster.broker(3)).toMatchObject({ brokerEpoch: 3, state: "controlled-shutdown" });
    expect(copy.topics.partition("T", 0)).toMatchObject({ leaderEpoch: 1, partitionEpoch: 1 });
  });

  it("of an empty image is empty", () => {
    expect(new MetadataImage().toSnapshotRecords()).toEqual([]);
    expect(MetadataImage.fromSnapshot([], 10).offset).toBe(10);
  });
});
