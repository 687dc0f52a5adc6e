/**
 * The cluster layer against real gRPC fake brokers: bootstrap from any seed (a dead first seed
 * included), single-flight metadata refreshes, leader hints used without a refresh, the
 * metadata max age, and coordinator caching.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import { TributaryRetriesExceededError } from "../retry/retries-exceeded-error.js";
import { ManualClock } from "../testing/manual-clock.js";
import { FakeCluster, deadAddress } from "../testing/fake-cluster.js";
import { FAST_RETRY, testCluster } from "../testing/test-cluster.js";
import { BrokersUnreachableError } from "./brokers-unreachable-error.js";
import { ClientClosedError } from "./client-closed-error.js";
import type { Cluster } from "./cluster.js";

let fake: FakeCluster;
let cluster: Cluster | undefined;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 3 });
  fake.createTopic("orders", 3);
});

afterEach(async () => {
  await cluster?.disconnect();
  cluster = undefined;
  await fake.stop();
});

describe("bootstrap", () => {
  it("skips a dead seed and learns every broker and topic from the first that answers", async () => {
    const dead = await deadAddress();
    // random() = 0 keeps the seed order after Fisher-Yates swaps: put the dead seed first.
    cluster = testCluster([dead, fake.broker(2).address], { random: () => 0.99 });
    await cluster.connect();
    expect(cluster.brokerNodes().map((node) => node.nodeId)).toEqual([1, 2, 3]);
    expect(cluster.metadata.topic("orders")?.partitions.map((partition) => partition.leader)).toEqual([1, 2, 3]);
    expect(fake.broker(2).requestsOf("Metadata")).toHaveLength(1);
  });

  it("gives up with every seed's failure when none answers", async () => {
    cluster = testCluster([await deadAddress(), await deadAddress()], { retry: { ...FAST_RETRY, retries: 1 } });
    const error = await cluster.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TributaryRetriesExceededError);
    const retries = error as TributaryRetriesExceededError;
    expect(retries.code).toBe("NETWORK_EXCEPTION");
    expect(retries.retryCount).toBe(1);
    expect(retries.cause).toBeInstanceOf(BrokersUnreachableError);
    expect((retries.cause as BrokersUnreachableError).failures).toHaveLength(2);
    expect(retries.message).toMatch(/could not reach any broker/);
  });
});

describe("metadata", () => {
  it("joins concurrent refreshes of the same topics into one Metadata call", async () => {
    cluster = testCluster(fake.addresses);
    await cluster.connect();
    const before = fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("Metadata").length, 0);
    await Promise.all([cluster.refreshMetadata(["orders"]), cluster.refreshMetadata(["orders"]), cluster.refreshMetadata(["orders"])]);
    const after = fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("Metadata").length, 0);
    expect(after - before).toBe(1);
  });

  it("follows a leader hint without a Metadata call, and refreshes when there is no hint", async () => {
    cluster = testCluster(fake.addresses);
    await cluster.connect();
    const metadataCalls = (): number => fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("Metadata").length, 0);
    const before = metadataCalls();
    const hinted = new TributaryError("NOT_LEADER_OR_FOLLOWER", "moved", { leaderHint: { nodeId: 3, endpoint: fake.broker(3).address, epoch: 1 } });
    await cluster.handleStaleMetadata("orders", 0, hinted);
    expect(cluster.leaderOf("orders", 0)).toBe(3);
    expect(metadataCalls()).toBe(before);

    fake.moveLeader("orders", 1, 1);
    await cluster.handleStaleMetadata("orders", 1, new TributaryError("NOT_LEADER_OR_FOLLOWER"));
    expect(cluster.leaderOf("orders", 1)).toBe(1);
    expect(metadataCalls()).toBe(before + 1);
  });

  it("ignores a hint older than the cached leader epoch", async () => {
    cluster = testCluster(fake.addresses);
    await cluster.connect();
    fake.moveLeader("orders", 0, 2);
    await cluster.refreshMetadata(["orders"]);
    expect(cluster.metadata.applyLeaderHint("orders", 0, { nodeId: 3, epoch: 0 })).toBe(false);
    expect(cluster.leaderOf("orders", 0)).toBe(2);
  });

  it("refreshes topics older than metadataMaxAgeMs on use", async () => {
    const clock = new ManualClock();
    cluster = testCluster(fake.addresses, { clock, metadataMaxAgeMs: 1_000 });
    await cluster.connect();
    fake.moveLeader("orders", 2, 1);
    await cluster.ensureTopics(["orders"]);
    expect(cluster.leaderOf("orders", 2)).toBe(3);
    clock.advance(1_001);
    await cluster.ensureTopics(["orders"]);
    expect(cluster.leaderOf("orders", 2)).toBe(1);
  });

  it("says which topic is missing", async () => {
    cluster = testCluster(fake.addresses);
    await cluster.connect();
    const error = await cluster.requireTopic("nope").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TributaryError);
    expect((error as TributaryError).code).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect((error as TributaryError).message).toMatch(/"nope" does not exist/);
  });
});

describe("disconnect", () => {
  it("stops retry loops at once, with ClientClosedError", async () => {
    cluster = testCluster(fake.addresses, { retry: { ...FAST_RETRY, retries: 1_000, initialRetryTimeMs: 50, maxRetryTimeMs: 50 } });
    await cluster.connect();
    for (const broker of fake.brokers) broker.requestFault = () => ({ kind: "rpcError", error: new TributaryError("LEADER_NOT_AVAILABLE") });
    const refresh = cluster.refreshMetadata(["orders"]).catch((caught: unknown) => caught);
    while (fake.brokers.every((broker) => broker.requestsOf("Metadata").length < 2)) await new Promise((resolve) => setImmediate(resolve));
    await cluster.disconnect();
    const error = (await refresh) as ClientClosedError;
    expect(error).toBeInstanceOf(ClientClosedError);
    expect(error.retriable).toBe(false);
    for (const broker of fake.brokers) broker.requestFault = undefined;
    await cluster.connect();
    await cluster.refreshMetadata(["orders"]);
  });
});

describe("coordinators", () => {
  it("caches a group's coordinator until invalidated", async () => {
    fake.coordinatorId = 2;
    cluster = testCluster(fake.addresses);
    await cluster.connect();
    const first = await cluster.coordinatorFor("g");
    const second = await cluster.coordinatorFor("g");
    expect(first).toBe(second);
    expect(first.nodeId).toBe(2);
    const lookups = (): number => fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("FindCoordinator").length, 0);
    expect(lookups()).toBe(1);
    fake.coordinatorId = 3;
    cluster.invalidateCoordinator("g");
    expect((await cluster.coordinatorFor("g")).nodeId).toBe(3);
    expect(lookups()).toBe(2);
  });
});
