import { assert } from "@tributary/client/internal/assert";
import type { CancelTask, Scheduler } from "../scheduler.js";

interface FakeTask {
  readonly atMs: number;
  readonly order: number;
  readonly task: () => void;
}

/**
 * FakeScheduler is a {@link Scheduler} on virtual time: nothing runs until a test advances time,
 * and then tasks run in deadline order (ties in scheduling order), each with the clock set to its
 * deadline, including tasks scheduled by other tasks while time advances.
 */
export class FakeScheduler implements Scheduler {
  #nowMs: number;
  #order = 0;
  readonly #tasks: FakeTask[] = [];

  constructor(startMs = 0) {
    this.#nowMs = startMs;
  }

  /** nowMs returns the virtual time. */
  nowMs(): number {
    return this.#nowMs;
  }

  /** schedule queues `task` for `atMs`; it runs when time is advanced to or past it. */
  schedule(atMs: number, task: () => void): CancelTask {
    assert(Number.isFinite(atMs), `task time ${atMs} is not finite`);
    const entry: FakeTask = { atMs: Math.max(atMs, this.#nowMs), order: this.#order++, task };
    this.#tasks.push(entry);
    return () => {
      const index = this.#tasks.indexOf(entry);
      if (index >= 0) this.#tasks.splice(index, 1);
    };
  }

  /** pendingTasks is the number of tasks scheduled and neither run nor cancelled. */
  get pendingTasks(): number {
    return this.#tasks.length;
  }

  /** advanceMs moves time forward by `deltaMs`, running every task that comes due on the way. */
  advanceMs(deltaMs: number): void {
    assert(deltaMs >= 0, `time moves forward only, got ${deltaMs} ms`);
    const targetMs = this.#nowMs + deltaMs;
    for (;;) {
      const next = this.#nextDue(targetMs);
      if (next === undefined) break;
      this.#tasks.splice(this.#tasks.indexOf(next), 1);
      this.#nowMs = next.atMs;
      next.task();
    }
    this.#nowMs = targetMs;
  }

  /** runDue runs the tasks due now (a task scheduled in the past runs "as soon as possible"). */
  runDue(): void {
    this.advanceMs(0);
  }

  #nextDue(targetMs: number): FakeTask | undefined {
    let best: FakeTask | undefined;
    for (const task of this.#tasks) {
      if (task.atMs > targetMs) continue;
      if (best === undefined || task.atMs < best.atMs || (task.atMs === best.atMs && task.order < best.order)) best = task;
    }
    return best;
  }
}
