/**
 * Goal: subscription regexes match whole topic names like Java's Pattern.matches, never match
 * internal topics, agree with JavaScript's engine on the syntax they share, refuse what they do not
 * support, and cannot be made to backtrack. Method: examples, and a differential property test
 * against RegExp on generated patterns and names.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRegex } from "./regex-nfa.js";
import { TopicRegexCache, topicRegexProblem } from "./topic-regex.js";
import { topicsViewFrom } from "./topics-view.js";

const topics = (names: string[], version = 0) => topicsViewFrom(names.map((name) => ({ topicId: `id-${name}`, name, partitionCount: 1 })), version);

/** A generated pattern over a small alphabet, in the syntax both engines read alike. */
const pattern: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("a", "b", "-", "\\.", ".", "[ab]", "[^a]", "[a-c]", "\\d", "\\w"),
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => a + b),
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(?:${a}|${b})`),
    fc.tuple(tie("node"), fc.constantFrom("*", "+", "?", "{2}", "{1,3}", "{2,}", "*?")).map(([a, q]) => `(?:${a})${q}`),
  ),
})).node;

describe("topic regex", () => {
  it("matches whole names and leaves internal topics out", () => {
    const cache = new TopicRegexCache();
    const view = topics(["orders", "orders-eu", "xorders", "__consumer_offsets"]);
    expect(cache.matching("orders.*", view).map((topic) => topic.name)).toEqual(["orders", "orders-eu"]);
    expect(cache.matching(".*", view).map((topic) => topic.name)).toEqual(["orders", "orders-eu", "xorders"]);
    expect(cache.matching("^(eu|us)-.+$", topics(["eu-a", "us-b", "eu-", "asia-c"])).map((topic) => topic.name)).toEqual(["eu-a", "us-b"]);
  });

  it("re-evaluates when the topics change", () => {
    const cache = new TopicRegexCache();
    expect(cache.matching("a|b", topics(["a"], 1))).toHaveLength(1);
    expect(cache.matching("a|b", topics(["a", "b"], 2))).toHaveLength(2);
  });

  it("agrees with JavaScript's engine on the syntax both read", () => {
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[ab.\-19]{0,8}$/), (source, name) => {
        expect(compileRegex(source).matches(name)).toBe(new RegExp(`^(?:${source})$`).test(name));
      }),
      { numRuns: 2_000 },
    );
  });

  it("matches in linear time the patterns that make a backtracking engine take forever", () => {
    const name = `${"a".repeat(249)}`;
    for (const source of ["(a|aa)+b", "(a+)+b", "(a{2,3})+b", "(.*a){12}b", "a.*a.*a.*a.*a.*a.*a.*b"]) expect(compileRegex(source).matches(name)).toBe(false);
  });

  it("refuses what it does not support", () => {
    for (const bad of ["", "(?=a)", "(?<!a)b", "(?i)orders", "(a)\\1", "\\bword", "a(", "a)", "*a", "[a-", "a{3,1}", "a^b"]) expect(topicRegexProblem(bad), bad).not.toBeNull();
  });
});
