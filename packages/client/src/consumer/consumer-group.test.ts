/**
 * Group membership of the consumer (KIP-848) against a gRPC fake broker whose coordinator is
 * scripted: joining and where assigned partitions start (committed offset, else the reset
 * policy), the hand-over order when partitions are taken away (processing stops, the in-flight
 * message finishes, offsets are committed, and only then is the release reported), fencing
 * (partitions dropped without a commit, rejoin with epoch 0), leaving with epoch -1 or -2, and
 * heartbeats that keep going while a handler is busy. Handlers block on gates the test opens;
 * waits are on events, never on time.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import type { FakeRequest } from "../testing/fake-broker.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { FakeFetch } from "../testing/fake-fetch.js";
import { ScriptedCoordinator } from "../testing/scripted-coordinator.js";
import { testConsumer } from "../testing/test-consumer.js";
import { Collector, Gate, nextEvent } from "../testing/waiters.js";
import type { Consumer } from "./consumer.js";
import type { ConsumerEvents } from "./consumer-events.js";

let fake: FakeCluster;
let fetch: FakeFetch;
let coordinator: ScriptedCoordinator;
let consumer: Consumer | undefined;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 1 });
  fake.createTopic("t", 2);
  fetch = FakeFetch.install(fake);
  coordinator = ScriptedCoordinator.install(fake.broker(1));
  coordinator.initialTarget = ["t-0", "t-1"];
});

afterEach(async () => {
  await consumer?.disconnect();
  consumer = undefined;
  await fake.stop();
});

type Heartbeat = FakeRequest<"ConsumerGroupHeartbeat">;

function owns(heartbeat: Heartbeat, key: string): boolean {
  return heartbeat.ownedPartitions.some((topic) => topic.partitions.some((partition) => `${topic.topic}-${partition}` === key));
}

function seen(values: Collector<string>): string[] {
  return values.items;
}

describe("joining", () => {
  it("joins with its subscription and starts each partition at its committed offset, else by the reset policy", async () => {
    await fetch.append("t", 0, ["a", "b", "c"]);
    await fetch.append("t", 0, ["d"]);
    await fetch.append("t", 1, ["x", "y"]);
    coordinator.setCommitted("t", 0, 1n);
    consumer = testConsumer(fake.addresses, { groupId: "g", autoCommitIntervalMs: 600_000 });
    const joined = nextEvent<ConsumerEvents, "consumer.group_join">(consumer, "consumer.group_join");
    await consumer.subscribe({ topics: ["t"], fromBeginning: true });
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ partition, message }) => values.push(`${partition}:${message.value?.toString()}@${message.offset}`) });
    await values.waitFor(5);
    expect(seen(values).filter((value) => value.startsWith("0:"))).toEqual(["0:b@1", "0:c@2", "0:d@3"]);
    expect(seen(values).filter((value) => value.startsWith("1:"))).toEqual(["1:x@0", "1:y@1"]);
    const join = coordinator.heartbeats[0]!;
    expect(join).toMatchObject({ groupId: "g", memberId: "", memberEpoch: 0, subscribedTopicNames: ["t"], ownedPartitionsPresent: true, ownedPartitions: [] });
    expect((await joined).assigned).toEqual([{ topic: "t", partitions: [0, 1] }]);
    expect(consumer.assignment()).toEqual([{ topic: "t", partitions: [0, 1] }]);
  });

  it("starts at the end without a committed offset when fromBeginning is false", async () => {
    await fetch.append("t", 0, ["old"]);
    coordinator.initialTarget = ["t-0"];
    consumer = testConsumer(fake.addresses, { groupId: "g" });
    await consumer.subscribe({ topics: ["t"] });
    const values = new Collector<string>();
    const fetchingAtEnd = nextEvent<ConsumerEvents, "consumer.fetch_start">(consumer, "consumer.fetch_start");
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    await fetchingAtEnd;
    await fetch.append("t", 0, ["new"]);
    expect(await values.waitFor(1)).toEqual(["new"]);
  });

  it("sends topic regexes to the coordinator, rewritten for its whole-name matching", async () => {
    coordinator.initialTarget = [];
    consumer = testConsumer(fake.addresses, { groupId: "g" });
    await consumer.subscribe({ topics: ["named", /^orders-/, /eu|us$/] });
    const heartbeat = coordinator.nextHeartbeat();
    await consumer.run({ eachMessage: async () => undefined });
    expect(await heartbeat).toMatchObject({ subscribedTopicNames: ["named"], subscribedTopicRegex: "(?:orders-).*|.*(?:eu).*|.*(?:us)" });
  });
});

describe("hand-over", () => {
  it("reports a revoked partition released only after its in-flight message finished and its offset was committed", async () => {
    await fetch.append("t", 0, ["a", "slow", "c"]);
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true, autoCommitIntervalMs: 600_000 });
    await consumer.subscribe({ topics: ["t"] });
    const gate = new Gate();
    const busy = new Gate();
    const values = new Collector<string>();
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.push(message.value?.toString() ?? "");
        if (message.value?.toString() === "slow") {
          busy.open();
          await gate.wait();
        }
      },
    });
    await busy.wait();
    const rebalancing = nextEvent<ConsumerEvents, "consumer.rebalancing">(consumer, "consumer.rebalancing");
    coordinator.setTarget(["t-1"]);
    expect((await rebalancing).revoking).toEqual([{ topic: "t", partitions: [0] }]);
    // While the handler is busy, heartbeats go on and still report t-0 owned; nothing is committed.
    const stillOwned = await coordinator.nextHeartbeat((heartbeat) => heartbeat.memberEpoch > 0);
    expect(owns(stillOwned, "t-0")).toBe(true);
    expect(coordinator.commits).toEqual([]);
    const released = coordinator.nextHeartbeat((heartbeat) => !owns(heartbeat, "t-0"));
    gate.open();
    await released;
    const requests = fake.broker(1).requests;
    const commitIndex = requests.findIndex((entry) => entry.method === "OffsetCommit");
    const releaseIndex = requests.findIndex((entry) => entry.method === "ConsumerGroupHeartbeat" && !owns(entry.request as Heartbeat, "t-0") && (entry.request as Heartbeat).memberEpoch > 0);
    expect(commitIndex).toBeGreaterThanOrEqual(0);
    expect(commitIndex).toBeLessThan(releaseIndex);
    expect(coordinator.commits.map((commit) => [`${commit.topic}-${commit.partition}`, commit.offset])).toEqual([["t-0", 2n]]);
    // The message after the in-flight one was never handed out: it is the next owner's.
    expect(seen(values)).toEqual(["a", "slow"]);
    expect(consumer.assignment()).toEqual([{ topic: "t", partitions: [1] }]);
  });

  it("releases without committing when autoCommit is off", async () => {
    await fetch.append("t", 0, ["a"]);
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true, autoCommit: false });
    await consumer.subscribe({ topics: ["t"] });
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    await values.waitFor(1);
    coordinator.setTarget(["t-1"]);
    await coordinator.nextHeartbeat((heartbeat) => heartbeat.memberEpoch > 0 && !owns(heartbeat, "t-0"));
    expect(coordinator.commits).toEqual([]);
  });

  it("starts newly assigned partitions from their committed offsets", async () => {
    coordinator.initialTarget = ["t-0"];
    await fetch.append("t", 1, ["p", "q", "r"]);
    coordinator.setCommitted("t", 1, 2n);
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true });
    await consumer.subscribe({ topics: ["t"] });
    const values = new Collector<string>();
    const joined = nextEvent<ConsumerEvents, "consumer.group_join">(consumer, "consumer.group_join");
    await consumer.run({ eachMessage: async ({ partition, message }) => values.push(`${partition}:${message.value?.toString()}`) });
    await joined;
    const added = nextEvent<ConsumerEvents, "consumer.group_join">(consumer, "consumer.group_join");
    coordinator.setTarget(["t-0", "t-1"]);
    expect((await added).assigned).toEqual([{ topic: "t", partitions: [1] }]);
    expect(await values.waitFor(1)).toEqual(["1:r"]);
  });
});

describe("fencing", () => {
  it("drops every partition without committing on FENCED_MEMBER_EPOCH and rejoins with epoch 0 under its member id", async () => {
    await fetch.append("t", 0, ["a", "b"]);
    coordinator.initialTarget = ["t-0"];
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true, autoCommitIntervalMs: 600_000 });
    await consumer.subscribe({ topics: ["t"] });
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    await values.waitFor(2);
    const memberId = coordinator.member().memberId;
    let fenced = false;
    coordinator.script = (request) => {
      if (fenced || request.memberEpoch <= 0) return undefined;
      fenced = true;
      return new TributaryError("FENCED_MEMBER_EPOCH", "scripted");
    };
    const lost = nextEvent<ConsumerEvents, "consumer.partitions_lost">(consumer, "consumer.partitions_lost");
    const rejoin = coordinator.nextHeartbeat((heartbeat) => fenced && heartbeat.memberEpoch === 0);
    expect(await lost).toMatchObject({ errorCode: "FENCED_MEMBER_EPOCH", partitions: [{ topic: "t", partitions: [0] }] });
    expect(await rejoin).toMatchObject({ memberId, ownedPartitions: [] });
    // Nothing was committed, so the rejoined member reads both messages again.
    expect(await values.waitFor(4)).toEqual(["a", "b", "a", "b"]);
    expect(coordinator.commits).toEqual([]);
  });

  it("rejoins without its member id after UNKNOWN_MEMBER_ID", async () => {
    coordinator.initialTarget = ["t-0"];
    consumer = testConsumer(fake.addresses, { groupId: "g" });
    await consumer.subscribe({ topics: ["t"] });
    const joined = nextEvent<ConsumerEvents, "consumer.group_join">(consumer, "consumer.group_join");
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    coordinator.members.clear();
    const rejoin = await coordinator.nextHeartbeat((heartbeat) => heartbeat.memberEpoch === 0);
    expect(rejoin.memberId).toBe("");
  });

  it("drops its partitions when no heartbeat was answered for sessionTimeoutMs, and rejoins once the coordinator answers", async () => {
    coordinator.initialTarget = ["t-0"];
    consumer = testConsumer(fake.addresses, { groupId: "g", sessionTimeoutMs: 200 });
    await consumer.subscribe({ topics: ["t"] });
    const joined = nextEvent<ConsumerEvents, "consumer.group_join">(consumer, "consumer.group_join");
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    let unavailable = true;
    coordinator.script = () => (unavailable ? new TributaryError("COORDINATOR_LOAD_IN_PROGRESS", "scripted") : undefined);
    const lost = await nextEvent<ConsumerEvents, "consumer.partitions_lost">(consumer, "consumer.partitions_lost");
    expect(lost).toMatchObject({ errorCode: "UNKNOWN_MEMBER_ID", partitions: [{ topic: "t", partitions: [0] }] });
    expect(consumer.assignment()).toEqual([]);
    const rejoined = nextEvent<ConsumerEvents, "consumer.group_join">(consumer, "consumer.group_join");
    unavailable = false;
    expect((await rejoined).assigned).toEqual([{ topic: "t", partitions: [0] }]);
  });

  it("refuses a commit from a fenced member with CommitRejectedError and rejoins", async () => {
    coordinator.initialTarget = ["t-0"];
    coordinator.heartbeatIntervalMs = 600_000;
    consumer = testConsumer(fake.addresses, { groupId: "g" });
    await consumer.subscribe({ topics: ["t"] });
    const joined = nextEvent<ConsumerEvents, "consumer.group_join">(consumer, "consumer.group_join");
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    coordinator.member().epoch = 99;
    const rejoin = coordinator.nextHeartbeat((heartbeat) => heartbeat.memberEpoch === 0);
    const error = await consumer.commitOffsets([{ topic: "t", partition: 0, offset: 5n }]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "CommitRejectedError", code: "FENCED_MEMBER_EPOCH", offsets: [{ topic: "t", partitions: [{ partition: 0, offset: 5n }] }] });
    expect((error as Error).message).toMatch(/rejoins the group/);
    await rejoin;
    expect(coordinator.offsets.has("t-0")).toBe(false);
  });
});

describe("leaving", () => {
  it("commits processed offsets, then leaves with epoch -1", async () => {
    await fetch.append("t", 0, ["a", "b"]);
    coordinator.initialTarget = ["t-0"];
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true, autoCommitIntervalMs: 600_000 });
    await consumer.subscribe({ topics: ["t"] });
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    await values.waitFor(2);
    await consumer.disconnect();
    // Heartbeats go on until the leave, so only the order of commit and leave is fixed.
    const requests = fake.broker(1).requests.filter((entry) => entry.method === "OffsetCommit" || entry.method === "ConsumerGroupHeartbeat");
    const last = requests[requests.length - 1]!;
    expect(last.method).toBe("ConsumerGroupHeartbeat");
    expect(last.request).toMatchObject({ memberEpoch: -1 });
    expect(requests.findIndex((entry) => entry.method === "OffsetCommit")).toBeLessThan(requests.length - 1);
    expect(coordinator.commits.map((commit) => commit.offset)).toEqual([2n]);
  });

  it("leaves with epoch -2 and its instance id as a static member", async () => {
    coordinator.initialTarget = ["t-0"];
    consumer = testConsumer(fake.addresses, { groupId: "g", groupInstanceId: "instance-1" });
    await consumer.subscribe({ topics: ["t"] });
    const joined = nextEvent<ConsumerEvents, "consumer.group_join">(consumer, "consumer.group_join");
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    expect(coordinator.heartbeats[0]).toMatchObject({ instanceId: "instance-1" });
    await consumer.disconnect();
    expect(coordinator.heartbeats[coordinator.heartbeats.length - 1]).toMatchObject({ memberEpoch: -2, instanceId: "instance-1" });
  });
});

describe("liveness", () => {
  it("keeps heartbeating while a handler is busy", async () => {
    await fetch.append("t", 0, ["slow"]);
    coordinator.initialTarget = ["t-0"];
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true });
    await consumer.subscribe({ topics: ["t"] });
    const gate = new Gate();
    const busy = new Gate();
    await consumer.run({
      eachMessage: async () => {
        busy.open();
        await gate.wait();
      },
    });
    await busy.wait();
    const before = coordinator.heartbeats.length;
    for (let count = 0; count < 3; count++) await coordinator.nextHeartbeat();
    expect(coordinator.heartbeats.length).toBeGreaterThanOrEqual(before + 3);
    gate.open();
  });
});
