/**
 * What handlers see and what becomes committable: eachBatch with resolveOffset (a failed batch is
 * retried with only what it did not resolve; auto-resolve skips stale batches; a pause inside a
 * batch hands its unresolved messages out again), a failing eachMessage (retried with backoff,
 * then consumer.crash and a stop, or a restart when restartOnFailure says so), per-partition
 * order with several partitions in parallel, and `for await` over the consumer (ending the loop
 * commits what the loop body finished and leaves the group). Committed offsets are read from the
 * scripted coordinator after disconnect().
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { FakeFetch } from "../testing/fake-fetch.js";
import { ScriptedCoordinator } from "../testing/scripted-coordinator.js";
import { testConsumer } from "../testing/test-consumer.js";
import { Collector, Gate, nextEvent } from "../testing/waiters.js";
import type { Consumer } from "./consumer.js";
import { MessageProcessingError } from "./consumer-errors.js";
import type { ConsumerEvents } from "./consumer-events.js";
import type { ConsumerRecord } from "./consumer-types.js";

let fake: FakeCluster;
let fetch: FakeFetch;
let coordinator: ScriptedCoordinator;
let consumer: Consumer | undefined;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 1 });
  fake.createTopic("t", 2);
  fetch = FakeFetch.install(fake);
  coordinator = ScriptedCoordinator.install(fake.broker(1));
  coordinator.initialTarget = ["t-0"];
});

afterEach(async () => {
  await consumer?.disconnect();
  consumer = undefined;
  await fake.stop();
});

function groupConsumer(options: Parameters<typeof testConsumer>[1] = {}): Consumer {
  return testConsumer(fake.addresses, { groupId: "g", fromBeginning: true, autoCommitIntervalMs: 600_000, ...options });
}

describe("eachBatch", () => {
  it("retries a failed batch with only the messages it did not resolve, and commits what was resolved", async () => {
    await fetch.append("t", 0, ["a", "b", "c", "d", "e"]);
    consumer = groupConsumer();
    await consumer.subscribe({ topics: ["t"] });
    const calls = new Collector<string[]>();
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset }) => {
        calls.push(batch.messages.map((message) => message.value?.toString() ?? ""));
        if (calls.items.length === 1) {
          resolveOffset(0n);
          resolveOffset(1n);
          throw new Error("downstream unavailable");
        }
        for (const message of batch.messages) resolveOffset(message.offset);
      },
    });
    expect(await calls.waitFor(2)).toEqual([
      ["a", "b", "c", "d", "e"],
      ["c", "d", "e"],
    ]);
    await consumer.disconnect();
    expect(coordinator.offsets.get("t-0")).toBe(5n);
  });

  it("commits only resolved offsets without auto-resolve", async () => {
    await fetch.append("t", 0, ["a", "b", "c"]);
    consumer = groupConsumer();
    await consumer.subscribe({ topics: ["t"] });
    const done = new Gate();
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ resolveOffset, uncommittedOffsets }) => {
        resolveOffset(1n);
        expect(uncommittedOffsets()).toEqual([{ topic: "t", partitions: [{ partition: 0, offset: 2n }] }]);
        done.open();
      },
    });
    await done.wait();
    await consumer.disconnect();
    expect(coordinator.offsets.get("t-0")).toBe(2n);
  });

  it("reports lag and offsets of the batch", async () => {
    await fetch.append("t", 0, ["a", "b", "c", "d"]);
    consumer = testConsumer(fake.addresses, { fromBeginning: true, maxRecordsPerFetch: 2 });
    consumer.assign([{ topic: "t", partitions: [0] }]);
    const started = nextEvent<ConsumerEvents, "consumer.start_batch_process">(consumer, "consumer.start_batch_process");
    const seen = new Collector<[bigint | null, bigint, bigint, bigint, bigint]>();
    await consumer.run({ eachBatch: async ({ batch }) => seen.push([batch.firstOffset(), batch.lastOffset(), batch.highWatermark, batch.offsetLag(), batch.offsetLagLow()]) });
    expect(await seen.waitFor(2)).toEqual([
      [0n, 1n, 4n, 2n, 3n],
      [2n, 3n, 4n, 0n, 1n],
    ]);
    expect(await started).toMatchObject({ topic: "t", partition: 0, batchSize: 2, offsetLag: 2n, offsetLagLow: 3n, firstOffset: 0n, lastOffset: 1n });
  });

  it("does not auto-resolve a batch made stale by seek", async () => {
    await fetch.append("t", 0, ["a", "b", "c"]);
    consumer = groupConsumer();
    await consumer.subscribe({ topics: ["t"] });
    const batches = new Collector<string[]>();
    await consumer.run({
      eachBatch: async ({ batch, isStale }) => {
        batches.push(batch.messages.map((message) => message.value?.toString() ?? ""));
        if (batches.items.length === 1) {
          consumer?.seek({ topic: "t", partition: 0, offset: 2n });
          expect(isStale()).toBe(true);
        }
      },
    });
    expect(await batches.waitFor(2)).toEqual([["a", "b", "c"], ["c"]]);
    await consumer.disconnect();
    expect(coordinator.offsets.get("t-0")).toBe(3n);
  });

  it("hands unresolved messages out again after a pause inside the batch", async () => {
    await fetch.append("t", 0, ["a", "b", "c"]);
    consumer = groupConsumer();
    await consumer.subscribe({ topics: ["t"] });
    const batches = new Collector<string[]>();
    let resume: (() => void) | undefined;
    const firstBatchEnded = nextEvent<ConsumerEvents, "consumer.end_batch_process">(consumer, "consumer.end_batch_process");
    await consumer.run({
      eachBatch: async ({ batch, resolveOffset, pause, isStale }) => {
        batches.push(batch.messages.map((message) => message.value?.toString() ?? ""));
        if (batches.items.length === 1) {
          resolveOffset(0n);
          resume = pause();
          expect(isStale()).toBe(true);
        }
      },
    });
    await firstBatchEnded;
    resume?.();
    expect(await batches.waitFor(2)).toEqual([
      ["a", "b", "c"],
      ["b", "c"],
    ]);
  });
});

describe("failing handlers", () => {
  it("retries a failing message with backoff, then reports consumer.crash and stops with its offset uncommitted", async () => {
    await fetch.append("t", 0, ["ok", "poison", "after"]);
    consumer = groupConsumer({ retry: { retries: 2, initialRetryTimeMs: 1, maxRetryTimeMs: 2 } });
    await consumer.subscribe({ topics: ["t"] });
    const crash = nextEvent<ConsumerEvents, "consumer.crash">(consumer, "consumer.crash");
    const stopped = nextEvent<ConsumerEvents, "consumer.stop">(consumer, "consumer.stop");
    const attempts = new Collector<string>();
    await consumer.run({
      eachMessage: async ({ message }) => {
        attempts.push(message.value?.toString() ?? "");
        if (message.value?.toString() === "poison") throw new Error("cannot parse");
      },
    });
    const { error, restart } = await crash;
    expect(restart).toBe(false);
    expect(error).toBeInstanceOf(MessageProcessingError);
    expect(error).toMatchObject({ topic: "t", partition: 0, offset: 1n, attempts: 3 });
    expect(error.message).toMatch(/failed 3 times on t-0 at offset 1: cannot parse/);
    await stopped;
    expect(attempts.items).toEqual(["ok", "poison", "poison", "poison"]);
    expect(coordinator.offsets.get("t-0")).toBe(1n);
    expect(coordinator.heartbeats[coordinator.heartbeats.length - 1]?.memberEpoch).toBe(-1);
  });

  it("tries the message again when restartOnFailure says so", async () => {
    await fetch.append("t", 0, ["flaky", "next"]);
    let failures = 0;
    consumer = groupConsumer({ retry: { retries: 0 }, restartOnFailure: () => true });
    await consumer.subscribe({ topics: ["t"] });
    const crashes = new Collector<boolean>();
    consumer.on("consumer.crash", (event) => crashes.push(event.payload.restart));
    const values = new Collector<string>();
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value?.toString() === "flaky" && failures++ < 2) throw new Error("not yet");
        values.push(message.value?.toString() ?? "");
      },
    });
    expect(await values.waitFor(2)).toEqual(["flaky", "next"]);
    expect(crashes.items).toEqual([true, true]);
  });
});

describe("concurrency", () => {
  it("handles partitions in parallel but each partition's messages one at a time, in order", async () => {
    coordinator.initialTarget = ["t-0", "t-1"];
    for (const partition of [0, 1]) await fetch.append("t", partition, ["1", "2", "3", "4"]);
    consumer = groupConsumer();
    await consumer.subscribe({ topics: ["t"] });
    const inFlight = new Map<number, number>();
    let overlapped = false;
    let parallel = false;
    const values = new Collector<string>();
    const bothBusy = new Gate();
    await consumer.run({
      partitionsConsumedConcurrently: 2,
      eachMessage: async ({ partition, message }) => {
        inFlight.set(partition, (inFlight.get(partition) ?? 0) + 1);
        if ((inFlight.get(partition) ?? 0) > 1) overlapped = true;
        if (inFlight.size === 2 && [...inFlight.values()].every((count) => count > 0)) {
          parallel = true;
          bothBusy.open();
        }
        if (message.offset === 0n) await bothBusy.wait();
        values.push(`${partition}:${message.value?.toString()}`);
        inFlight.set(partition, (inFlight.get(partition) ?? 1) - 1);
      },
    });
    await values.waitFor(8);
    expect(parallel).toBe(true);
    expect(overlapped).toBe(false);
    for (const partition of [0, 1]) expect(values.items.filter((value) => value.startsWith(`${partition}:`))).toEqual([1, 2, 3, 4].map((n) => `${partition}:${n}`));
  });
});

describe("for await", () => {
  it("yields records in order and, when the loop ends, commits what the body finished and leaves", async () => {
    await fetch.append("t", 0, ["a", "b", "c", "d"]);
    consumer = groupConsumer();
    await consumer.subscribe({ topics: ["t"] });
    const seen: ConsumerRecord[] = [];
    for await (const record of consumer) {
      seen.push(record);
      if (seen.length === 3) break;
    }
    expect(seen.map((record) => [record.topic, record.partition, record.offset, record.value?.toString()])).toEqual([
      ["t", 0, 0n, "a"],
      ["t", 0, 1n, "b"],
      ["t", 0, 2n, "c"],
    ]);
    // The body broke out on "c": it counts as unfinished and comes again next time.
    expect(coordinator.offsets.get("t-0")).toBe(2n);
    expect(coordinator.heartbeats[coordinator.heartbeats.length - 1]?.memberEpoch).toBe(-1);
    const again: string[] = [];
    for await (const record of consumer) {
      again.push(record.value?.toString() ?? "");
      if (again.length === 2) break;
    }
    expect(again).toEqual(["c", "d"]);
  });

  it("ends the loop with the crash error when the consumer crashes", async () => {
    consumer = groupConsumer();
    await consumer.subscribe({ topics: ["t"] });
    coordinator.script = () => new TributaryError("GROUP_MAX_SIZE_REACHED", "the group is full");
    const loop = (async () => {
      for await (const record of consumer) void record;
    })();
    await expect(loop).rejects.toMatchObject({ code: "GROUP_MAX_SIZE_REACHED" });
  });
});
