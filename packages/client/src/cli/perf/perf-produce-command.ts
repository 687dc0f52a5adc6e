import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Producer } from "../../producer/producer.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { CliError, EXIT_OK, errorLine } from "../cli-errors.js";
import { write, writeLines, type CliIo } from "../cli-io.js";
import type { Command } from "../command.js";
import { withProducer } from "../connect/cli-client.js";
import { connectionOptions } from "../connect/connection-options.js";
import { jsonBlock } from "../format/table.js";
import { LatencyStats, progressLine, throttleDelayMs, totalLine, windowLine } from "./latency-stats.js";
import { PERF_PRODUCE_SPEC, perfProduceAction, type PerfProduceAction } from "./perf-produce-args.js";

/**
 * SENDS_IN_FLIGHT_MAX bounds sends awaiting acknowledgement (the producer's buffer bounds their
 * bytes). Every pending send holds a promise and its closures: with 2,000 of them the producer
 * still fills large batches, and against a local cluster 100-byte records went faster, and with a
 * tenth of the latency, than with 20,000, where garbage collection took a third of the CPU.
 */
const SENDS_IN_FLIGHT_MAX = 2_000;
/** PROGRESS_INTERVAL_MS is how often the live line on a terminal is redrawn. */
const PROGRESS_INTERVAL_MS = 250;
/** THROTTLE_SLEEP_MIN_MS: shorter pauses are skipped (and caught up later), as Kafka's throttler does. */
const THROTTLE_SLEEP_MIN_MS = 2;

/** randomPayload is kafka-producer-perf-test's payload: `sizeBytes` random letters A-Z. */
export function randomPayload(sizeBytes: number): Buffer {
  const payload = Buffer.alloc(sizeBytes);
  for (let index = 0; index < sizeBytes; index++) payload[index] = 65 + randomInt(26);
  return payload;
}

/** perfProduceCommand is `tributary perf produce`: kafka-producer-perf-test over the SDK's producer. */
export const perfProduceCommand: Command = {
  spec: PERF_PRODUCE_SPEC,
  async run(flags: ParsedFlags, io: CliIo): Promise<number> {
    const action = perfProduceAction(flags);
    const connection = connectionOptions(flags, io.env, action.bootstrapServers);
    await withProducer(connection, io, action.producer, (producer) => run(producer, action, io, flags.boolean("json")));
    return EXIT_OK;
  },
};

async function run(producer: Producer, action: PerfProduceAction, io: CliIo, json: boolean): Promise<void> {
  const payload = randomPayload(action.recordSizeBytes);
  const startMs = performance.now();
  const stats = new LatencyStats(action.records, startMs);
  const live = io.stdout.isTTY === true && !json;
  const report = setInterval(
    () => {
      const nowMs = performance.now();
      if (live) io.stdout.write(`\r${progressLine(stats.total(nowMs), action.records)}\u001b[K`);
      else if (!json) io.stdout.write(`${windowLine(stats.window(nowMs))}\n`);
    },
    live ? PROGRESS_INTERVAL_MS : action.reportingIntervalMs,
  );
  let failure: unknown;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const settled = (): void => {
    inFlight--;
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  try {
    for (let sent = 0; sent < action.records && failure === undefined && io.signal?.aborted !== true; sent++) {
      const delayMs = throttleDelayMs(sent, performance.now() - startMs, action.recordsPerSec);
      if (delayMs >= THROTTLE_SLEEP_MIN_MS) await sleep(delayMs);
      while (inFlight >= SENDS_IN_FLIGHT_MAX) await new Promise<void>((resolve) => (wake = resolve));
      inFlight++;
      const sentAtMs = performance.now();
      producer.send({ topic: action.topic, messages: [{ value: payload }] }).then(
        () => {
          stats.record(performance.now() - sentAtMs, payload.length);
          settled();
        },
        (error: unknown) => {
          failure ??= error;
          settled();
        },
      );
    }
    while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
  } finally {
    clearInterval(report);
    if (live) io.stdout.write("\r\u001b[K");
  }
  const total = stats.total(performance.now());
  await writeLines(io.stdout, [json ? jsonBlock({ topic: action.topic, recordSizeBytes: action.recordSizeBytes, ...total }) : totalLine(total)]);
  if (failure !== undefined) throw new CliError(`perf produce stopped after ${total.records} records: ${errorLine(failure).replace(/^Error: /, "")}`);
  if (io.signal?.aborted === true) await write(io.stderr, `Interrupted after ${total.records} of ${action.records} records.\n`);
}
