import { describe, expect, it } from "vitest";
import { parseFlags } from "../args/parse-flags.js";
import { PERF_CONSUME_SPEC, perfConsumeAction } from "./perf-consume-args.js";

const action = (argv: readonly string[]) => perfConsumeAction(parseFlags(argv, PERF_CONSUME_SPEC), "abc123");

describe("perf consume flags", () => {
  it("reads Kafka's flags with its defaults", () => {
    expect(action(["--topic", "t", "--messages", "1000"])).toEqual({
      topic: "t",
      messages: 1000,
      groupId: "perf-consumer-abc123",
      fromBeginning: true,
      idleTimeoutMs: 10_000,
      fetchSizeBytes: 1_048_576,
      hideHeader: false,
    });
    expect(action(["--topic", "t", "--messages", "5", "--group", "g", "--from-latest", "--timeout", "500", "--fetch-size", "4096", "--hide-header"])).toEqual({
      topic: "t",
      messages: 5,
      groupId: "g",
      fromBeginning: false,
      idleTimeoutMs: 500,
      fetchSizeBytes: 4096,
      hideHeader: true,
    });
  });

  it("explains bad command lines", () => {
    expect(() => action(["--messages", "1"])).toThrow("--topic is required");
    expect(() => action(["--topic", "t"])).toThrow("--messages is required");
    expect(() => action(["--topic", "t", "--messages", "1", "--fetch-size", "10"])).toThrow('--fetch-size must be an integer of at least 1024, not "10"');
  });
});
