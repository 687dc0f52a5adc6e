/**
 * Producer basics against real gRPC fake brokers: what send() writes and answers, one Produce
 * per broker carrying many partitions, headers and timestamps, compression, acks, input errors,
 * and leadership changes (NOT_LEADER_OR_FOLLOWER with and without a leader hint).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import { CompressionCodec } from "../record/batch-layout.js";
import { TributaryRetriesExceededError } from "../retry/retries-exceeded-error.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { testProducer } from "../testing/test-producer.js";
import type { Producer } from "./producer.js";

let fake: FakeCluster;
let producer: Producer | undefined;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
  fake.createTopic("orders", 4, [1, 2, 1, 2]);
});

afterEach(async () => {
  await producer?.disconnect();
  producer = undefined;
  await fake.stop();
});

describe("send", () => {
  it("writes messages to their partitions and answers per partition with bigint offsets", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    const metadata = await producer.send({
      topic: "orders",
      messages: [
        { partition: 0, value: "a" },
        { partition: 0, value: "b", headers: { trace: "t1", tags: ["x", Buffer.from("y")] }, timestamp: 1_700_000_000_000 },
        { partition: 3, key: Buffer.from("k"), value: null },
      ],
    });
    expect(metadata).toEqual([
      { topicName: "orders", partition: 0, baseOffset: 0n, logAppendTime: -1n, logStartOffset: 0n },
      { topicName: "orders", partition: 3, baseOffset: 0n, logAppendTime: -1n, logStartOffset: 0n },
    ]);
    const records = await fake.records("orders", 0);
    expect(records.map((record) => record.value?.toString())).toEqual(["a", "b"]);
    expect(records[1]?.timestamp).toBe(1_700_000_000_000n);
    expect(records[1]?.headers.map((header) => [header.key, header.value?.toString()])).toEqual([
      ["trace", "t1"],
      ["tags", "x"],
      ["tags", "y"],
    ]);
    expect((await fake.records("orders", 3))[0]?.value).toBeNull();
    const second = await producer.send({ topic: "orders", messages: [{ partition: 0, value: "c" }] });
    expect(second[0]?.baseOffset).toBe(2n);
  });

  it("groups partitions by leader: one Produce per broker carrying every partition it leads", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    await producer.send({ topic: "orders", messages: [0, 1, 2, 3].map((partition) => ({ partition, value: `v${partition}` })) });
    const produces = (nodeId: number) => fake.broker(nodeId).requestsOf("Produce");
    expect(produces(1)).toHaveLength(1);
    expect(produces(2)).toHaveLength(1);
    expect(produces(1)[0]?.topics[0]?.partitions.map((partition) => partition.partition).sort()).toEqual([0, 2]);
    expect(produces(2)[0]?.topics[0]?.partitions.map((partition) => partition.partition).sort()).toEqual([1, 3]);
    expect(produces(1)[0]?.acks).toBe(-1);
  });

  it("compresses with the codec asked for", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    await producer.send({ topic: "orders", compression: CompressionCodec.zstd, messages: [{ partition: 1, value: "z".repeat(1000) }] });
    const entry = fake.partition("orders", 1).log[0];
    expect((entry?.header.attributes ?? 0) & 0x07).toBe(CompressionCodec.zstd);
    expect(entry?.bytes.length).toBeLessThan(200);
    expect((await fake.records("orders", 1))[0]?.value?.toString()).toBe("z".repeat(1000));
  });

  it("numbers an idempotent producer's batches and leaves a non-idempotent one's unnumbered", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    expect(producer.isIdempotent()).toBe(true);
    await producer.send({ topic: "orders", messages: [{ partition: 0, value: "a" }, { partition: 0, value: "b" }] });
    await producer.send({ topic: "orders", messages: [{ partition: 0, value: "c" }] });
    const headers = fake.partition("orders", 0).log.map((entry) => entry.header);
    expect(headers.map((header) => [header.producerId, header.producerEpoch, header.baseSequence])).toEqual([
      [1000n, 0, 0],
      [1000n, 0, 2],
    ]);
    await producer.disconnect();

    producer = testProducer(fake.addresses, { idempotent: false, acks: 1 });
    await producer.connect();
    await producer.send({ topic: "orders", messages: [{ partition: 2, value: "x" }] });
    expect(fake.partition("orders", 2).log[0]?.header.producerId).toBe(-1n);
    expect(fake.broker(1).requestsOf("Produce").at(-1)?.acks).toBe(1);
  });

  it("refreshes metadata once before refusing a partition beyond the cached count", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    fake.topics.get("orders")!.push({ leader: 1, leaderEpoch: 0, replicas: [1], isr: [1], logStartOffset: 0n, log: [], producers: new Map() });
    const [result] = await producer.send({ topic: "orders", messages: [{ partition: 4, value: "new partition" }] });
    expect(result?.partition).toBe(4);
  });

  it("answers acks=0 without offsets", async () => {
    producer = testProducer(fake.addresses, { idempotent: false });
    await producer.connect();
    fake.broker(1).handle("Produce", () => ({ topics: [], throttleTimeMs: 0 }));
    const metadata = await producer.send({ topic: "orders", acks: 0, messages: [{ partition: 0, value: "fire and forget" }] });
    expect(metadata[0]?.baseOffset).toBe(-1n);
  });

  it("refuses bad input with typed errors that say what to do", async () => {
    producer = testProducer(fake.addresses, { maxRequestBytes: 1024, bufferMemoryBytes: 4096, batchSizeBytes: 1024 });
    await producer.connect();
    const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as TributaryError);
    expect((await failure(producer.send({ topic: "orders", acks: 1, messages: [{ value: "x" }] })))?.code).toBe("INVALID_REQUIRED_ACKS");
    expect((await failure(producer.send({ topic: "orders", messages: [{ partition: 9, value: "x" }] })))?.message).toMatch(/partition 9 of topic "orders" does not exist/);
    expect((await failure(producer.send({ topic: "orders", messages: [{ value: "x".repeat(2000) }] })))?.code).toBe("MESSAGE_TOO_LARGE");
    expect((await failure(producer.send({ topic: "orders", messages: [{ value: "x", timestamp: "yesterday" }] })))?.code).toBe("INVALID_RECORD");
    expect(producer.metrics().bufferUsedBytes).toBe(0);
  });

  it("waits up to maxBlockMs for an unknown topic, then says it does not exist", async () => {
    producer = testProducer(fake.addresses, { maxBlockMs: 50 });
    await producer.connect();
    const error = (await producer.send({ topic: "nope", messages: [{ value: "x" }] }).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(error.message).toMatch(/"nope" does not exist \(waited maxBlockMs=50\)/);
  });

  it("refuses to send before connect()", async () => {
    producer = testProducer(fake.addresses);
    const error = (await producer.send({ topic: "orders", messages: [{ value: "x" }] }).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.name).toBe("ProducerDisconnectedError");
    expect(error.message).toMatch(/call connect\(\) before send\(\)/);
  });
});

describe("retries", () => {
  it("gives up after retry.retries with the count and the last error", async () => {
    producer = testProducer(fake.addresses, { idempotent: false, retry: { retries: 2 } });
    await producer.connect();
    fake.produceFault = () => ({ kind: "reject", error: "NOT_ENOUGH_REPLICAS" });
    const error = (await producer.send({ topic: "orders", messages: [{ partition: 0, value: "x" }] }).catch((caught: unknown) => caught)) as TributaryRetriesExceededError;
    expect(error).toBeInstanceOf(TributaryRetriesExceededError);
    expect(error.code).toBe("NOT_ENOUGH_REPLICAS");
    expect(error.retryCount).toBe(2);
    expect(error.message).toMatch(/^producing to orders-0 failed after 2 retries/);
    expect(fake.broker(1).requestsOf("Produce")).toHaveLength(3);
    expect(producer.metrics().bufferUsedBytes).toBe(0);
  });

  it("fails a batch that cannot be delivered within deliveryTimeoutMs", async () => {
    producer = testProducer(fake.addresses, { deliveryTimeoutMs: 100 });
    await producer.connect();
    fake.produceFault = () => ({ kind: "reject", error: "NOT_ENOUGH_REPLICAS" });
    const error = (await producer.send({ topic: "orders", messages: [{ partition: 0, value: "x" }] }).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("REQUEST_TIMED_OUT");
    expect(error.message).toMatch(/^the batch for orders-0 was not acknowledged within deliveryTimeoutMs=100; last error NOT_ENOUGH_REPLICAS/);
    expect(error.cause).toBeInstanceOf(TributaryError);
  });
});

describe("leadership changes", () => {
  it("follows the leader hint of NOT_LEADER_OR_FOLLOWER without a metadata refresh", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    fake.moveLeader("orders", 0, 2);
    const metadataBefore = fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("Metadata").length, 0);
    const [result] = await producer.send({ topic: "orders", messages: [{ partition: 0, value: "moved" }] });
    expect(result?.baseOffset).toBe(0n);
    expect(fake.broker(2).requestsOf("Produce")).toHaveLength(1);
    expect(fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("Metadata").length, 0)).toBe(metadataBefore);
  });

  it("refreshes metadata on NOT_LEADER_OR_FOLLOWER without a hint", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    fake.leaderHints = false;
    fake.moveLeader("orders", 1, 1);
    const metadataBefore = fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("Metadata").length, 0);
    await producer.send({ topic: "orders", messages: [{ partition: 1, value: "moved" }] });
    expect(fake.partition("orders", 1).log).toHaveLength(1);
    expect(fake.brokers.reduce((sum, broker) => sum + broker.requestsOf("Metadata").length, 0)).toBeGreaterThan(metadataBefore);
  });
});
