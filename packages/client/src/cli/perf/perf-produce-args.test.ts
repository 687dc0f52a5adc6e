import { describe, expect, it } from "vitest";
import { parseFlags } from "../args/parse-flags.js";
import { PERF_PRODUCE_SPEC, perfProduceAction } from "./perf-produce-args.js";

const action = (argv: readonly string[]) => perfProduceAction(parseFlags(argv, PERF_PRODUCE_SPEC));

describe("perf produce flags", () => {
  it("reads Kafka's flags, producer props included", () => {
    expect(
      action(["--topic", "t", "--num-records", "1000", "--record-size", "100", "--throughput", "-1", "--producer-props", "acks=all", "linger.ms=5", "batch.size=131072", "bootstrap.servers=h:1", "--reporting-interval", "1000"]),
    ).toEqual({
      topic: "t",
      records: 1000,
      recordSizeBytes: 100,
      recordsPerSec: -1,
      producer: { options: { acks: -1, lingerMs: 5, batchSizeBytes: 131072 }, clientId: undefined },
      bootstrapServers: "h:1",
      reportingIntervalMs: 1000,
    });
    expect(action(["--topic", "t", "--num-records", "1", "--record-size", "0", "--throughput", "500"])).toMatchObject({ recordsPerSec: 500, reportingIntervalMs: 5000 });
  });

  it("explains bad command lines", () => {
    expect(() => action(["--num-records", "1", "--record-size", "1"])).toThrow("--topic is required");
    expect(() => action(["--topic", "t", "--record-size", "1"])).toThrow("--num-records is required");
    expect(() => action(["--topic", "t", "--num-records", "1"])).toThrow("--record-size is required");
    expect(() => action(["--topic", "t", "--num-records", "0", "--record-size", "1"])).toThrow('--num-records must be an integer of at least 1, not "0"');
    expect(() => action(["--topic", "t", "--num-records", "1", "--record-size", "1", "--throughput", "0"])).toThrow("--throughput must be positive, or -1 for no limit");
    expect(() => action(["--topic", "t", "--num-records", "1", "--record-size", "1", "--producer-props", "linger=5"])).toThrow("unknown producer property linger");
    expect(() => action(["--topic", "t", "--num-records", "1", "--record-size", "1", "--producer-props"])).toThrow("--producer-props needs a value");
  });
});
