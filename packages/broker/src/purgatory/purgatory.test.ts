/**
 * Goal: delayed operations complete exactly once, by whichever comes first of their condition
 * (checked when one of their keys changes), their deadline, a cancellation or shutdown; a
 * completed operation leaves every watcher list and timer; the purgatory is bounded and survives
 * broken callbacks. Method: operations whose condition the test flips, on a fake scheduler with
 * virtual time; no sleeping.
 */
import { describe, expect, it } from "vitest";
import { AssertionError } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import { Purgatory } from "./purgatory.js";
import type { DelayedOperation } from "./delayed-operation.js";
import { FakeScheduler } from "./testing/fake-scheduler.js";
import { TestOperation } from "./testing/test-operation.js";

function setup(watchedOperationsMax = 100) {
  const scheduler = new FakeScheduler();
  const callbackErrors: Array<{ error: unknown; operation: DelayedOperation }> = [];
  const purgatory = new Purgatory<string>({
    name: "test",
    scheduler,
    watchedOperationsMax,
    onCallbackError: (error, operation) => callbackErrors.push({ error, operation }),
  });
  return { scheduler, purgatory, callbackErrors };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof TributaryError) return error.code;
    throw error;
  }
  return undefined;
}

describe("Purgatory.tryCompleteElseWatch", () => {
  it("completes an operation whose condition already holds without watching it", () => {
    const { purgatory, scheduler } = setup();
    const operation = new TestOperation();
    operation.ready = true;
    expect(purgatory.tryCompleteElseWatch(operation, ["p0"])).toBe(true);
    expect(operation.events).toEqual(["complete:satisfied"]);
    expect(purgatory.watchedOperations).toBe(0);
    expect(scheduler.pendingTasks).toBe(0);
  });

  it("watches an operation on each of its keys, once per key", () => {
    const { purgatory, scheduler } = setup();
    const operation = new TestOperation();
    expect(purgatory.tryCompleteElseWatch(operation, ["p0", "p1", "p0"])).toBe(false);
    expect(purgatory.watchedOperations).toBe(1);
    expect(purgatory.watchersOf("p0")).toBe(1);
    expect(purgatory.watchersOf("p1")).toBe(1);
    expect(scheduler.pendingTasks).toBe(1);
  });

  it("asserts that an operation is watched at most once and never after completing", () => {
    const { purgatory } = setup();
    const operation = new TestOperation();
    purgatory.tryCompleteElseWatch(operation, ["p0"]);
    expect(() => purgatory.tryCompleteElseWatch(operation, ["p1"])).toThrow(AssertionError);
    operation.forceComplete();
    expect(() => purgatory.tryCompleteElseWatch(operation, ["p1"])).toThrow(AssertionError);
    expect(() => purgatory.tryCompleteElseWatch(new TestOperation(), [])).toThrow(AssertionError);
  });
});

describe("Purgatory.checkAndComplete", () => {
  it("completes waiting operations of that key once their condition holds, and releases them everywhere", () => {
    const { purgatory, scheduler } = setup();
    const a = new TestOperation();
    const b = new TestOperation();
    purgatory.tryCompleteElseWatch(a, ["p0", "p1"]);
    purgatory.tryCompleteElseWatch(b, ["p1"]);
    expect(purgatory.checkAndComplete("p0")).toBe(0);
    a.ready = true;
    expect(purgatory.checkAndComplete("p2")).toBe(0);
    expect(b.tryCompleteCalls).toBe(1);
    expect(purgatory.checkAndComplete("p0")).toBe(1);
    expect(a.events).toEqual(["complete:satisfied"]);
    expect(purgatory.watchersOf("p0")).toBe(0);
    expect(purgatory.watchersOf("p1")).toBe(1);
    expect(purgatory.watchedOperations).toBe(1);
    expect(scheduler.pendingTasks).toBe(1);
    expect(b.tryCompleteCalls).toBe(1);
  });

  it("releases an operation its owner completes directly", () => {
    const { purgatory, scheduler } = setup();
    const operation = new TestOperation();
    purgatory.tryCompleteElseWatch(operation, ["p0", "p1"]);
    expect(operation.forceComplete()).toBe(true);
    expect(operation.forceComplete()).toBe(false);
    expect(purgatory.watchedOperations).toBe(0);
    expect(purgatory.watchedKeys).toBe(0);
    expect(scheduler.pendingTasks).toBe(0);
    expect(operation.events).toEqual(["complete:satisfied"]);
  });

  it("tolerates callbacks that re-enter the purgatory", () => {
    const { purgatory } = setup();
    const first = new TestOperation();
    const second = new TestOperation();
    const late = new TestOperation();
    purgatory.tryCompleteElseWatch(first, ["p0"]);
    purgatory.tryCompleteElseWatch(second, ["p0"]);
    first.ready = true;
    first.onCompleteHook = () => {
      // Answering the first request makes the second ready and checks the key again, and watches a new one.
      second.ready = true;
      expect(purgatory.checkAndComplete("p0")).toBe(1);
      purgatory.tryCompleteElseWatch(late, ["p0"]);
    };
    expect(purgatory.checkAndComplete("p0")).toBe(1);
    expect(first.events).toEqual(["complete:satisfied"]);
    expect(second.events).toEqual(["complete:satisfied"]);
    expect(late.isCompleted).toBe(false);
    expect(purgatory.watchedOperations).toBe(1);
  });
});

describe("Purgatory expiry", () => {
  it("expires an operation exactly at its deadline, calling onComplete then onExpiration", () => {
    const { purgatory, scheduler } = setup();
    const operation = new TestOperation(500);
    purgatory.tryCompleteElseWatch(operation, ["p0"]);
    scheduler.advanceMs(499);
    expect(operation.isCompleted).toBe(false);
    scheduler.advanceMs(1);
    expect(operation.events).toEqual(["complete:expired", "expire"]);
    expect(operation.completion).toEqual({ kind: "expired" });
    expect(purgatory.watchedOperations).toBe(0);
    expect(purgatory.watchedKeys).toBe(0);
  });

  it("counts the deadline from when the operation started waiting", () => {
    const { purgatory, scheduler } = setup();
    scheduler.advanceMs(1_000);
    const operation = new TestOperation(100);
    purgatory.tryCompleteElseWatch(operation, ["p0"]);
    scheduler.advanceMs(99);
    expect(operation.isCompleted).toBe(false);
    scheduler.advanceMs(1);
    expect(operation.isCompleted).toBe(true);
  });

  it("completes once when the condition is met at the deadline just before the timer fires", () => {
    const { purgatory, scheduler } = setup();
    const operation = new TestOperation(500);
    // Scheduled first, so it runs first at the same instant: an append that advances the key.
    scheduler.schedule(500, () => {
      operation.ready = true;
      purgatory.checkAndComplete("p0");
    });
    purgatory.tryCompleteElseWatch(operation, ["p0"]);
    scheduler.advanceMs(500);
    expect(operation.events).toEqual(["complete:satisfied"]);
    expect(scheduler.pendingTasks).toBe(0);
  });

  it("completes once when the timer fires just before the condition is checked", () => {
    const { purgatory, scheduler } = setup();
    const operation = new TestOperation(500);
    purgatory.tryCompleteElseWatch(operation, ["p0"]);
    scheduler.schedule(500, () => {
      operation.ready = true;
      expect(purgatory.checkAndComplete("p0")).toBe(0);
      expect(operation.forceComplete()).toBe(false);
    });
    scheduler.advanceMs(500);
    expect(operation.events).toEqual(["complete:expired", "expire"]);
  });

  it("expires a zero-timeout operation at the next turn of the scheduler, not synchronously", () => {
    const { purgatory, scheduler } = setup();
    const operation = new TestOperation(0);
    expect(purgatory.tryCompleteElseWatch(operation, ["p0"])).toBe(false);
    expect(operation.isCompleted).toBe(false);
    scheduler.runDue();
    expect(operation.events).toEqual(["complete:expired", "expire"]);
  });
});

describe("Purgatory bounds, cancellation and shutdown", () => {
  it("refuses operations past watchedOperationsMax with RESOURCE_LIMIT_EXCEEDED, but still completes ready ones", () => {
    const { purgatory } = setup(2);
    const waiting = [new TestOperation(), new TestOperation()];
    for (const operation of waiting) purgatory.tryCompleteElseWatch(operation, ["p0"]);
    const refused = new TestOperation();
    expect(codeOf(() => purgatory.tryCompleteElseWatch(refused, ["p1"]))).toBe("RESOURCE_LIMIT_EXCEEDED");
    expect(refused.isCompleted).toBe(false);
    expect(purgatory.watchersOf("p1")).toBe(0);
    const ready = new TestOperation();
    ready.ready = true;
    expect(purgatory.tryCompleteElseWatch(ready, ["p1"])).toBe(true);
    waiting[0]!.forceComplete();
    expect(purgatory.tryCompleteElseWatch(new TestOperation(), ["p1"])).toBe(false);
    expect(purgatory.watchedOperations).toBe(2);
  });

  it("cancels every operation of a key with the given error, including those watching other keys", () => {
    const { purgatory, scheduler } = setup();
    const a = new TestOperation();
    const b = new TestOperation();
    const other = new TestOperation();
    purgatory.tryCompleteElseWatch(a, ["p0"]);
    purgatory.tryCompleteElseWatch(b, ["p0", "p1"]);
    purgatory.tryCompleteElseWatch(other, ["p1"]);
    expect(purgatory.cancelAll("p0", new TributaryError("NOT_LEADER_OR_FOLLOWER"))).toBe(2);
    expect(a.events).toEqual(["complete:cancelled:NOT_LEADER_OR_FOLLOWER"]);
    expect(b.events).toEqual(["complete:cancelled:NOT_LEADER_OR_FOLLOWER"]);
    expect(other.isCompleted).toBe(false);
    expect(purgatory.watchersOf("p1")).toBe(1);
    expect(scheduler.pendingTasks).toBe(1);
    expect(purgatory.cancelAll("p9", new TributaryError("NOT_LEADER_OR_FOLLOWER"))).toBe(0);
  });

  it("answers every waiting operation on shutdown, leaves nothing behind, and refuses new ones", () => {
    const { purgatory, scheduler } = setup();
    const operations = [new TestOperation(), new TestOperation(), new TestOperation()];
    purgatory.tryCompleteElseWatch(operations[0]!, ["p0"]);
    purgatory.tryCompleteElseWatch(operations[1]!, ["p0", "p1"]);
    purgatory.tryCompleteElseWatch(operations[2]!, ["p2"]);
    expect(purgatory.shutdown()).toBe(3);
    for (const operation of operations) expect(operation.events).toEqual(["complete:cancelled:SHUTTING_DOWN"]);
    expect(purgatory.watchedOperations).toBe(0);
    expect(purgatory.watchedKeys).toBe(0);
    expect(scheduler.pendingTasks).toBe(0);
    expect(codeOf(() => purgatory.tryCompleteElseWatch(new TestOperation(), ["p0"]))).toBe("SHUTTING_DOWN");
  });
});

describe("Purgatory with broken callbacks", () => {
  it("reports a throwing tryComplete, keeps checking the others, and lets the broken one expire", () => {
    const { purgatory, scheduler, callbackErrors } = setup();
    const broken = new TestOperation(100);
    const healthy = new TestOperation();
    purgatory.tryCompleteElseWatch(broken, ["p0"]);
    purgatory.tryCompleteElseWatch(healthy, ["p0"]);
    broken.tryCompleteHook = () => {
      throw new Error("bug in a condition");
    };
    healthy.ready = true;
    expect(purgatory.checkAndComplete("p0")).toBe(1);
    expect(callbackErrors.map((entry) => entry.operation)).toEqual([broken]);
    scheduler.advanceMs(100);
    expect(broken.events).toEqual(["complete:expired", "expire"]);
    expect(purgatory.watchedOperations).toBe(0);
  });

  it("reports a throwing onComplete, yet the operation is complete and released", () => {
    const { purgatory, scheduler, callbackErrors } = setup();
    const operation = new TestOperation();
    purgatory.tryCompleteElseWatch(operation, ["p0"]);
    operation.onCompleteHook = () => {
      throw new Error("the response callback failed");
    };
    operation.ready = true;
    expect(purgatory.checkAndComplete("p0")).toBe(1);
    expect(callbackErrors).toHaveLength(1);
    expect(purgatory.watchedKeys).toBe(0);
    expect(scheduler.pendingTasks).toBe(0);
  });
});

describe("Purgatory memory", () => {
  it("holds nothing once a thousand operations completed by every path", () => {
    const { purgatory, scheduler } = setup(10_000);
    const operations = Array.from({ length: 1_000 }, (_, index) => new TestOperation(10 + (index % 7)));
    operations.forEach((operation, index) => purgatory.tryCompleteElseWatch(operation, [`p${index % 13}`, `p${(index * 7) % 13}`]));
    operations.forEach((operation, index) => {
      if (index % 4 === 0) operation.ready = true;
      if (index % 4 === 1) operation.forceComplete();
    });
    for (let key = 0; key < 13; key++) purgatory.checkAndComplete(`p${key}`);
    purgatory.cancelAll("p3", new TributaryError("NOT_LEADER_OR_FOLLOWER"));
    scheduler.advanceMs(100);
    expect(operations.every((operation) => operation.events.filter((event) => event.startsWith("complete")).length === 1)).toBe(true);
    expect(purgatory.watchedOperations).toBe(0);
    expect(purgatory.watchedKeys).toBe(0);
    expect(scheduler.pendingTasks).toBe(0);
  });
});
