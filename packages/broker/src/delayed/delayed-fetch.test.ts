/**
 * Goal: a long-poll fetch is answered once: as soon as its partitions hold minBytes between them
 * (each counted up to its partitionMaxBytes), at once when a partition must be answered now
 * (leadership, offset out of range, divergence), or at maxWaitMs with whatever there is. Method:
 * a fake view of available bytes per partition and a purgatory on virtual time.
 */
import { describe, expect, it } from "vitest";
import { Purgatory } from "../purgatory/purgatory.js";
import { FakeScheduler } from "../purgatory/testing/fake-scheduler.js";
import type { CompletionReason } from "../purgatory/delayed-operation.js";
import { DelayedFetch } from "./delayed-fetch.js";
import type { FetchAvailability, FetchProgress, FetchWait } from "./delayed-fetch.js";

/** FakeLogs is, per partition, its end offset (the fetch bound) and bytes per offset; or `answer-now`. */
class FakeLogs implements FetchProgress<string> {
  readonly endOffset = new Map<string, bigint>();
  readonly answerNow = new Set<string>();
  readonly calls: string[] = [];

  availability(partition: string, fetchOffset: bigint): FetchAvailability {
    this.calls.push(partition);
    if (this.answerNow.has(partition)) return { kind: "answer-now" };
    const end = this.endOffset.get(partition) ?? fetchOffset;
    return { kind: "bytes", bytes: end > fetchOffset ? Number(end - fetchOffset) * 100 : 0 };
  }
}

function setup() {
  const scheduler = new FakeScheduler();
  const purgatory = new Purgatory<string>({ name: "fetch", scheduler, watchedOperationsMax: 100, onCallbackError: (error) => { throw error; } });
  const logs = new FakeLogs();
  const answers: CompletionReason[] = [];
  const fetch = (minBytes: number, partitions: FetchWait<string>[], maxWaitMs = 500) => {
    const operation = new DelayedFetch<string>({ maxWaitMs, minBytes, partitions, progress: logs, respond: (reason) => answers.push(reason) });
    return purgatory.tryCompleteElseWatch(operation, partitions.map((wait) => wait.partition));
  };
  return { scheduler, purgatory, logs, answers, fetch };
}

const wait = (partition: string, fetchOffset = 0n, partitionMaxBytes = 1_000_000): FetchWait<string> => ({ partition, fetchOffset, partitionMaxBytes });

describe("DelayedFetch", () => {
  it("answers at once when minBytes is already there, or when minBytes is 0", () => {
    const { logs, answers, fetch } = setup();
    logs.endOffset.set("a", 2n);
    expect(fetch(200, [wait("a")])).toBe(true);
    expect(fetch(0, [wait("b")])).toBe(true);
    expect(answers).toEqual([{ kind: "satisfied" }, { kind: "satisfied" }]);
  });

  it("waits until the partitions hold minBytes between them", () => {
    const { logs, purgatory, answers, fetch } = setup();
    expect(fetch(500, [wait("a"), wait("b", 10n)])).toBe(false);
    logs.endOffset.set("a", 3n);
    expect(purgatory.checkAndComplete("a")).toBe(0);
    logs.endOffset.set("b", 12n);
    expect(purgatory.checkAndComplete("b")).toBe(1);
    expect(answers).toEqual([{ kind: "satisfied" }]);
  });

  it("counts each partition only up to its partitionMaxBytes", () => {
    const { logs, purgatory, answers, fetch } = setup();
    fetch(500, [wait("a", 0n, 300), wait("b", 0n, 300)]);
    logs.endOffset.set("a", 100n);
    purgatory.checkAndComplete("a");
    expect(answers).toEqual([]);
    logs.endOffset.set("b", 2n);
    purgatory.checkAndComplete("b");
    expect(answers).toEqual([{ kind: "satisfied" }]);
  });

  it("answers at once when a partition says so, whatever the byte count", () => {
    const { logs, purgatory, answers, fetch } = setup();
    fetch(1_000_000, [wait("a"), wait("b")]);
    logs.answerNow.add("b");
    purgatory.checkAndComplete("b");
    expect(answers).toEqual([{ kind: "satisfied" }]);
  });

  it("answers at maxWaitMs with whatever there is, once", () => {
    const { logs, purgatory, scheduler, answers, fetch } = setup();
    fetch(1_000, [wait("a")], 500);
    logs.endOffset.set("a", 1n);
    purgatory.checkAndComplete("a");
    scheduler.advanceMs(499);
    expect(answers).toEqual([]);
    scheduler.advanceMs(1);
    expect(answers).toEqual([{ kind: "expired" }]);
    logs.endOffset.set("a", 100n);
    expect(purgatory.checkAndComplete("a")).toBe(0);
    expect(answers).toHaveLength(1);
  });

  it("answers with SHUTTING_DOWN when the purgatory shuts down", () => {
    const { purgatory, answers, fetch } = setup();
    fetch(1_000, [wait("a")]);
    purgatory.shutdown();
    expect(answers).toMatchObject([{ kind: "cancelled", error: { code: "SHUTTING_DOWN" } }]);
  });
});
