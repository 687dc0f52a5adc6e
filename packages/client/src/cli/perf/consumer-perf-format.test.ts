import { describe, expect, it } from "vitest";
import { CONSUMER_PERF_HEADER, consumerPerfLine, perfDate, summarizeConsumerPerf, timeoutWarning } from "./consumer-perf-format.js";

describe("kafka-consumer-perf-test layout", () => {
  it("derives overall and fetch-only rates and prints them with 4 decimals", () => {
    const startMs = new Date(2025, 0, 31, 12, 0, 0, 5).getTime();
    const summary = summarizeConsumerPerf({ startMs, endMs: startMs + 2_000, bytes: 10 * 1024 * 1024, messages: 100_000, rebalanceMs: 400 });
    expect(summary).toMatchObject({ dataConsumedMb: 10, mbPerSec: 5, messagesPerSec: 50_000, rebalanceTimeMs: 400, fetchTimeMs: 1_600, fetchMbPerSec: 6.25, fetchMessagesPerSec: 62_500 });
    expect(consumerPerfLine(summary)).toBe("2025-01-31 12:00:00:005, 2025-01-31 12:00:02:005, 10.0000, 5.0000, 100000, 50000.0000, 400, 1600, 6.2500, 62500.0000");
    expect(CONSUMER_PERF_HEADER.split(", ")).toHaveLength(10);
    expect(perfDate(new Date(2024, 11, 1, 9, 5, 7, 89).getTime())).toBe("2024-12-01 09:05:07:089");
    expect(timeoutWarning(10_000)).toBe(
      "WARNING: Exiting before consuming the expected number of messages: timeout (10000 ms) exceeded. You can use the --timeout option to increase the timeout.",
    );
  });
});
