/**
 * The retrier: backoff growth, jitter bounds and the cap; which errors are retried; exhaustion
 * with count and cause; deadlines and aborts. Time is a manual clock, advanced by the test.
 */
import { describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import { ManualClock } from "../testing/manual-clock.js";
import { retryDelayMs } from "./backoff.js";
import { Retrier } from "./retrier.js";
import { TributaryRetriesExceededError } from "./retries-exceeded-error.js";
import { DEFAULT_RETRY_OPTIONS, resolveRetryOptions, type RetryOptions } from "./retry-options.js";

const OPTIONS: RetryOptions = { retries: 3, initialRetryTimeMs: 100, maxRetryTimeMs: 1_000, multiplier: 2, factor: 0.2 };

/** settle drives a run on a manual clock: advance time until the promise settles. */
async function settle<T>(clock: ManualClock, promise: Promise<T>): Promise<{ value?: T; error?: unknown; elapsedMs: number }> {
  const startMs = clock.nowMs();
  let outcome: { value?: T; error?: unknown } | undefined;
  promise.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  while (outcome === undefined) {
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(1);
  }
  return { ...outcome, elapsedMs: clock.nowMs() - startMs };
}

describe("retryDelayMs", () => {
  it("grows by the multiplier and stays within ±factor", () => {
    expect([0, 1, 2, 3].map((index) => retryDelayMs(OPTIONS, index, () => 0.5))).toEqual([100, 200, 400, 800]);
    expect(retryDelayMs(OPTIONS, 1, () => 0)).toBe(160);
    expect(retryDelayMs(OPTIONS, 1, () => 0.999999)).toBe(240);
  });

  it("never exceeds maxRetryTimeMs", () => {
    expect(retryDelayMs(OPTIONS, 10, () => 0.999999)).toBe(1_000);
  });
});

describe("resolveRetryOptions", () => {
  it("fills defaults and names a bad field", () => {
    expect(resolveRetryOptions({ retries: 2 })).toEqual({ ...DEFAULT_RETRY_OPTIONS, retries: 2 });
    expect(() => resolveRetryOptions({ factor: 2 })).toThrow(/retry.factor is 2; it must be between 0 and 1/);
  });
});

describe("Retrier", () => {
  it("retries retriable errors with backoff, then succeeds", async () => {
    const clock = new ManualClock();
    const retrier = new Retrier(OPTIONS, { clock, random: () => 0.5 });
    const attempts: number[] = [];
    const result = await settle(
      clock,
      retrier.run(async ({ attempt }) => {
        attempts.push(attempt);
        if (attempt < 2) throw new TributaryError("LEADER_NOT_AVAILABLE");
        return "done";
      }),
    );
    expect(result.value).toBe("done");
    expect(attempts).toEqual([0, 1, 2]);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(300);
  });

  it("rethrows non-retriable and programmer errors at once, unwrapped", async () => {
    const retrier = new Retrier(OPTIONS, { clock: new ManualClock(), random: () => 0.5 });
    let calls = 0;
    const fatal = new TributaryError("TOPIC_ALREADY_EXISTS");
    await expect(retrier.run(async () => (calls++, Promise.reject(fatal)))).rejects.toBe(fatal);
    const bug = new TypeError("x is undefined");
    await expect(retrier.run(async () => (calls++, Promise.reject(bug)))).rejects.toBe(bug);
    expect(calls).toBe(2);
  });

  it("gives up after `retries` retries with the count and the last error as cause", async () => {
    const clock = new ManualClock();
    const retrier = new Retrier(OPTIONS, { clock, random: () => 0.5 });
    const last = new TributaryError("NOT_LEADER_OR_FOLLOWER", "broker 2 leads", { leaderHint: { nodeId: 2 } });
    let calls = 0;
    const result = await settle(
      clock,
      retrier.run(
        async () => {
          calls++;
          throw last;
        },
        { operation: "Produce" },
      ),
    );
    expect(calls).toBe(4);
    const error = result.error as TributaryRetriesExceededError;
    expect(error).toBeInstanceOf(TributaryRetriesExceededError);
    expect(error.name).toBe("TributaryRetriesExceededError");
    expect(error.code).toBe("NOT_LEADER_OR_FOLLOWER");
    expect(error.retriable).toBe(false);
    expect(error.retryCount).toBe(3);
    expect(error.cause).toBe(last);
    expect(error.leaderHint).toEqual({ nodeId: 2 });
    expect(error.message).toMatch(/^Produce failed after 3 retries in \d+ ms; last error NOT_LEADER_OR_FOLLOWER: broker 2 leads/);
  });

  it("runs onRetry between attempts and survives it throwing", async () => {
    const clock = new ManualClock();
    const retrier = new Retrier(OPTIONS, { clock, random: () => 0.5 });
    const seen: string[] = [];
    const result = await settle(
      clock,
      retrier.run(
        async ({ attempt }) => {
          if (attempt === 0) throw new TributaryError("NOT_COORDINATOR");
          return attempt;
        },
        {
          onRetry: (error) => {
            seen.push(error.code);
            throw new Error("refresh failed");
          },
        },
      ),
    );
    expect(result.value).toBe(1);
    expect(seen).toEqual(["NOT_COORDINATOR"]);
  });

  it("stops before a wait would pass the deadline", async () => {
    const clock = new ManualClock();
    const retrier = new Retrier(OPTIONS, { clock, random: () => 0.5 });
    let calls = 0;
    const result = await settle(
      clock,
      retrier.run(
        async () => {
          calls++;
          throw new TributaryError("REQUEST_TIMED_OUT");
        },
        { deadlineMs: clock.nowMs() + 250 },
      ),
    );
    expect(result.error).toBeInstanceOf(TributaryRetriesExceededError);
    expect(calls).toBe(2);
  });

  it("rejects with the abort reason when aborted during a wait", async () => {
    const clock = new ManualClock();
    const retrier = new Retrier(OPTIONS, { clock, random: () => 0.5 });
    const controller = new AbortController();
    const reason = new TributaryError("SHUTTING_DOWN");
    const run = retrier.run(async () => Promise.reject(new TributaryError("NETWORK_EXCEPTION")), { signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(reason);
    await expect(run).rejects.toBe(reason);
  });
});
