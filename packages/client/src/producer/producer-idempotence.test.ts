/**
 * Idempotence scenarios, scripted on a fake broker that applies Kafka's producer-state checks:
 * retries keep their sequence; an append whose answer was lost is answered as a duplicate with
 * its original offset; refusals caused by an earlier batch are retried in order with 5 requests in
 * flight; a broker that lost the producer's state leads to a new epoch (KIP-360); a real gap fails
 * the batch with an explanation; fencing is fatal.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TributaryError } from "../errors/tributary-error.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { testProducer } from "../testing/test-producer.js";
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

const log = () => fake.partition("t", 0).log.map((entry) => [entry.header.producerEpoch, entry.header.baseSequence, entry.header.recordsCount]);
const values = async () => (await fake.records("t", 0)).map((record) => record.value?.toString());

/** failNth scripts the n-th produce attempts (0-based, counted over the test) to fail as given. */
function failNth(faults: Record<number, { kind: "reject" | "appendThenFail"; error: "NOT_ENOUGH_REPLICAS" | "REQUEST_TIMED_OUT" | "DUPLICATE_SEQUENCE_NUMBER" | "MESSAGE_TOO_LARGE" | "INVALID_PRODUCER_EPOCH" }>): () => number {
  let attempt = 0;
  fake.produceFault = () => faults[attempt++];
  return () => attempt;
}

describe("idempotent retries", () => {
  it("retries a refused batch with the same sequence, writing it once", async () => {
    const attempts = failNth({ 0: { kind: "reject", error: "NOT_ENOUGH_REPLICAS" } });
    producer = testProducer(fake.addresses);
    await producer.connect();
    const [result] = await producer.send({ topic: "t", messages: [{ value: "a" }, { value: "b" }] });
    expect(attempts()).toBe(2);
    expect(result?.baseOffset).toBe(0n);
    expect(log()).toEqual([[0, 0, 2]]);
  });

  it("answers a lost acknowledgement with the original offsets: the retry is a duplicate", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    await producer.send({ topic: "t", messages: [{ value: "first" }] });
    failNth({ 0: { kind: "appendThenFail", error: "REQUEST_TIMED_OUT" } });
    const [result] = await producer.send({ topic: "t", messages: [{ value: "second" }] });
    expect(result?.baseOffset).toBe(1n);
    expect(await values()).toEqual(["first", "second"]);
  });

  it("retries a request whose answer never came, and the broker recognizes the duplicate", async () => {
    producer = testProducer(fake.addresses, { timeoutMs: 100, cluster: { requestTimeoutMs: 300 } });
    await producer.connect();
    let hung = false;
    fake.broker(1).requestFault = (_broker, method) => {
      if (method !== "Produce" || hung) return undefined;
      hung = true;
      return { kind: "processThenHang" };
    };
    const timeouts: string[] = [];
    producer.on("producer.network.request_timeout", (event) => void timeouts.push(event.payload.apiName));
    const [result] = await producer.send({ topic: "t", messages: [{ value: "once" }] });
    expect(timeouts).toEqual(["Produce"]);
    expect(result?.baseOffset).toBe(0n);
    expect(await values()).toEqual(["once"]);
    expect(fake.duplicates).toBe(1);
  });

  it("treats DUPLICATE_SEQUENCE_NUMBER as success with unknown offsets", async () => {
    failNth({ 0: { kind: "appendThenFail", error: "DUPLICATE_SEQUENCE_NUMBER" } });
    producer = testProducer(fake.addresses);
    await producer.connect();
    const [result] = await producer.send({ topic: "t", messages: [{ value: "x" }] });
    expect(result?.baseOffset).toBe(-1n);
    expect(await values()).toEqual(["x"]);
  });

  it("keeps order with 5 requests in flight when the first is refused", async () => {
    // The broker holds every Produce until five are waiting, then processes them in order.
    let waiting: (() => void)[] = [];
    fake.produceGate = () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 5) {
          const release = waiting;
          waiting = [];
          fake.produceGate = undefined;
          for (const go of release) go();
        }
      });
    failNth({ 0: { kind: "reject", error: "NOT_ENOUGH_REPLICAS" } });
    producer = testProducer(fake.addresses, { batchSizeBytes: 100 });
    await producer.connect();
    const retried: string[] = [];
    producer.on("producer.batch.retry", (event) => void retried.push(event.payload.errorCode));
    const messages = Array.from({ length: 8 }, (_, index) => ({ value: `m${index}`.padEnd(30, ".") }));
    await producer.send({ topic: "t", messages });
    expect(retried).toEqual(["NOT_ENOUGH_REPLICAS"]);
    expect((await values()).map((value) => value?.slice(0, 2))).toEqual(messages.map((message) => message.value.slice(0, 2)));
    const sequences = fake.partition("t", 0).log.map((entry) => entry.header.baseSequence);
    expect(sequences).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const outOfOrder = fake.broker(1).requestsOf("Produce").length;
    expect(outOfOrder).toBeGreaterThan(8);
  });
});

describe("lost producer state", () => {
  it("starts a new epoch on UNKNOWN_PRODUCER_ID once every earlier batch is acknowledged", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    const bumps: string[] = [];
    producer.on("producer.epoch_bump", (event) => void bumps.push(event.payload.reason));
    await producer.send({ topic: "t", messages: [{ value: "a" }] });
    fake.forgetProducers("t", 0);
    const [result] = await producer.send({ topic: "t", messages: [{ value: "b" }] });
    expect(result?.baseOffset).toBe(1n);
    expect(bumps).toEqual(["UNKNOWN_PRODUCER_ID on t-0"]);
    expect(log()).toEqual([
      [0, 0, 1],
      [1, 0, 1],
    ]);
    expect(producer.metrics().producerEpoch).toBe(1);
  });

  it("fails a batch refused out of order after everything before it was acknowledged, then carries on", async () => {
    producer = testProducer(fake.addresses);
    await producer.connect();
    await producer.send({ topic: "t", messages: [{ value: "a" }] });
    await producer.send({ topic: "t", messages: [{ value: "b" }] });
    // The broker forgets the last acknowledged batch, as after an unclean election.
    const state = [...fake.partition("t", 0).producers.values()][0]!;
    state.lastSequence = 0;
    state.recent = state.recent.slice(0, 1);
    const error = (await producer.send({ topic: "t", messages: [{ value: "c" }] }).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("OUT_OF_ORDER_SEQUENCE_NUMBER");
    expect(error.message).toMatch(/records acknowledged before may be missing\. This batch was not written/);
    await producer.send({ topic: "t", messages: [{ value: "d" }] });
    expect(await values()).toEqual(["a", "b", "d"]);
    expect(log().at(-1)).toEqual([1, 0, 1]);
  });

  it("fails a batch refused for good and restarts sequences so later batches still land", async () => {
    failNth({ 0: { kind: "reject", error: "MESSAGE_TOO_LARGE" } });
    producer = testProducer(fake.addresses);
    await producer.connect();
    const error = (await producer.send({ topic: "t", messages: [{ value: "too big" }] }).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("MESSAGE_TOO_LARGE");
    await producer.send({ topic: "t", messages: [{ value: "fine" }] });
    expect(await values()).toEqual(["fine"]);
    expect(log()).toEqual([[1, 0, 1]]);
  });

  it("stops for good when fenced", async () => {
    failNth({ 0: { kind: "reject", error: "INVALID_PRODUCER_EPOCH" } });
    producer = testProducer(fake.addresses);
    await producer.connect();
    const first = (await producer.send({ topic: "t", messages: [{ value: "x" }] }).catch((caught: unknown) => caught)) as TributaryError;
    expect(first.code).toBe("INVALID_PRODUCER_EPOCH");
    expect(first.message).toMatch(/fenced/);
    const next = (await producer.send({ topic: "t", messages: [{ value: "y" }] }).catch((caught: unknown) => caught)) as TributaryError;
    expect(next.code).toBe("INVALID_PRODUCER_EPOCH");
    expect(fake.partition("t", 0).log).toHaveLength(0);
  });
});
