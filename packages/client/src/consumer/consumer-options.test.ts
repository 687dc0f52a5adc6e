/**
 * Consumer options: defaults, and INVALID_CONFIG naming the option for values that cannot work
 * (relations between limits included). Also the wrong-state errors of the consumer's methods.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_OPTIONS } from "../retry/retry-options.js";
import { testConsumer } from "../testing/test-consumer.js";
import { resolveConsumerOptions } from "./consumer-options.js";

describe("resolveConsumerOptions", () => {
  it("fills KafkaJS-like defaults", () => {
    expect(resolveConsumerOptions({}, DEFAULT_RETRY_OPTIONS)).toMatchObject({
      groupId: undefined,
      sessionTimeoutMs: 45_000,
      rebalanceTimeoutMs: 60_000,
      heartbeatIntervalMs: 3_000,
      maxBytesPerPartition: 1024 * 1024,
      maxBytes: 10 * 1024 * 1024,
      minBytes: 1,
      maxWaitTimeMs: 5_000,
      maxRecordsPerFetch: 0,
      maxBufferedBytes: 32 * 1024 * 1024,
      autoCommit: true,
      autoCommitIntervalMs: 5_000,
      fromBeginning: false,
      isolation: "read_uncommitted",
      retry: DEFAULT_RETRY_OPTIONS,
    });
  });

  it.each([
    [{ groupInstanceId: "i" }, /groupInstanceId needs a groupId/],
    [{ heartbeatIntervalMs: 50_000 }, /heartbeatIntervalMs \(50000\) must be below sessionTimeoutMs/],
    [{ maxBufferedBytes: 10, maxBytesPerPartition: 100 }, /maxBufferedBytes \(10\) must hold at least one partition's fetch/],
    [{ minBytes: 10, maxBytes: 5 }, /minBytes \(10\) must not exceed maxBytes/],
    [{ maxRecordsPerFetch: -1 }, /maxRecordsPerFetch is -1/],
    [{ assignor: "sticky" as never }, /use "uniform" or "range"/],
    [{ isolation: "read_committed" as never }, /no transactions yet/],
    [{ groupId: "" }, /groupId must not be empty/],
  ])("refuses %o", (options, message) => {
    expect(() => resolveConsumerOptions(options, DEFAULT_RETRY_OPTIONS)).toThrow(message);
  });
});

describe("wrong-state calls", () => {
  it("say what to call first", async () => {
    const consumer = testConsumer(["127.0.0.1:1"]);
    await expect(consumer.subscribe({ topics: ["t"] })).rejects.toMatchObject({ name: "ConsumerStateError", message: expect.stringMatching(/give the consumer a groupId/) });
    await expect(consumer.run({ eachMessage: async () => undefined })).rejects.toThrow(/call subscribe\(\) or assign\(\) before run\(\)/);
    await expect(consumer.run({} as never)).rejects.toThrow(/exactly one of eachMessage and eachBatch/);
    expect(() => consumer.seek({ topic: "t", partition: 0, offset: -1 })).toThrow(/not an offset/);
    expect(() => consumer.pause([{ topic: "t", partitions: [-1] }])).toThrow(/not a partition number/);
    const grouped = testConsumer(["127.0.0.1:1"], { groupId: "g" });
    grouped.assign([{ topic: "t", partitions: [0] }]);
    await expect(grouped.subscribe({ topics: ["t"] })).rejects.toThrow(/cannot be mixed/);
  });
});
