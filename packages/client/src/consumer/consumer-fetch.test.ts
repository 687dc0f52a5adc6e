/**
 * Fetching and positions, against gRPC fake brokers serving real record batches: the prefetch
 * buffer bound (per partition and overall), the record-count limit (asked of the broker, enforced
 * exactly here), records below the fetch offset inside a batch, OFFSET_OUT_OF_RANGE reset by
 * policy, leadership moves, and the application's seek, pause/resume and manual assignment. While
 * a handler is blocked the test uses heartbeats as its clock: "nothing more was fetched over five
 * heartbeats" rather than over some milliseconds.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
  fake = await FakeCluster.start({ brokers: 2 });
  fake.createTopic("t", 2, [1, 1]);
  fetch = FakeFetch.install(fake);
  coordinator = ScriptedCoordinator.install(fake.broker(1));
});

afterEach(async () => {
  await consumer?.disconnect();
  consumer = undefined;
  await fake.stop();
});

const VALUE = "v".repeat(60);

async function appendBatches(partition: number, count: number, prefix = "m"): Promise<void> {
  for (let index = 0; index < count; index++) await fetch.append("t", partition, [`${prefix}${index}-${VALUE}`]);
}

function fetchRequests(nodeId = 1) {
  return fake.broker(nodeId).requestsOf("Fetch");
}

async function heartbeats(count: number): Promise<void> {
  for (let index = 0; index < count; index++) await coordinator.nextHeartbeat();
}

describe("prefetch bound", () => {
  it("stops fetching a partition whose buffer holds maxBytesPerPartition, and resumes once it drains", async () => {
    await appendBatches(0, 8);
    const batchBytes = fake.partition("t", 0).log[0]!.bytes.length;
    coordinator.initialTarget = ["t-0"];
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true, maxBytesPerPartition: batchBytes + 10, maxBufferedBytes: 64 * 1024 });
    await consumer.subscribe({ topics: ["t"] });
    const gate = new Gate();
    const values = new Collector<string>();
    let fetchedRecords = 0;
    consumer.on("consumer.fetch", (event) => void (fetchedRecords += event.payload.records));
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.push(message.value?.toString().slice(0, 2) ?? "");
        await gate.wait();
      },
    });
    await values.waitFor(1);
    await heartbeats(5);
    const sent = fetchRequests().length;
    await heartbeats(5);
    // One batch per fetch (the partition budget fits one); two fetched batches fill the buffer.
    expect(fetchedRecords).toBe(2);
    expect(fetchRequests().length).toBe(sent);
    gate.open();
    expect((await values.waitFor(8)).slice(0, 8)).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"]);
  });

  it("keeps all partitions together within maxBufferedBytes, asking each fetch for at most the room left", async () => {
    await appendBatches(0, 10, "a");
    await appendBatches(1, 10, "b");
    const batchBytes = fake.partition("t", 0).log[0]!.bytes.length;
    const maxBufferedBytes = batchBytes * 3;
    coordinator.initialTarget = ["t-0", "t-1"];
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true, maxBytesPerPartition: batchBytes * 2, maxBufferedBytes });
    await consumer.subscribe({ topics: ["t"] });
    const gate = new Gate();
    const values = new Collector<string>();
    let fetchedBytes = 0;
    consumer.on("consumer.fetch", (event) => void (fetchedBytes += event.payload.bytes));
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.push(message.value?.toString().slice(0, 2) ?? "");
        await gate.wait();
      },
    });
    await values.waitFor(1);
    await heartbeats(10);
    expect(fetchedBytes).toBeLessThanOrEqual(maxBufferedBytes + batchBytes);
    expect(fetchRequests().every((request) => request.maxBytes <= maxBufferedBytes)).toBe(true);
    gate.open();
    await values.waitFor(20);
  });
});

describe("record-count limit", () => {
  it("asks the broker for maxRecordsPerFetch and hands out batches of at most that many", async () => {
    await fetch.append("t", 0, Array.from({ length: 10 }, (_, index) => `r${index}`));
    consumer = testConsumer(fake.addresses, { maxRecordsPerFetch: 3, fromBeginning: true });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const sizes = new Collector<number>();
    const offsets: bigint[] = [];
    await consumer.run({
      eachBatch: async ({ batch }) => {
        offsets.push(...batch.messages.map((message) => message.offset));
        sizes.push(batch.messages.length);
      },
    });
    await sizes.waitFor(4);
    expect(sizes.items).toEqual([3, 3, 3, 1]);
    expect(offsets).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    expect(fetchRequests()[0]?.maxRecords).toBe(3);
  });
});

describe("positions", () => {
  it("resets an out-of-range committed offset to the earliest offset when fromBeginning, with an event", async () => {
    await fetch.append("t", 0, ["a", "b", "c"]);
    coordinator.setCommitted("t", 0, 100n);
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const reset = nextEvent<ConsumerEvents, "consumer.offset_reset">(consumer, "consumer.offset_reset");
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    expect(await reset).toEqual({ topic: "t", partition: 0, fromOffset: 100n, toOffset: 0n, policy: "earliest" });
    expect(await values.waitFor(3)).toEqual(["a", "b", "c"]);
  });

  it("resets an out-of-range position to the end when fromBeginning is false", async () => {
    await fetch.append("t", 0, ["a", "b", "c"]);
    coordinator.setCommitted("t", 0, 100n);
    consumer = testConsumer(fake.addresses, { groupId: "g" });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const reset = nextEvent<ConsumerEvents, "consumer.offset_reset">(consumer, "consumer.offset_reset");
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    expect(await reset).toMatchObject({ toOffset: 3n, policy: "latest" });
    await fetch.append("t", 0, ["d"]);
    expect(await values.waitFor(1)).toEqual(["d"]);
  });

  it("seeks before run into the middle of a batch, skipping the batch's earlier records", async () => {
    await fetch.append("t", 0, ["a", "b", "c", "d"]);
    consumer = testConsumer(fake.addresses);
    consumer.assign([{ topic: "t", partitions: [0] }]);
    consumer.seek({ topic: "t", partition: 0, offset: 2 });
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(`${message.value?.toString()}@${message.offset}`) });
    expect(await values.waitFor(2)).toEqual(["c@2", "d@3"]);
  });

  it("seeks from inside a handler: the rest of the batch is dropped and the sought message comes next", async () => {
    await fetch.append("t", 0, ["a", "b", "c", "d", "e"]);
    consumer = testConsumer(fake.addresses, { fromBeginning: true });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const values = new Collector<string>();
    let sought = false;
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.push(message.value?.toString() ?? "");
        if (message.offset === 3n && !sought) {
          sought = true;
          consumer?.seek({ topic: "t", partition: 0, offset: 1n });
        }
      },
    });
    expect(await values.waitFor(8)).toEqual(["a", "b", "c", "d", "b", "c", "d", "e"]);
  });

  it("follows a leadership move to the new leader", async () => {
    await fetch.append("t", 0, ["a"]);
    consumer = testConsumer(fake.addresses, { fromBeginning: true });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    await values.waitFor(1);
    fake.moveLeader("t", 0, 2);
    await fetch.append("t", 0, ["b"]);
    expect(await values.waitFor(2)).toEqual(["a", "b"]);
    expect(fetchRequests(2).length).toBeGreaterThan(0);
  });

  it("refreshes metadata and retries after FENCED_LEADER_EPOCH", async () => {
    await fetch.append("t", 0, ["a"]);
    let fenced = 0;
    fetch.fault = () => (fenced++ < 2 ? "FENCED_LEADER_EPOCH" : undefined);
    consumer = testConsumer(fake.addresses, { fromBeginning: true });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const values = new Collector<string>();
    const metadataBefore = fake.broker(1).requestsOf("Metadata").length + fake.broker(2).requestsOf("Metadata").length;
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    expect(await values.waitFor(1)).toEqual(["a"]);
    expect(fake.broker(1).requestsOf("Metadata").length + fake.broker(2).requestsOf("Metadata").length).toBeGreaterThan(metadataBefore);
  });
});

describe("pause and resume", () => {
  it("neither fetches nor hands out a paused partition until it is resumed", async () => {
    await fetch.append("t", 0, ["a0", "a1"]);
    await fetch.append("t", 1, ["b0"]);
    consumer = testConsumer(fake.addresses, { fromBeginning: true });
    consumer.assign([{ topic: "t", partitions: [0, 1] }]);
    consumer.pause([{ topic: "t", partitions: [0] }]);
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    await values.waitFor(1);
    const quiet = nextEvent<ConsumerEvents, "consumer.fetch">(consumer, "consumer.fetch");
    await quiet;
    expect(values.items).toEqual(["b0"]);
    expect(consumer.paused()).toEqual([{ topic: "t", partitions: [0] }]);
    expect(fetchRequests().every((request) => request.topics.every((topic) => !topic.partitions.some((partition) => partition.partition === 0)))).toBe(true);
    consumer.resume([{ topic: "t", partitions: [0] }]);
    expect(await values.waitFor(3)).toEqual(["b0", "a0", "a1"]);
    expect(consumer.paused()).toEqual([]);
  });

  it("pauses from inside a handler after the current message; the returned function resumes", async () => {
    await fetch.append("t", 0, ["a", "b", "c"]);
    consumer = testConsumer(fake.addresses, { fromBeginning: true });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const values = new Collector<string>();
    let resume: (() => void) | undefined;
    const firstBatchEnded = nextEvent<ConsumerEvents, "consumer.end_batch_process">(consumer, "consumer.end_batch_process");
    await consumer.run({
      eachMessage: async ({ message, pause }) => {
        values.push(message.value?.toString() ?? "");
        if (message.value?.toString() === "a") resume = pause();
      },
    });
    await firstBatchEnded;
    expect(values.items).toEqual(["a"]);
    expect(consumer.paused()).toEqual([{ topic: "t", partitions: [0] }]);
    resume?.();
    expect(await values.waitFor(3)).toEqual(["a", "b", "c"]);
  });

  it("pauses a whole topic, including partitions assigned later", async () => {
    await fetch.append("t", 1, ["late"]);
    consumer = testConsumer(fake.addresses, { fromBeginning: true });
    consumer.pause([{ topic: "t" }]);
    consumer.assign([{ topic: "t", partitions: [1] }]);
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    expect(consumer.paused()).toEqual([{ topic: "t", partitions: [1] }]);
    consumer.resume([{ topic: "t" }]);
    expect(await values.waitFor(1)).toEqual(["late"]);
  });
});

describe("manual assignment", () => {
  it("consumes without a group: no heartbeats and no commits", async () => {
    await fetch.append("t", 0, ["a", "b"]);
    consumer = testConsumer(fake.addresses, { fromBeginning: true });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    await values.waitFor(2);
    await consumer.disconnect();
    expect(coordinator.heartbeats).toEqual([]);
    expect(fake.broker(1).requestsOf("OffsetCommit")).toEqual([]);
    await expect(consumer.commitOffsets([{ topic: "t", partition: 0, offset: 1n }])).rejects.toMatchObject({ name: "ConsumerStateError" });
  });

  it("with a groupId, starts from the group's offsets and commits outside group management", async () => {
    await fetch.append("t", 0, ["a", "b", "c"]);
    coordinator.setCommitted("t", 0, 1n);
    consumer = testConsumer(fake.addresses, { groupId: "g", autoCommitIntervalMs: 600_000 });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    expect(await values.waitFor(2)).toEqual(["b", "c"]);
    await consumer.disconnect();
    expect(coordinator.heartbeats).toEqual([]);
    expect(coordinator.commits).toEqual([{ memberId: "", memberEpoch: -1, topic: "t", partition: 0, offset: 3n }]);
  });

  it("moves to a new assignment while running, committing what it gives up", async () => {
    await fetch.append("t", 0, ["a"]);
    await fetch.append("t", 1, ["b"]);
    consumer = testConsumer(fake.addresses, { groupId: "g", fromBeginning: true, autoCommitIntervalMs: 600_000 });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const values = new Collector<string>();
    await consumer.run({ eachMessage: async ({ message }) => values.push(message.value?.toString() ?? "") });
    await values.waitFor(1);
    const committed = nextEvent<ConsumerEvents, "consumer.commit_offsets">(consumer, "consumer.commit_offsets");
    consumer.assign([{ topic: "t", partitions: [1] }]);
    expect((await committed).topics).toEqual([{ topic: "t", partitions: [{ partition: 0, offset: 1n }] }]);
    expect(await values.waitFor(2)).toEqual(["a", "b"]);
    expect(consumer.assignment()).toEqual([{ topic: "t", partitions: [1] }]);
  });
});
