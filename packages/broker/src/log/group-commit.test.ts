/**
 * Goal: group commit shares one run among concurrent callers and schedules exactly one more for
 * callers that arrive while a run is in flight. Method: an operation the test completes by hand.
 */
import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit.js";

function controlledOperation() {
  const pending: ((value: number) => void)[] = [];
  let runs = 0;
  const operation = () =>
    new Promise<number>((resolve) => {
      runs += 1;
      pending.push(resolve);
    });
  return { operation, pending, runs: () => runs };
}

describe("GroupCommit", () => {
  it("shares a run among callers that arrive while it is queued, and runs once more for callers during a run", async () => {
    const op = controlledOperation();
    const commit = new GroupCommit(op.operation);
    const first = commit.request();
    const second = commit.request();
    const third = commit.request();
    expect(op.runs()).toBe(1);
    op.pending[0]!(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    expect(op.runs()).toBe(2);
    op.pending[1]!(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    expect(commit.runCount).toBe(2);
  });

  it("starts a fresh run when idle and still runs the queued one after a failure", async () => {
    let calls = 0;
    const commit = new GroupCommit(async () => {
      calls += 1;
      if (calls === 1) throw new Error("boom");
      return calls;
    });
    const failing = commit.request();
    const queued = commit.request();
    await expect(failing).rejects.toThrow("boom");
    expect(await queued).toBe(2);
    await commit.idle();
    expect(await commit.request()).toBe(3);
  });
});
