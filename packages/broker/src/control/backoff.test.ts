import { describe, expect, it } from "vitest";
import { Backoff } from "./backoff.js";

describe("Backoff", () => {
  const policy = { initialMs: 100, maxMs: 1_000, multiplier: 2, jitter: 0.2 };

  it("grows exponentially up to the cap, and starts over after a reset", () => {
    const backoff = new Backoff(policy, () => 0.5);
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.nextDelayMs())).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    backoff.reset();
    expect(backoff.nextDelayMs()).toBe(100);
  });

  it("spreads each delay by the jitter fraction around its base", () => {
    expect(new Backoff(policy, () => 0).nextDelayMs()).toBe(80);
    expect(new Backoff(policy, () => 0.999_999).nextDelayMs()).toBe(120);
  });
});
