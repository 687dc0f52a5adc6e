/**
 * Regex subscriptions: the source sent to the coordinator, matched as a whole name (as the
 * coordinator matches), accepts exactly the names the JavaScript RegExp's test() accepts. Checked
 * on a grid of patterns and names; flags and misplaced anchors are refused with a reason.
 */
import { describe, expect, it } from "vitest";
import { toCoordinatorRegex } from "./coordinator-regex.js";
import { Subscription } from "./subscription.js";

const PATTERNS = ["orders", "^orders", "orders$", "^orders$", "^orders-.*", "eu|us$", "^a|b", "(eu|us)-[0-9]+", "[$^]x", "a\\$", "^(x|y)z$", "t\\.[a-c]+"];
const NAMES = ["orders", "orders-1", "my-orders", "ordersX", "eu-1", "x-us", "us-x", "a", "ab", "ba", "eu-12", "zz-us-3", "$x", "^x", "a$", "xz", "yz", "xyz", "t.ab", "tXab", ""];

describe("toCoordinatorRegex", () => {
  it("accepts exactly what test() accepts when matched as a whole name", () => {
    for (const pattern of PATTERNS) {
      const original = new RegExp(pattern);
      const whole = new RegExp(`^(?:${toCoordinatorRegex(pattern)})$`);
      for (const name of NAMES) expect([pattern, name, whole.test(name)]).toEqual([pattern, name, original.test(name)]);
    }
  });

  it("keeps anchors out of the middle of the pattern", () => {
    expect(toCoordinatorRegex("^orders-")).toBe("(?:orders-).*");
    expect(toCoordinatorRegex("eu|us$")).toBe(".*(?:eu).*|.*(?:us)");
    expect(() => toCoordinatorRegex("a(^b)")).toThrow(/only at the start and end of an alternative/);
  });
});

describe("Subscription", () => {
  it("sends names and one regex alternation, and knows each topic's reset policy", () => {
    const subscription = new Subscription();
    subscription.add(["b", /^logs-/], true);
    subscription.add(["a"], false);
    expect(subscription.topicNames).toEqual(["a", "b"]);
    expect(subscription.topicRegex).toBe("(?:logs-).*");
    expect(subscription.fromBeginningFor("a", true)).toBe(false);
    expect(subscription.fromBeginningFor("logs-1", false)).toBe(true);
    expect(subscription.fromBeginningFor("other", false)).toBe(false);
  });

  it("refuses flags the coordinator cannot apply, and empty input", () => {
    expect(() => new Subscription().add([/orders/i], false)).toThrow(/cannot apply the "i" flag/);
    expect(() => new Subscription().add([], false)).toThrow(/at least one topic/);
    expect(() => new Subscription().add([""], false)).toThrow(/use topic names or RegExps/);
    expect(() => new Subscription().add([/orders/g], false)).not.toThrow();
  });
});
