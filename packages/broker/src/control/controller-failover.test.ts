/**
 * A broker's control plane across a controller failover, on a real three-voter quorum in this
 * process: the active controller stops; calls find the new one, and the metadata stream moves to
 * it and resumes where it stopped, with no batch missed or applied twice.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controllerConfigFromProperties } from "../../../controller/src/config/controller-config.js";
import { ControllerNode } from "../../../controller/src/quorum/controller-node.js";
import { ControllerChannel } from "./controller-channel.js";
import { BrokerControl } from "./testing/broker-control.js";
import { ControllerQuorum, type StartController } from "./testing/controller-quorum.js";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const controllerFailures: unknown[] = [];
const startController: StartController = (properties) =>
  ControllerNode.start({ config: controllerConfigFromProperties(properties), logger: quiet, onFatal: (error) => controllerFailures.push(error) });

const CLUSTER_ID = "control-failover-test";
let quorum: ControllerQuorum;
const cleanup: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  quorum = await ControllerQuorum.start(startController, { voterCount: 3, clusterId: CLUSTER_ID });
});

afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  await quorum.stop();
  expect(controllerFailures).toEqual([]);
});

describe("broker control plane across a controller failover", () => {
  it("follows the active controller: calls are redirected, the stream reconnects with no gap and no repeat", async () => {
    const firstActive = await quorum.active();
    const logDir = join(quorum.dir, "broker-1");
    mkdirSync(logDir, { recursive: true });
    const broker = await BrokerControl.start({ brokerId: 1, clusterId: CLUSTER_ID, voters: quorum.voters, logDir });
    cleanup.push(() => broker.stop());
    await broker.lifecycle!.whenState("running");

    // A channel that starts at a standby is sent on to the active controller.
    const standbyIndex = quorum.voters.findIndex((voter) => voter.nodeId !== firstActive);
    const probe = new ControllerChannel({ voters: quorum.voters, random: () => (standbyIndex + 0.5) / quorum.voters.length });
    cleanup.push(() => probe.close());
    const before = await probe.call("CreateTopics", { topics: [{ name: "before", numPartitions: 2, replicationFactor: 1 }] });
    expect(before.topics[0]?.error?.name).toBe("NONE");
    expect(probe.activeControllerId).toBe(firstActive);
    await broker.listener.whenApplied(quorum.node(firstActive).controller.image.offset);
    expect(broker.listener.streamingFrom).toBe(firstActive);

    // Stop the active controller. Its stop waits for open streams, so it completes only once the
    // broker's metadata stream has moved to the new active controller.
    const stopping = quorum.stopNode(firstActive);
    const secondActive = await quorum.active();
    expect(secondActive).not.toBe(firstActive);
    const after = await broker.channel.call("CreateTopics", { topics: [{ name: "after", numPartitions: 2, replicationFactor: 1 }] });
    expect(after.topics[0]?.error?.name).toBe("NONE");
    expect(broker.channel.activeControllerId).toBe(secondActive);
    await stopping;
    const probeAfter = await probe.call("DescribeCluster", {});
    expect(probeAfter.controllerId).toBe(secondActive);

    const newController = quorum.node(secondActive).controller;
    await broker.listener.whenApplied(newController.image.offset);
    expect(broker.listener.streamingFrom).toBe(secondActive);
    expect(broker.listener.image.topics.topicByName("after")?.partitions).toHaveLength(2);
    expect(broker.listener.image.toSnapshotRecords()).toEqual(newController.image.toSnapshotRecords());

    // One snapshot to start with, then every Raft entry exactly once: each offset is the previous + 1.
    const offsets = broker.appliedBatchOffsets();
    expect(broker.deltas.filter((delta) => delta.snapshot)).toHaveLength(1);
    for (let i = 1; i < offsets.length; i++) expect(offsets[i]).toBe(offsets[i - 1]! + 1);
    expect(offsets.at(-1)).toBe(newController.image.offset);

    // The broker kept its registration and session through the failover.
    expect(broker.states).toEqual(["recovery", "running"]);
    expect(broker.epochs).toHaveLength(1);
    expect(broker.fatal).toEqual([]);
  });
});
