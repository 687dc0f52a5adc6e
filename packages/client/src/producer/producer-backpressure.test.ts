/**
 * Bounded memory: against a broker that holds every Produce, send() waits for buffer room instead
 * of buffering without bound; memory in use never passes bufferMemoryBytes; waiting sends resume
 * as acknowledgements free room; a send that waits longer than maxBlockMs is refused with a typed
 * error and buffers nothing. Also the memory budget's first-come-first-served order on its own.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeCluster } from "../testing/fake-cluster.js";
import { ManualClock } from "../testing/manual-clock.js";
import { testProducer } from "../testing/test-producer.js";
import { until } from "../testing/wait.js";
import { MemoryBudget } from "./memory-budget.js";
import { BufferExhaustedError } from "./producer-errors.js";
import type { Producer } from "./producer.js";

let fake: FakeCluster;
let producer: Producer | undefined;
let release: () => void;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 1 });
  fake.createTopic("t", 2);
  let open = false;
  const held: (() => void)[] = [];
  // A slow broker: Produce waits until the test opens the gate.
  fake.produceGate = () => (open ? Promise.resolve() : new Promise<void>((resolve) => held.push(resolve)));
  release = () => {
    open = true;
    for (const go of held.splice(0)) go();
  };
});

afterEach(async () => {
  release();
  await producer?.disconnect();
  producer = undefined;
  await fake.stop();
});

describe("back-pressure", () => {
  it("makes send() wait for room while a slow broker holds the buffer, never passing the bound", async () => {
    const bufferMemoryBytes = 4 * 1024;
    producer = testProducer(fake.addresses, { bufferMemoryBytes, batchSizeBytes: 1024, maxRequestBytes: 2048, maxBlockMs: 60_000 });
    await producer.connect();
    let peakBytes = 0;
    const sample = (): void => void (peakBytes = Math.max(peakBytes, producer?.metrics().bufferUsedBytes ?? 0));
    producer.on("producer.produce", sample);
    producer.on("producer.batch.acked", sample);
    const value = "v".repeat(400);
    let resolved = 0;
    const sends = Array.from({ length: 40 }, (_, index) =>
      producer!.send({ topic: "t", messages: [{ partition: index % 2, value }] }).then((metadata) => {
        resolved++;
        sample();
        return metadata;
      }),
    );
    await until(() => (producer?.metrics().waitingSends ?? 0) > 0);
    sample();
    const metrics = producer.metrics();
    expect(metrics.bufferUsedBytes).toBeLessThanOrEqual(bufferMemoryBytes);
    expect(metrics.bufferUsedBytes).toBeGreaterThan(bufferMemoryBytes - 500);
    expect(resolved).toBe(0);
    release();
    await Promise.all(sends);
    expect(peakBytes).toBeLessThanOrEqual(bufferMemoryBytes);
    expect(producer.metrics().bufferUsedBytes).toBe(0);
    const written = (await fake.records("t", 0)).length + (await fake.records("t", 1)).length;
    expect(written).toBe(40);
  });

  it("refuses a send that waited maxBlockMs, buffering nothing of it", async () => {
    producer = testProducer(fake.addresses, { bufferMemoryBytes: 2048, batchSizeBytes: 1024, maxRequestBytes: 1024, maxBlockMs: 50 });
    await producer.connect();
    const value = "v".repeat(900);
    const held = [producer.send({ topic: "t", messages: [{ partition: 0, value }] }), producer.send({ topic: "t", messages: [{ partition: 1, value }] })];
    await until(() => (producer?.metrics().bufferUsedBytes ?? 0) > 1800);
    const usedBefore = producer.metrics().bufferUsedBytes;
    const error = await producer.send({ topic: "t", messages: [{ partition: 0, value }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BufferExhaustedError);
    expect((error as BufferExhaustedError).code).toBe("RESOURCE_LIMIT_EXCEEDED");
    expect((error as BufferExhaustedError).message).toMatch(/bufferMemoryBytes=2048\) stayed full for maxBlockMs=50/);
    expect(producer.metrics().bufferUsedBytes).toBe(usedBefore);
    release();
    await Promise.all(held);
  });
});

describe("MemoryBudget", () => {
  it("grants waiting reservations in arrival order as memory is released", async () => {
    const clock = new ManualClock();
    const budget = new MemoryBudget(100, clock);
    expect(budget.tryReserve(80)).toBe(true);
    const granted: string[] = [];
    const big = budget.reserve(60, 1_000).then(() => void granted.push("big"));
    const small = budget.reserve(10, 1_000).then(() => void granted.push("small"));
    // A small request that would fit must not overtake the big one waiting ahead of it.
    expect(budget.tryReserve(5)).toBe(false);
    budget.release(80);
    await Promise.all([big, small]);
    expect(granted).toEqual(["big", "small"]);
    expect(budget.usedBytes).toBe(70);
  });

  it("rejects after maxBlockMs and lets the next waiter through", async () => {
    const clock = new ManualClock();
    const budget = new MemoryBudget(100, clock);
    budget.tryReserve(90);
    const timedOut = budget.reserve(50, 10);
    clock.advance(10);
    await expect(timedOut).rejects.toBeInstanceOf(BufferExhaustedError);
    expect(budget.waiting).toBe(0);
    expect(budget.usedBytes).toBe(90);
  });
});
