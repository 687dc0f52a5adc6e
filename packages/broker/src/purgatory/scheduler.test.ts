/**
 * Goal: both schedulers keep the contract delayed operations rely on: a task runs once, never
 * before its time and never synchronously, and a cancelled task never runs. Method: the fake on
 * virtual time; the real one on Node timers with short delays, awaiting the task rather than
 * sleeping a fixed time.
 */
import { describe, expect, it } from "vitest";
import { systemScheduler } from "./scheduler.js";
import { FakeScheduler } from "./testing/fake-scheduler.js";

describe("FakeScheduler", () => {
  it("runs due tasks in deadline order, ties in scheduling order, with the clock at each deadline", () => {
    const scheduler = new FakeScheduler(100);
    const runs: string[] = [];
    scheduler.schedule(130, () => runs.push(`b@${scheduler.nowMs()}`));
    scheduler.schedule(120, () => runs.push(`a@${scheduler.nowMs()}`));
    scheduler.schedule(130, () => runs.push(`c@${scheduler.nowMs()}`));
    scheduler.schedule(131, () => runs.push("late"));
    scheduler.advanceMs(30);
    expect(runs).toEqual(["a@120", "b@130", "c@130"]);
    expect(scheduler.nowMs()).toBe(130);
    expect(scheduler.pendingTasks).toBe(1);
  });

  it("runs tasks scheduled by tasks when they come due within the same advance", () => {
    const scheduler = new FakeScheduler();
    const runs: number[] = [];
    scheduler.schedule(10, () => scheduler.schedule(15, () => runs.push(scheduler.nowMs())));
    scheduler.advanceMs(20);
    expect(runs).toEqual([15]);
  });

  it("never runs a cancelled task, and runs a past-due task at the next turn", () => {
    const scheduler = new FakeScheduler(50);
    const runs: string[] = [];
    const cancel = scheduler.schedule(60, () => runs.push("cancelled"));
    cancel();
    cancel();
    scheduler.schedule(10, () => runs.push(`past@${scheduler.nowMs()}`));
    expect(runs).toEqual([]);
    scheduler.advanceMs(100);
    expect(runs).toEqual(["past@50"]);
  });
});

describe("systemScheduler", () => {
  it("runs a task once, not before its time, and never a cancelled one", async () => {
    const startMs = systemScheduler.nowMs();
    const cancelledRuns: number[] = [];
    const cancel = systemScheduler.schedule(startMs + 5, () => cancelledRuns.push(1));
    cancel();
    const ranAtMs = await new Promise<number>((resolve) => systemScheduler.schedule(startMs + 20, () => resolve(systemScheduler.nowMs())));
    expect(ranAtMs).toBeGreaterThanOrEqual(startMs + 20);
    expect(cancelledRuns).toEqual([]);
  });

  it("runs a past-due task asynchronously", async () => {
    let ran = false;
    const done = new Promise<void>((resolve) =>
      systemScheduler.schedule(systemScheduler.nowMs() - 1_000, () => {
        ran = true;
        resolve();
      }),
    );
    expect(ran).toBe(false);
    await done;
    expect(ran).toBe(true);
  });
});
