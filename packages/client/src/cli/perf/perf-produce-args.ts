import { CONNECTION_FLAGS, JSON_FLAG, type CommandSpec } from "../args/flag-spec.js";
import { parseKeyValues } from "../args/key-values.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { UsageError } from "../cli-errors.js";
import { PRODUCER_PROPS, producerSettings, type ProducerSettings } from "../produce/producer-props.js";

/** PERF_PRODUCE_SPEC describes `tributary perf produce`, kafka-producer-perf-test's flags. */
export const PERF_PRODUCE_SPEC: CommandSpec = {
  name: "perf produce",
  summary: "Measure producer throughput and latency (kafka-producer-perf-test).",
  usage: ["perf produce --topic T --num-records N --record-size B [--throughput R] [--producer-props K=V ...] [--json]"],
  flags: {
    topic: { type: "string", valueName: "T", description: "the topic to write to (it must exist)" },
    "num-records": { type: "string", valueName: "N", description: "how many records to send" },
    "record-size": { type: "string", valueName: "B", description: "bytes per record (random letters, the same payload each time)" },
    throughput: { type: "string", valueName: "R", description: "at most R records/sec; -1 for as fast as possible (default)" },
    "producer-props": { type: "string", greedy: true, valueName: "K=V", description: `producer properties: ${PRODUCER_PROPS.join(", ")}, bootstrap.servers` },
    "reporting-interval": { type: "string", valueName: "MS", description: "how often to print a progress line when stdout is not a terminal (default 5000)" },
    ...JSON_FLAG,
    ...CONNECTION_FLAGS,
  },
  examples: [
    "tributary perf produce --topic perf --num-records 1000000 --record-size 100 --throughput -1 --producer-props acks=all linger.ms=5",
    "tributary perf produce --topic perf --num-records 50000 --record-size 1024 --throughput 5000 --producer-props compression.type=lz4",
  ],
};

/** PerfProduceAction is what a `perf produce` command line asks for. */
export interface PerfProduceAction {
  readonly topic: string;
  readonly records: number;
  readonly recordSizeBytes: number;
  /** recordsPerSec is the throttle, or -1 for none. */
  readonly recordsPerSec: number;
  readonly producer: ProducerSettings;
  /** bootstrapServers comes from the bootstrap.servers producer property, when given. */
  readonly bootstrapServers: string | undefined;
  readonly reportingIntervalMs: number;
}

/**
 * perfProduceAction checks a `perf produce` command line.
 *
 * @throws UsageError naming the flag or property at fault.
 */
export function perfProduceAction(flags: ParsedFlags): PerfProduceAction {
  flags.noPositionals();
  const props = parseKeyValues("producer-props", flags.strings("producer-props"));
  const bootstrapServers = props.get("bootstrap.servers");
  props.delete("bootstrap.servers");
  const recordsPerSec = flags.integer("throughput") ?? -1;
  if (recordsPerSec === 0) throw new UsageError("--throughput must be positive, or -1 for no limit");
  return {
    topic: flags.requireString("topic"),
    records: flags.integer("num-records", { min: 1 }) ?? missing("--num-records is required"),
    recordSizeBytes: flags.integer("record-size", { min: 0, max: 64 * 1024 * 1024 }) ?? missing("--record-size is required"),
    recordsPerSec: recordsPerSec < 0 ? -1 : recordsPerSec,
    producer: producerSettings(props),
    bootstrapServers,
    reportingIntervalMs: flags.integer("reporting-interval", { min: 100 }) ?? 5_000,
  };
}

function missing(message: string): never {
  throw new UsageError(message);
}
