/**
 * Producer lifecycle: flush() sends lingering records at once and resolves when they are
 * settled; disconnect() delivers what is pending, refuses new sends, and within
 * disconnectTimeoutMs fails whatever a hung broker still holds (in-flight records as "outcome
 * unknown"); connect/disconnect and network events are emitted.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { testProducer } from "../testing/test-producer.js";
import { until } from "../testing/wait.js";
import { ProducerDisconnectedError } from "./producer-errors.js";
import type { Producer } from "./producer.js";

let fake: FakeCluster;
let producer: Producer | undefined;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 1 });
  fake.createTopic("t", 1);
});

afterEach(async () => {
  await producer?.disconnect();
  producer = undefined;
  await fake.stop();
});

describe("flush", () => {
  it("sends lingering records at once and resolves after they are acknowledged", async () => {
    producer = testProducer(fake.addresses, { lingerMs: 600_000 });
    await producer.connect();
    let acknowledged = false;
    const sent = producer.send({ topic: "t", messages: [{ value: "a" }] }).then(() => (acknowledged = true));
    await producer.flush();
    expect(acknowledged).toBe(true);
    await sent;
    expect(fake.partition("t", 0).log).toHaveLength(1);
  });

  it("resolves at once with nothing buffered", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    await producer.flush();
  });
});

describe("disconnect", () => {
  it("delivers pending records first, then refuses new sends", async () => {
    producer = testProducer(fake.addresses, { lingerMs: 600_000 });
    const events: string[] = [];
    producer.on("producer.connect", () => void events.push("connect"));
    producer.on("producer.disconnect", () => void events.push("disconnect"));
    await producer.connect();
    const sent = producer.send({ topic: "t", messages: [{ value: "pending" }] });
    await producer.disconnect();
    expect((await sent)[0]?.baseOffset).toBe(0n);
    const refused = await producer.send({ topic: "t", messages: [{ value: "late" }] }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(ProducerDisconnectedError);
    expect(events).toEqual(["connect", "disconnect"]);
    await producer.disconnect();
  });

  it("gives up on a hung broker after disconnectTimeoutMs, failing in-flight records as outcome unknown", async () => {
    producer = testProducer(fake.addresses, { disconnectTimeoutMs: 100 });
    await producer.connect();
    fake.broker(1).requestFault = (_broker, method) => (method === "Produce" ? { kind: "processThenHang" } : undefined);
    const sent = producer.send({ topic: "t", messages: [{ value: "stuck" }] }).catch((caught: unknown) => caught);
    await until(() => fake.broker(1).requestsOf("Produce").length === 1);
    await producer.disconnect();
    const error = (await sent) as ProducerDisconnectedError;
    expect(error).toBeInstanceOf(ProducerDisconnectedError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/may or may not have been written/);
    expect(producer.metrics().inFlightRequests).toBe(0);
  });

  it("fails sends still waiting for buffer room when it gives up", async () => {
    producer = testProducer(fake.addresses, { disconnectTimeoutMs: 50, bufferMemoryBytes: 1024, maxRequestBytes: 1024, batchSizeBytes: 1024 });
    await producer.connect();
    fake.broker(1).requestFault = (_broker, method) => (method === "Produce" ? { kind: "hang" } : undefined);
    const value = "v".repeat(700);
    const first = producer.send({ topic: "t", messages: [{ value }] }).catch((caught: unknown) => caught);
    const waiting = producer.send({ topic: "t", messages: [{ value }] }).catch((caught: unknown) => caught);
    await until(() => (producer?.metrics().waitingSends ?? 0) === 1);
    await producer.disconnect();
    expect(await first).toBeInstanceOf(ProducerDisconnectedError);
    const refused = (await waiting) as ProducerDisconnectedError;
    expect(refused).toBeInstanceOf(ProducerDisconnectedError);
    expect(refused.outcomeUnknown).toBe(false);
  });

  it("fails a send still waiting for metadata when it gives up, without waiting for it", async () => {
    producer = testProducer(fake.addresses, { disconnectTimeoutMs: 50, maxBlockMs: 600_000 });
    await producer.connect();
    for (const broker of fake.brokers) broker.requestFault = (_broker, method) => (method === "Metadata" ? { kind: "hang" } : undefined);
    const sent = producer.send({ topic: "new-topic", messages: [{ value: "x" }] }).catch((caught: unknown) => caught);
    await until(() => fake.brokers.some((broker) => broker.requestsOf("Metadata").length > 1));
    await producer.disconnect();
    const error = (await sent) as TributaryError;
    expect(error).toBeInstanceOf(TributaryError);
    expect(error.retriable).toBe(false);
  });

  it("can connect again after disconnecting, with a new producer id", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    const firstId = producer.metrics().producerId;
    await producer.disconnect();
    await producer.connect();
    expect(producer.metrics().producerId).not.toBe(firstId);
    await producer.send({ topic: "t", messages: [{ value: "again" }] });
  });
});

describe("instrumentation", () => {
  it("reports broker connects, requests with durations, and produce requests", async () => {
    producer = testProducer(fake.addresses);
    const seen: string[] = [];
    let produceRequest: { apiName: string; durationMs: number } | undefined;
    producer.on("producer.network.connect", () => void seen.push("network.connect"));
    producer.on("producer.network.request", (event) => {
      if (event.payload.apiName === "Produce") produceRequest = event.payload;
    });
    producer.on("producer.produce", (event) => void seen.push(`produce ${event.payload.records}`));
    producer.on("producer.batch.acked", () => {
      throw new Error("a broken listener must not break the producer");
    });
    await producer.connect();
    await producer.send({ topic: "t", messages: [{ value: "a" }, { value: "b" }] });
    expect(seen).toEqual(["network.connect", "produce 2"]);
    expect(produceRequest?.durationMs).toBeGreaterThanOrEqual(0);
  });
});
