/**
 * Batching and placement: records wait lingerMs (on a manual clock) and share a batch; a full
 * batch goes at once; keyed records land where Java and KafkaJS put them; keyless records stick
 * to one partition per batch and spread over partitions across batches (KIP-480).
 */
import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { partitionForKey } from "../partitioner/default-partitioner.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { ManualClock } from "../testing/manual-clock.js";
import { testProducer } from "../testing/test-producer.js";
import { seededRandom, turn, until } from "../testing/wait.js";
import type { PendingBatch } from "./pending-batch.js";
import type { Producer } from "./producer.js";
import { StickyPartitioner } from "./sticky-partitioner.js";

let fake: FakeCluster;
let producer: Producer | undefined;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
  fake.createTopic("events", 4, [1, 2, 1, 2]);
});

afterEach(async () => {
  await producer?.disconnect();
  producer = undefined;
  await fake.stop();
});

const produceCount = (): number => fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("Produce").length, 0);

describe("linger", () => {
  it("holds records for lingerMs, then sends them as one batch", async () => {
    const clock = new ManualClock();
    producer = testProducer(fake.addresses, { clock, lingerMs: 100 });
    await producer.connect();
    const first = producer.send({ topic: "events", messages: [{ partition: 0, value: "a" }, { partition: 0, value: "b" }] });
    await turn();
    const second = producer.send({ topic: "events", messages: [{ partition: 0, value: "c" }] });
    await turn();
    await turn();
    expect(producer.metrics()).toMatchObject({ queuedBatches: 1, inFlightRequests: 0 });
    clock.advance(99);
    await turn();
    expect(produceCount()).toBe(0);
    clock.advance(1);
    const [a, c] = await Promise.all([first, second]);
    expect(a?.[0]?.baseOffset).toBe(0n);
    expect(c?.[0]?.baseOffset).toBe(2n);
    expect(produceCount()).toBe(1);
    expect(fake.partition("events", 0).log.map((entry) => entry.header.recordsCount)).toEqual([3]);
  });

  it("sends a full batch at once and keeps the remainder lingering", async () => {
    const clock = new ManualClock();
    producer = testProducer(fake.addresses, { clock, lingerMs: 1_000, batchSizeBytes: 300 });
    await producer.connect();
    const acked: number[] = [];
    producer.on("producer.batch.acked", (event) => void acked.push(event.payload.records));
    // Each record is about 86 bytes with framing: two fit a 300-byte batch, a third does not.
    const sent = producer.send({ topic: "events", messages: Array.from({ length: 5 }, (_, index) => ({ partition: 1, value: `${index}`.padEnd(50, ".") })) });
    await until(() => acked.length === 2);
    expect(acked).toEqual([2, 2]);
    expect(producer.metrics().queuedBatches).toBe(1);
    clock.advance(1_000);
    await sent;
    expect(fake.partition("events", 1).log.map((entry) => entry.header.recordsCount)).toEqual([2, 2, 1]);
    expect((await fake.records("events", 1)).map((record) => record.value?.toString()[0])).toEqual(["0", "1", "2", "3", "4"]);
  });
});

describe("partitioning", () => {
  it("places keyed records where Java's and KafkaJS's default partitioners do", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    const keys = Array.from({ length: 40 }, (_, index) => `customer-${index}`);
    await producer.send({ topic: "events", messages: keys.map((key) => ({ key, value: key })) });
    const require = createRequire(import.meta.url);
    const kafkajs = (require("kafkajs") as { Partitioners: { DefaultPartitioner: () => (args: unknown) => number } }).Partitioners.DefaultPartitioner();
    const partitionMetadata = [0, 1, 2, 3].map((partitionId) => ({ partitionId, leader: 1 }));
    for (let partition = 0; partition < 4; partition++) {
      for (const record of await fake.records("events", partition)) {
        const key = record.key?.toString() ?? "";
        expect(partition).toBe(partitionForKey(key, 4));
        expect(partition).toBe(kafkajs({ topic: "events", partitionMetadata, message: { key } }));
      }
    }
  });

  it("sticks keyless records to one partition per batch and spreads batches over partitions", async () => {
    producer = testProducer(fake.addresses, { batchSizeBytes: 500, random: seededRandom(7) });
    await producer.connect();
    await producer.send({ topic: "events", messages: Array.from({ length: 200 }, (_, index) => ({ value: `m${index}`.padEnd(40, "-") })) });
    const batches = [0, 1, 2, 3].flatMap((partition) => fake.partition("events", partition).log.map((entry) => ({ partition, entry })));
    // Every batch but the last of the sticky run is full: 6 records of ~76 bytes fill 500.
    expect(batches.filter(({ entry }) => entry.header.recordsCount >= 5).length).toBeGreaterThanOrEqual(batches.length - 4);
    expect(new Set(batches.map(({ partition }) => partition)).size).toBe(4);
    const total = batches.reduce((sum, { entry }) => sum + entry.header.recordsCount, 0);
    expect(total).toBe(200);
  });

  it("uses a custom partitioner when one is given", async () => {
    producer = testProducer(fake.addresses, { createPartitioner: () => ({ message }) => (message.value === "last" ? 3 : 2) });
    await producer.connect();
    await producer.send({ topic: "events", messages: [{ value: "first" }, { value: "last" }] });
    expect((await fake.records("events", 2)).map((record) => record.value?.toString())).toEqual(["first"]);
    expect((await fake.records("events", 3)).map((record) => record.value?.toString())).toEqual(["last"]);
  });
});

describe("StickyPartitioner", () => {
  const batch = (id: number): PendingBatch => ({ id }) as unknown as PendingBatch;

  it("stays until its batch is done, then moves to another available partition", () => {
    const sticky = new StickyPartitioner(seededRandom(1));
    const open = new Map<number, PendingBatch>();
    const fitting = (partition: number) => open.get(partition);
    const first = sticky.partition("t", 3, [0, 1, 2], fitting);
    expect(sticky.partition("t", 3, [0, 1, 2], fitting)).toBe(first);
    const filling = batch(1);
    open.set(first, filling);
    sticky.appended("t", first, filling);
    expect(sticky.partition("t", 3, [0, 1, 2], fitting)).toBe(first);
    open.delete(first);
    const second = sticky.partition("t", 3, [0, 1, 2], fitting);
    expect(second).not.toBe(first);
  });

  it("only picks partitions with a leader", () => {
    const sticky = new StickyPartitioner(seededRandom(3));
    const seen = new Set<number>();
    for (let round = 0; round < 50; round++) seen.add(sticky.partition(`t${round}`, 4, [1, 3], () => undefined));
    expect([...seen].sort()).toEqual([1, 3]);
  });
});
