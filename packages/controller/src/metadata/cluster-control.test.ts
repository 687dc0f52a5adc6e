/**
 * Goal: the broker lifecycle follows KIP-631: registration (epoch = batch offset), unfencing once
 * caught up, fencing on session expiry or request with leaders moved in the same batch, controlled
 * shutdown, unregistration; every refusal uses the shared error table.
 * Method: a MetadataHarness playing the driver, with a clock the tests advance.
 */
import { TributaryError } from "@tributary/client/internal/errors";
import { beforeEach, describe, expect, it } from "vitest";
import { ClusterControl } from "./cluster-control.js";
import { HeartbeatTracker } from "./heartbeat-tracker.js";
import { imageInvariantProblems } from "./image-invariants.js";
import { MetadataHarness } from "./testing/metadata-harness.js";

const endpoints = [{ listener: "PLAINTEXT", host: "b1", port: 9092 }];
let harness: MetadataHarness;

beforeEach(() => {
  harness = new MetadataHarness({ sessionTimeoutMs: 9_000 });
});

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof TributaryError) return error.code;
    throw error;
  }
  return "NONE";
}

function sound(): void {
  expect(imageInvariantProblems(harness.image.cluster, harness.image.topics)).toEqual([]);
}

describe("registerBroker", () => {
  it("writes a registration whose epoch is the offset of the batch that commits it", () => {
    const result = harness.control.cluster.registerBroker({ brokerId: 1, incarnationId: "a", endpoints, rack: "r1" }, harness.nowMs);
    expect(result.records).toEqual([{ type: "register-broker", brokerId: 1, incarnationId: "a", endpoints, rack: "r1", brokerEpoch: null }]);
    const offset = harness.commit(result.records);
    expect(result.response(offset)).toEqual({ brokerEpoch: offset });
    expect(harness.image.cluster.broker(1)).toMatchObject({ brokerEpoch: offset, state: "fenced", rack: "r1" });
  });

  it("answers a retry of the same incarnation with its existing epoch and no records", () => {
    const epoch = harness.register(1, null, "a");
    harness.commit([{ type: "no-op" }]);
    const retry = harness.control.cluster.registerBroker({ brokerId: 1, incarnationId: "a", endpoints: [{ listener: "PLAINTEXT", host: "broker1", port: 9092 }], rack: null }, harness.nowMs);
    expect(retry.records).toEqual([]);
    expect(retry.response(999).brokerEpoch).toBe(epoch);
    expect(codeOf(() => harness.control.cluster.registerBroker({ brokerId: 1, incarnationId: "a", endpoints, rack: null }, harness.nowMs))).toBe("INVALID_REQUEST");
  });

  it("refuses malformed registrations", () => {
    const register = (fields: object) => () => harness.control.cluster.registerBroker({ brokerId: 1, incarnationId: "a", endpoints, rack: null, ...fields }, harness.nowMs);
    expect(codeOf(register({ brokerId: -1 }))).toBe("INVALID_REQUEST");
    expect(codeOf(register({ incarnationId: "" }))).toBe("INVALID_REQUEST");
    expect(codeOf(register({ endpoints: [] }))).toBe("INVALID_REQUEST");
    expect(codeOf(register({ endpoints: [{ listener: "L", host: "h", port: 70_000 }] }))).toBe("INVALID_REQUEST");
    expect(codeOf(register({ rack: "" }))).toBe("INVALID_REQUEST");
  });

  it("refuses a new incarnation while the old one's session is live, and replaces it once it has expired", () => {
    const oldEpoch = harness.startBroker(1);
    harness.startBroker(2);
    const topicId = harness.createTopic("t", 1, 2);
    expect(harness.image.topics.partition(topicId, 0)?.leader).toBe(1);
    expect(codeOf(() => harness.register(1))).toBe("DUPLICATE_BROKER_REGISTRATION");
    harness.nowMs += 9_001;
    harness.heartbeat(2);
    const result = harness.control.cluster.registerBroker({ brokerId: 1, incarnationId: "new", endpoints, rack: null }, harness.nowMs);
    // The old incarnation's leadership moves in the same batch, before the registration replaces it.
    expect(result.records.map((r) => r.type)).toEqual(["partition-change", "register-broker"]);
    const newEpoch = result.response(harness.commit(result.records)).brokerEpoch;
    expect(newEpoch).toBeGreaterThan(oldEpoch);
    expect(harness.image.topics.partition(topicId, 0)).toMatchObject({ leader: 2, isr: [2], leaderEpoch: 1 });
    sound();
  });

  it("lets a new incarnation replace a fenced one at once", () => {
    harness.startBroker(1);
    harness.heartbeat(1, { wantShutDown: true });
    expect(harness.image.cluster.broker(1)?.state).toBe("fenced");
    expect(codeOf(() => harness.register(1))).toBe("NONE");
  });
});

describe("heartbeat", () => {
  it("keeps a broker fenced until it has applied its own registration, then unfences it", () => {
    const epoch = harness.register(1);
    expect(harness.heartbeat(1, { currentMetadataOffset: epoch - 1 })).toEqual({ isCaughtUp: false, isFenced: true, shouldShutDown: false });
    const result = harness.control.cluster.heartbeat({ brokerId: 1, brokerEpoch: epoch, currentMetadataOffset: epoch, wantFence: false, wantShutDown: false }, harness.nowMs);
    expect(result.records).toEqual([{ type: "unfence-broker", brokerId: 1, brokerEpoch: epoch }]);
    expect(result.response).toEqual({ isCaughtUp: true, isFenced: false, shouldShutDown: false });
    harness.commit(result.records);
    expect(harness.image.cluster.isActive(1)).toBe(true);
  });

  it("stays fenced when the broker asks to", () => {
    harness.register(1);
    expect(harness.heartbeat(1, { wantFence: true })).toMatchObject({ isCaughtUp: true, isFenced: true });
    expect(harness.image.cluster.isActive(1)).toBe(false);
  });

  it("refuses unknown brokers and stale epochs", () => {
    expect(codeOf(() => harness.control.cluster.heartbeat({ brokerId: 9, brokerEpoch: 1, currentMetadataOffset: 0, wantFence: false, wantShutDown: false }, 0))).toBe(
      "BROKER_ID_NOT_REGISTERED",
    );
    const epoch = harness.register(1);
    expect(codeOf(() => harness.heartbeat(1, { brokerEpoch: epoch - 1 }))).toBe("STALE_BROKER_EPOCH");
  });

  it("fences an unfenced broker that asks to be fenced, moving its leaderships first", () => {
    for (const id of [1, 2]) harness.startBroker(id);
    const topicId = harness.createTopic("t", 1, 2);
    const result = harness.control.cluster.heartbeat({ brokerId: 1, brokerEpoch: harness.image.cluster.broker(1)?.brokerEpoch ?? -1, currentMetadataOffset: harness.image.offset, wantFence: true, wantShutDown: false }, harness.nowMs);
    expect(result.records.map((r) => r.type)).toEqual(["partition-change", "fence-broker"]);
    expect(harness.run(result)).toMatchObject({ isFenced: true, shouldShutDown: false });
    expect(harness.image.topics.partition(topicId, 0)).toMatchObject({ leader: 2, isr: [2] });
    sound();
  });

  it("re-elects a returning broker that is the last ISR member of a leaderless partition", () => {
    harness.startBroker(1);
    const topicId = harness.createTopic("t", 1, 1);
    harness.heartbeat(1, { wantFence: true });
    expect(harness.image.topics.partition(topicId, 0)).toMatchObject({ leader: -1, isr: [1] });
    const result = harness.control.cluster.heartbeat({ brokerId: 1, brokerEpoch: harness.image.cluster.broker(1)?.brokerEpoch ?? -1, currentMetadataOffset: harness.image.offset, wantFence: false, wantShutDown: false }, harness.nowMs);
    expect(result.records.map((r) => r.type)).toEqual(["unfence-broker", "partition-change"]);
    harness.run(result);
    expect(harness.image.topics.partition(topicId, 0)).toMatchObject({ leader: 1, isr: [1], leaderEpoch: 2 });
    sound();
  });
});

describe("checkSessions", () => {
  it("fences brokers whose session expired and, in the same batch, moves their leaderships and ISR seats", () => {
    for (const id of [1, 2, 3]) harness.startBroker(id);
    const topicId = harness.createTopic("t", 3, 3);
    harness.nowMs += 5_000;
    harness.heartbeat(2);
    harness.heartbeat(3);
    expect(harness.run(harness.control.cluster.checkSessions(harness.nowMs))).toEqual({ fencedBrokerIds: [] });
    harness.nowMs += 5_000;
    const result = harness.control.cluster.checkSessions(harness.nowMs);
    expect(result.response).toEqual({ fencedBrokerIds: [1] });
    expect(result.records.at(-1)).toMatchObject({ type: "fence-broker", brokerId: 1 });
    harness.run(result);
    for (const partition of harness.image.topics.topicById(topicId)?.partitions ?? []) {
      expect(partition.isr).not.toContain(1);
      expect(partition.leader).not.toBe(1);
      expect([2, 3]).toContain(partition.leader);
    }
    sound();
  });

  it("fences several brokers together, keeping the old leader as the last ISR member", () => {
    for (const id of [1, 2]) harness.startBroker(id);
    const topicId = harness.createTopic("t", 1, 2);
    harness.nowMs += 10_000;
    expect(harness.run(harness.control.cluster.checkSessions(harness.nowMs))).toEqual({ fencedBrokerIds: [1, 2] });
    expect(harness.image.topics.partition(topicId, 0)).toMatchObject({ leader: -1, isr: [1] });
    sound();
  });

  it("elects any live replica when the topic allows unclean election", () => {
    for (const id of [1, 2]) harness.startBroker(id);
    const topicId = harness.createTopic("t", 1, 2, { "unclean.leader.election.enable": "true" });
    const partition = harness.image.topics.partition(topicId, 0);
    harness.run(
      harness.control.replication.alterPartition({
        brokerId: 1,
        brokerEpoch: harness.image.cluster.broker(1)?.brokerEpoch ?? -1,
        topicId,
        partition: 0,
        leaderEpoch: partition?.leaderEpoch ?? -1,
        partitionEpoch: partition?.partitionEpoch ?? -1,
        newIsr: [{ brokerId: 1, brokerEpoch: harness.image.cluster.broker(1)?.brokerEpoch ?? -1 }],
      }),
    );
    harness.nowMs += 5_000;
    harness.heartbeat(2);
    harness.nowMs += 5_000;
    harness.run(harness.control.cluster.checkSessions(harness.nowMs));
    expect(harness.image.topics.partition(topicId, 0)).toMatchObject({ leader: 2, isr: [2] });
    sound();
  });

  it("gives every broker a full session after a controller failover", () => {
    harness.startBroker(1);
    const standby = new ClusterControl(harness.image, new HeartbeatTracker(9_000), harness.control.replication);
    harness.nowMs += 60_000;
    expect(standby.checkSessions(harness.nowMs).response.fencedBrokerIds).toEqual([]);
    expect(standby.checkSessions(harness.nowMs + 9_001).response.fencedBrokerIds).toEqual([1]);
  });
});

describe("controlled shutdown", () => {
  it("moves leaderships away first, then lets the broker stop once every active broker has caught up", () => {
    for (const id of [1, 2, 3]) harness.startBroker(id);
    const topicId = harness.createTopic("t", 3, 3);
    const epoch = harness.image.cluster.broker(1)?.brokerEpoch ?? -1;
    const first = harness.control.cluster.heartbeat({ brokerId: 1, brokerEpoch: epoch, currentMetadataOffset: harness.image.offset, wantFence: false, wantShutDown: true }, harness.nowMs);
    expect(first.records.at(-1)).toEqual({ type: "broker-controlled-shutdown", brokerId: 1, brokerEpoch: epoch });
    expect(harness.run(first)).toEqual({ isCaughtUp: true, isFenced: false, shouldShutDown: false });
    expect(harness.image.cluster.broker(1)?.state).toBe("controlled-shutdown");
    for (const partition of harness.image.topics.topicById(topicId)?.partitions ?? []) {
      expect(partition.leader).not.toBe(1);
      expect(partition.isr).not.toContain(1);
    }
    // Brokers 2 and 3 have not yet applied the batch that made them leaders.
    expect(harness.heartbeat(1, { wantShutDown: true })).toMatchObject({ shouldShutDown: false });
    harness.heartbeat(2);
    harness.heartbeat(3);
    const last = harness.control.cluster.heartbeat({ brokerId: 1, brokerEpoch: epoch, currentMetadataOffset: harness.image.offset, wantFence: false, wantShutDown: true }, harness.nowMs);
    expect(last.records).toEqual([{ type: "fence-broker", brokerId: 1, brokerEpoch: epoch }]);
    expect(harness.run(last)).toEqual({ isCaughtUp: true, isFenced: true, shouldShutDown: true });
    sound();
  });

  it("leaves a partition whose only ISR member is shutting down leaderless, with that member kept", () => {
    for (const id of [1, 2]) harness.startBroker(id);
    const [result] = harness.run(harness.control.topics.createTopics([{ name: "solo", assignments: [[1]] }]));
    const topicId = result?.error === null ? result.topicId : null;
    harness.heartbeat(1, { wantShutDown: true });
    expect(harness.image.topics.partition(topicId ?? "", 0)).toMatchObject({ leader: -1, isr: [1] });
    sound();
  });

  it("stops a broker that leads nothing at once", () => {
    for (const id of [1, 2]) harness.startBroker(id);
    expect(harness.heartbeat(2, { wantShutDown: true })).toEqual({ isCaughtUp: true, isFenced: true, shouldShutDown: true });
  });

  it("stops a fenced broker at once", () => {
    harness.register(1);
    const result = harness.control.cluster.heartbeat({ brokerId: 1, brokerEpoch: harness.image.offset, currentMetadataOffset: 0, wantFence: false, wantShutDown: true }, harness.nowMs);
    expect(result.records).toEqual([]);
    expect(result.response).toMatchObject({ isFenced: true, shouldShutDown: true });
  });
});

describe("unregisterBroker", () => {
  it("moves the broker's leaderships away and removes it", () => {
    for (const id of [1, 2]) harness.startBroker(id);
    const topicId = harness.createTopic("t", 1, 2);
    const result = harness.control.cluster.unregisterBroker(1);
    expect(result.records.map((r) => r.type)).toEqual(["partition-change", "unregister-broker"]);
    harness.run(result);
    expect(harness.image.cluster.broker(1)).toBeUndefined();
    expect(harness.image.topics.partition(topicId, 0)).toMatchObject({ leader: 2, isr: [2], replicas: [1, 2] });
    sound();
  });

  it("refuses an unknown broker", () => {
    expect(codeOf(() => harness.control.cluster.unregisterBroker(4))).toBe("BROKER_ID_NOT_REGISTERED");
  });
});
