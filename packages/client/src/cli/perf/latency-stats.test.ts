import { describe, expect, it } from "vitest";
import { LatencyStats, progressLine, throttleDelayMs, totalLine, windowLine } from "./latency-stats.js";

describe("LatencyStats", () => {
  it("summarizes windows and the whole run", () => {
    const stats = new LatencyStats(4, 0);
    stats.record(2, 1024 * 1024);
    stats.record(4, 1024 * 1024);
    expect(stats.window(1_000)).toEqual({ records: 2, recordsPerSec: 2, mbPerSec: 2, avgLatencyMs: 3, maxLatencyMs: 4 });
    stats.record(10, 1024 * 1024);
    stats.record(1, 1024 * 1024);
    expect(stats.window(2_000)).toMatchObject({ records: 2, avgLatencyMs: 5.5, maxLatencyMs: 10 });
    expect(stats.total(2_000)).toEqual({ records: 4, recordsPerSec: 2, mbPerSec: 2, avgLatencyMs: 4.25, maxLatencyMs: 10, elapsedMs: 2_000, p50Ms: 4, p95Ms: 10, p99Ms: 10, p999Ms: 10 });
  });

  it("samples every n-th latency once there are more records than samples", () => {
    const stats = new LatencyStats(1_000_000, 0);
    for (let index = 0; index < 1_000_000; index++) stats.record(index % 100, 10);
    const total = stats.total(10_000);
    expect(total.records).toBe(1_000_000);
    // Every second record is kept: the even latencies 0..98, each equally often.
    expect(total.p50Ms).toBe(50);
    expect(total.p99Ms).toBe(98);
  });

  it("formats Kafka's window and total lines", () => {
    expect(windowLine({ records: 49_761, recordsPerSec: 9_950.2, mbPerSec: 0.9489, avgLatencyMs: 2.65, maxLatencyMs: 31 })).toBe(
      "49761 records sent, 9950.2 records/sec (0.95 MB/sec), 2.6 ms avg latency, 31.0 ms max latency.",
    );
    expect(totalLine({ records: 100_000, recordsPerSec: 9_998.0004, mbPerSec: 0.9535, avgLatencyMs: 2.345, maxLatencyMs: 31, elapsedMs: 10_000, p50Ms: 2, p95Ms: 5, p99Ms: 12, p999Ms: 28 })).toBe(
      "100000 records sent, 9998.000400 records/sec (0.95 MB/sec), 2.35 ms avg latency, 31.00 ms max latency, 2 ms 50th, 5 ms 95th, 12 ms 99th, 28 ms 99.9th.",
    );
    expect(progressLine({ records: 50, recordsPerSec: 10, mbPerSec: 0, avgLatencyMs: 1, maxLatencyMs: 2, elapsedMs: 5_000, p50Ms: 0, p95Ms: 0, p99Ms: 0, p999Ms: 0 }, 200)).toBe(
      "50/200 records sent (25%), 10.0 records/sec (0.00 MB/sec), 1.0 ms avg latency, 2.0 ms max latency",
    );
  });
});

describe("throttleDelayMs", () => {
  it("holds the target rate and never throttles an unthrottled run", () => {
    expect(throttleDelayMs(100, 500, 100)).toBe(500);
    expect(throttleDelayMs(100, 1_500, 100)).toBe(0);
    expect(throttleDelayMs(1_000_000, 1, -1)).toBe(0);
  });
});
