import { MEBIBYTE_BYTES } from "./latency-stats.js";

/** CONSUMER_PERF_HEADER is kafka-consumer-perf-test's header line. */
export const CONSUMER_PERF_HEADER =
  "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

/** ConsumerPerfResult is what a consumer perf run measured. */
export interface ConsumerPerfResult {
  readonly startMs: number;
  readonly endMs: number;
  /** bytes are key and value bytes read. */
  readonly bytes: number;
  readonly messages: number;
  /** rebalanceMs is the time from the start until the group handed out partitions. */
  readonly rebalanceMs: number;
}

/** ConsumerPerfSummary is the result line's numbers. */
export interface ConsumerPerfSummary {
  readonly startTime: string;
  readonly endTime: string;
  readonly dataConsumedMb: number;
  readonly mbPerSec: number;
  readonly messages: number;
  readonly messagesPerSec: number;
  readonly rebalanceTimeMs: number;
  readonly fetchTimeMs: number;
  readonly fetchMbPerSec: number;
  readonly fetchMessagesPerSec: number;
}

/** perfDate formats a time as kafka-consumer-perf-test's default "yyyy-MM-dd HH:mm:ss:SSS", local time. */
export function perfDate(ms: number): string {
  const date = new Date(ms);
  const two = (value: number): string => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}:${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/** summarizeConsumerPerf derives rates as Kafka does: overall, and for the time spent fetching (after the rebalance). */
export function summarizeConsumerPerf(result: ConsumerPerfResult): ConsumerPerfSummary {
  const elapsedSec = Math.max(result.endMs - result.startMs, 1) / 1000;
  const fetchTimeMs = Math.max(result.endMs - result.startMs - result.rebalanceMs, 0);
  const fetchSec = Math.max(fetchTimeMs, 1) / 1000;
  const mb = result.bytes / MEBIBYTE_BYTES;
  return {
    startTime: perfDate(result.startMs),
    endTime: perfDate(result.endMs),
    dataConsumedMb: mb,
    mbPerSec: mb / elapsedSec,
    messages: result.messages,
    messagesPerSec: result.messages / elapsedSec,
    rebalanceTimeMs: Math.round(result.rebalanceMs),
    fetchTimeMs: Math.round(fetchTimeMs),
    fetchMbPerSec: mb / fetchSec,
    fetchMessagesPerSec: result.messages / fetchSec,
  };
}

/** consumerPerfLine is the result line: times, then numbers with 4 decimals where Kafka has them. */
export function consumerPerfLine(summary: ConsumerPerfSummary): string {
  return [
    summary.startTime,
    summary.endTime,
    summary.dataConsumedMb.toFixed(4),
    summary.mbPerSec.toFixed(4),
    String(summary.messages),
    summary.messagesPerSec.toFixed(4),
    String(summary.rebalanceTimeMs),
    String(summary.fetchTimeMs),
    summary.fetchMbPerSec.toFixed(4),
    summary.fetchMessagesPerSec.toFixed(4),
  ].join(", ");
}

/** timeoutWarning is Kafka's warning when the run ended before reading the expected records. */
export function timeoutWarning(timeoutMs: number): string {
  return `WARNING: Exiting before consuming the expected number of messages: timeout (${timeoutMs} ms) exceeded. You can use the --timeout option to increase the timeout.`;
}
