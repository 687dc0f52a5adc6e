/**
 * A broker's control plane against a real single-voter controller in this process: registration
 * and unfencing, the metadata image and its deltas, restart from a checkpoint, controlled
 * shutdown, and re-registration after a stale broker epoch.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { NO_LEADER } from "@tributary/controller/internal/metadata";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { controllerConfigFromProperties } from "../../../controller/src/config/controller-config.js";
import { ControllerNode } from "../../../controller/src/quorum/controller-node.js";
import { ControllerChannel } from "./controller-channel.js";
import { BrokerControl, type BrokerControlOptions } from "./testing/broker-control.js";
import { ControllerQuorum, type StartController } from "./testing/controller-quorum.js";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const controllerFailures: unknown[] = [];
const startController: StartController = (properties) =>
  ControllerNode.start({ config: controllerConfigFromProperties(properties), logger: quiet, onFatal: (error) => controllerFailures.push(error) });

const CLUSTER_ID = "control-plane-test";
let quorum: ControllerQuorum;
let admin: ControllerChannel;
const brokers: BrokerControl[] = [];

beforeEach(async () => {
  quorum = await ControllerQuorum.start(startController, { voterCount: 1, clusterId: CLUSTER_ID });
  await quorum.active();
  admin = new ControllerChannel({ voters: quorum.voters });
});

afterEach(async () => {
  for (const broker of brokers.splice(0)) await broker.stop();
  admin.close();
  await quorum.stop();
  expect(controllerFailures).toEqual([]);
});

/** controllerOffset is the offset of the controller's committed image. */
function controllerOffset(): number {
  return quorum.node(1).controller.image.offset;
}

async function startBroker(brokerId: number, options: Partial<BrokerControlOptions> = {}): Promise<BrokerControl> {
  const logDir = join(quorum.dir, `broker-${brokerId}`);
  mkdirSync(logDir, { recursive: true });
  const broker = await BrokerControl.start({ brokerId, clusterId: CLUSTER_ID, voters: quorum.voters, logDir, ...options });
  brokers.push(broker);
  return broker;
}

async function createTopic(name: string, numPartitions: number): Promise<string> {
  const response = await admin.call("CreateTopics", { topics: [{ name, numPartitions, replicationFactor: 1 }] });
  expect(response.topics[0]?.error?.name).toBe("NONE");
  return response.topics[0]!.topicId;
}

function expectStrictlyIncreasing(offsets: readonly number[]): void {
  for (let i = 1; i < offsets.length; i++) expect(offsets[i]).toBeGreaterThan(offsets[i - 1]!);
}

describe("broker control plane on a single-voter controller", () => {
  it("registers, is unfenced once caught up, and sees topics with the controller's partition states", async () => {
    const broker = await startBroker(1);
    const lifecycle = broker.lifecycle!;
    await lifecycle.whenState("running");
    expect(broker.states).toEqual(["recovery", "running"]);
    expect(broker.epochs).toEqual([lifecycle.brokerEpoch]);

    const topicId = await createTopic("orders", 3);
    await broker.listener.whenApplied(controllerOffset());
    const image = broker.listener.image;
    expect(image.cluster.broker(1)).toMatchObject({
      state: "unfenced",
      brokerEpoch: lifecycle.brokerEpoch,
      incarnationId: lifecycle.incarnationId,
      endpoints: [{ listener: "PLAINTEXT", host: "127.0.0.1", port: 19_001 }],
    });
    expect(image.topics.topicByName("orders")?.partitions).toEqual(
      [0, 1, 2].map((partition) => ({ topicId, partition, replicas: [1], isr: [1], leader: 1, leaderEpoch: 0, partitionEpoch: 0 })),
    );
    const creation = broker.deltas.find((delta) => delta.changedPartitions.some((state) => state.topicId === topicId));
    expect(creation?.local.leaders.map((state) => state.partition).sort()).toEqual([0, 1, 2]);
    expect(creation?.local.followers).toEqual([]);

    await admin.call("DeleteTopics", { names: ["orders"] });
    await broker.listener.whenApplied(controllerOffset());
    expect(broker.listener.image.topics.topicByName("orders")).toBeUndefined();
    const deletion = broker.deltas.find((delta) => delta.deletedTopics.length > 0);
    expect(deletion?.deletedTopics.map((topic) => topic.name)).toEqual(["orders"]);
    expect(deletion?.local.removed.map((state) => state.partition).sort()).toEqual([0, 1, 2]);

    expect(broker.listener.image.toSnapshotRecords()).toEqual(quorum.node(1).controller.image.toSnapshotRecords());
    expectStrictlyIncreasing(broker.appliedBatchOffsets());
    expect(broker.fatal).toEqual([]);
  });

  it("resumes from its checkpoint after a restart, not from offset 0, and ends with the same image", async () => {
    // Broker 5 hosts the replicas; broker 2 only follows the metadata log, and is the one restarted.
    await (await startBroker(5)).lifecycle!.whenState("running");
    const first = await startBroker(2, { register: false, listener: { checkpointIntervalBatches: 1 } });
    const checkpointed: number[] = [];
    first.listener.onCheckpoint((offset) => checkpointed.push(offset));
    await createTopic("before", 2);
    const target = controllerOffset();
    await first.listener.whenApplied(target);
    // One batch per checkpoint: the periodic checkpoint reaches the applied offset on its own.
    await new Promise<void>((resolve) => {
      if (first.listener.checkpointedOffset >= target) resolve();
      else first.listener.onCheckpoint((offset) => offset >= target && resolve());
    });
    expect(checkpointed.length).toBeGreaterThan(0);
    await first.stop();
    brokers.splice(brokers.indexOf(first), 1);
    const stoppedAt = first.listener.checkpointedOffset;
    expect(stoppedAt).toBe(target);

    // The metadata log moves on while the broker is down.
    await createTopic("while-down", 1);
    const second = await startBroker(2, { register: false });
    expect(second.listener.loadedOffset).toBe(stoppedAt);
    await second.listener.whenApplied(controllerOffset());

    // First the checkpoint, restated as a delta from nothing; then the stream from the next offset.
    expect(second.deltas[0]).toMatchObject({ snapshot: true, previousOffset: -1, offset: stoppedAt });
    expect(second.deltas[1]).toMatchObject({ snapshot: false, previousOffset: stoppedAt });
    expect(second.deltas[1]?.batchOffsets[0]).toBe(stoppedAt + 1);
    expect(second.deltas.some((delta) => delta.changedPartitions.some((state) => state.topicId === second.listener.image.topics.topicByName("while-down")?.topicId))).toBe(true);
    expectStrictlyIncreasing(second.appliedBatchOffsets());
    expect(second.listener.image.toSnapshotRecords()).toEqual(quorum.node(1).controller.image.toSnapshotRecords());
  });

  it("completes a controlled shutdown once its leaderships have moved away", async () => {
    const broker = await startBroker(3);
    const lifecycle = broker.lifecycle!;
    await lifecycle.whenState("running");
    const topicId = await createTopic("led", 2);
    await broker.listener.whenApplied(controllerOffset());
    expect(broker.listener.image.topics.topicById(topicId)?.partitions.map((state) => state.leader)).toEqual([3, 3]);

    expect(await lifecycle.beginControlledShutdown(10_000)).toBe("completed");
    expect(broker.states).toEqual(["recovery", "running", "pending-controlled-shutdown", "shutting-down"]);
    await broker.listener.whenApplied(controllerOffset());
    // With one replica there is nowhere to move: the partitions are left leaderless, the broker fenced.
    expect(broker.listener.image.topics.topicById(topicId)?.partitions.map((state) => state.leader)).toEqual([NO_LEADER, NO_LEADER]);
    expect(broker.listener.image.cluster.broker(3)?.state).toBe("fenced");
  });

  it("registers again, with a new broker epoch, after a heartbeat is refused for a stale one", async () => {
    let ready = () => {};
    const readyToUnfence = new Promise<void>((resolve) => (ready = resolve));
    const broker = await startBroker(4, { lifecycle: { readyToUnfence } });
    const lifecycle = broker.lifecycle!;
    await lifecycle.whenState("recovery");
    const firstEpoch = lifecycle.brokerEpoch;
    const reRegistered = new Promise<number>((resolve) => {
      const unsubscribe = lifecycle.onRegistered((epoch) => {
        if (epoch === firstEpoch) return;
        unsubscribe();
        resolve(epoch);
      });
    });

    // While this incarnation is fenced, another one may take its id over; this one's epoch is then stale.
    const intruder = await admin.call("RegisterBroker", {
      clusterId: CLUSTER_ID,
      brokerId: 4,
      incarnationId: "intruder",
      endpoints: [{ listener: "PLAINTEXT", host: "127.0.0.1", port: 1 }],
    });
    const intruderEpoch = Number(intruder.brokerEpoch);
    expect(intruderEpoch).toBeGreaterThan(firstEpoch);
    const newEpoch = await reRegistered;
    expect(newEpoch).toBeGreaterThan(intruderEpoch);

    ready();
    await lifecycle.whenState("running");
    expect(broker.epochs).toEqual([firstEpoch, newEpoch]);
    expect(broker.states).toEqual(["recovery", "running"]);
    await broker.listener.whenApplied(controllerOffset());
    expect(broker.listener.image.cluster.broker(4)).toMatchObject({ incarnationId: lifecycle.incarnationId, brokerEpoch: newEpoch, state: "unfenced" });
  });
});
