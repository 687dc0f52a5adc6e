/** MEBIBYTE_BYTES is the "MB" of Kafka's perf tools. */
export const MEBIBYTE_BYTES = 1024 * 1024;

/** LATENCY_SAMPLES_MAX bounds the latencies kept for percentiles, as kafka-producer-perf-test does. */
export const LATENCY_SAMPLES_MAX = 500_000;

/** WindowSummary is one reporting window of a producer perf run. */
export interface WindowSummary {
  readonly records: number;
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
  readonly avgLatencyMs: number;
  readonly maxLatencyMs: number;
}

/** TotalSummary is a whole producer perf run, with latency percentiles in whole ms. */
export interface TotalSummary extends WindowSummary {
  readonly elapsedMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
}

/**
 * LatencyStats accumulates send-to-acknowledgement latencies of a producer perf run: totals,
 * the current reporting window, and a sample of at most {@link LATENCY_SAMPLES_MAX} latencies
 * (every n-th record, n = records / samples) for percentiles. Times are passed in, so it is pure.
 */
export class LatencyStats {
  private readonly startMs: number;
  private readonly sampleEvery: number;
  private readonly samples: Float64Array;
  private sampleCount = 0;
  private iteration = 0;
  private count = 0;
  private bytes = 0;
  private totalLatencyMs = 0;
  private maxLatencyMs = 0;
  private windowStartMs: number;
  private windowCount = 0;
  private windowBytes = 0;
  private windowTotalLatencyMs = 0;
  private windowMaxLatencyMs = 0;

  constructor(expectedRecords: number, startMs: number) {
    const samples = Math.max(1, Math.min(expectedRecords, LATENCY_SAMPLES_MAX));
    this.sampleEvery = Math.max(1, Math.floor(expectedRecords / samples));
    this.samples = new Float64Array(samples);
    this.startMs = startMs;
    this.windowStartMs = startMs;
  }

  /** records is how many acknowledgements were recorded. */
  get records(): number {
    return this.count;
  }

  /** record adds one acknowledged record of `sizeBytes` that took `latencyMs`. */
  record(latencyMs: number, sizeBytes: number): void {
    this.count++;
    this.bytes += sizeBytes;
    this.totalLatencyMs += latencyMs;
    this.maxLatencyMs = Math.max(this.maxLatencyMs, latencyMs);
    this.windowCount++;
    this.windowBytes += sizeBytes;
    this.windowTotalLatencyMs += latencyMs;
    this.windowMaxLatencyMs = Math.max(this.windowMaxLatencyMs, latencyMs);
    if (this.iteration % this.sampleEvery === 0 && this.sampleCount < this.samples.length) this.samples[this.sampleCount++] = latencyMs;
    this.iteration++;
  }

  /** window summarizes the records since the last call (or the start) and starts a new window. */
  window(nowMs: number): WindowSummary {
    const summary = summarize(this.windowCount, this.windowBytes, this.windowTotalLatencyMs, this.windowMaxLatencyMs, nowMs - this.windowStartMs);
    this.windowStartMs = nowMs;
    this.windowCount = 0;
    this.windowBytes = 0;
    this.windowTotalLatencyMs = 0;
    this.windowMaxLatencyMs = 0;
    return summary;
  }

  /** total summarizes the whole run up to `nowMs`. */
  total(nowMs: number): TotalSummary {
    const elapsedMs = nowMs - this.startMs;
    const sorted = this.samples.slice(0, this.sampleCount).sort();
    const percentile = (fraction: number): number => Math.floor(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0);
    return {
      ...summarize(this.count, this.bytes, this.totalLatencyMs, this.maxLatencyMs, elapsedMs),
      elapsedMs,
      p50Ms: percentile(0.5),
      p95Ms: percentile(0.95),
      p99Ms: percentile(0.99),
      p999Ms: percentile(0.999),
    };
  }
}

function summarize(records: number, bytes: number, totalLatencyMs: number, maxLatencyMs: number, elapsedMs: number): WindowSummary {
  const seconds = Math.max(elapsedMs, 1) / 1000;
  return {
    records,
    recordsPerSec: records / seconds,
    mbPerSec: bytes / MEBIBYTE_BYTES / seconds,
    avgLatencyMs: records === 0 ? 0 : totalLatencyMs / records,
    maxLatencyMs,
  };
}

/**
 * windowLine is kafka-producer-perf-test's periodic line:
 * `N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency.`
 */
export function windowLine(window: WindowSummary): string {
  return `${window.records} records sent, ${window.recordsPerSec.toFixed(1)} records/sec (${window.mbPerSec.toFixed(2)} MB/sec), ${window.avgLatencyMs.toFixed(1)} ms avg latency, ${window.maxLatencyMs.toFixed(1)} ms max latency.`;
}

/**
 * totalLine is kafka-producer-perf-test's final line, percentiles in whole ms:
 * `N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency, P ms 50th, P ms 95th, P ms 99th, P ms 99.9th.`
 */
export function totalLine(total: TotalSummary): string {
  return (
    `${total.records} records sent, ${total.recordsPerSec.toFixed(6)} records/sec (${total.mbPerSec.toFixed(2)} MB/sec), ` +
    `${total.avgLatencyMs.toFixed(2)} ms avg latency, ${total.maxLatencyMs.toFixed(2)} ms max latency, ` +
    `${total.p50Ms} ms 50th, ${total.p95Ms} ms 95th, ${total.p99Ms} ms 99th, ${total.p999Ms} ms 99.9th.`
  );
}

/** progressLine is the live line shown on a terminal: progress toward `target` and the run so far. */
export function progressLine(total: TotalSummary, target: number): string {
  const percent = target === 0 ? 100 : Math.floor((total.records / target) * 100);
  return `${total.records}/${target} records sent (${percent}%), ${total.recordsPerSec.toFixed(1)} records/sec (${total.mbPerSec.toFixed(2)} MB/sec), ${total.avgLatencyMs.toFixed(1)} ms avg latency, ${total.maxLatencyMs.toFixed(1)} ms max latency`;
}

/**
 * throttleDelayMs is how long to pause before the next send to hold `recordsPerSec` (Kafka's
 * ThroughputThrottler); 0 when unthrottled (`recordsPerSec` <= 0) or behind schedule.
 */
export function throttleDelayMs(sent: number, elapsedMs: number, recordsPerSec: number): number {
  if (recordsPerSec <= 0) return 0;
  return Math.max(0, (sent * 1000) / recordsPerSec - elapsedMs);
}
