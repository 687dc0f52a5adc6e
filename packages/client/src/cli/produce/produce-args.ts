import { CONNECTION_FLAGS, type CommandSpec } from "../args/flag-spec.js";
import { parseKeyValues } from "../args/key-values.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { lineReaderOptions, type LineReaderOptions } from "./line-reader.js";
import { parseAcks, parseCompression, producerSettings, type ProducerSettings } from "./producer-props.js";

/** PRODUCE_SPEC describes `tributary produce`, kafka-console-producer's flags. */
export const PRODUCE_SPEC: CommandSpec = {
  name: "produce",
  summary: "Send stdin lines to a topic, one record per line (kafka-console-producer).",
  usage: ["produce --topic T [--property parse.key=true --property key.separator=:] [--acks all|1|0] [--compression CODEC] [--sync]"],
  flags: {
    topic: { type: "string", valueName: "T", description: "the topic to write to" },
    property: {
      type: "string",
      multiple: true,
      valueName: "K=V",
      description: "line reader property: parse.key, key.separator, parse.headers, headers.delimiter, headers.separator, headers.key.separator, null.marker, ignore.error",
    },
    acks: { type: "string", valueName: "all|1|0", description: "replicas that must have a record before it counts as written (default all)" },
    compression: { type: "string", valueName: "CODEC", description: "none (default), gzip, snappy, lz4 or zstd" },
    "compression-codec": { type: "string", valueName: "CODEC", description: "Kafka's name for --compression" },
    "producer-property": { type: "string", multiple: true, valueName: "K=V", description: "a Kafka producer property, e.g. linger.ms=5 (see perf produce --help)" },
    partition: { type: "string", valueName: "P", description: "write every record to partition P instead of choosing by key" },
    sync: { type: "boolean", description: "wait for each record to be acknowledged before reading the next line" },
    ...CONNECTION_FLAGS,
  },
  examples: [
    "echo 'hello' | tributary produce --topic orders",
    "printf 'user-1:{\"n\":1}\\n' | tributary produce --topic orders --property parse.key=true --property key.separator=:",
    "printf 'trace:abc,src:web\\tk1:v1\\n' | tributary produce --topic orders --property parse.headers=true --property parse.key=true --property key.separator=:",
  ],
};

/** ProduceAction is what a `tributary produce` command line asks for. */
export interface ProduceAction {
  readonly topic: string;
  readonly reader: LineReaderOptions;
  readonly producer: ProducerSettings;
  readonly partition: number | undefined;
  readonly sync: boolean;
}

/**
 * produceAction checks a `produce` command line. --acks and --compression win over the same
 * settings given with --producer-property.
 *
 * @throws UsageError naming the flag or property at fault.
 */
export function produceAction(flags: ParsedFlags): ProduceAction {
  flags.noPositionals();
  const topic = flags.requireString("topic");
  const compressionFlag = flags.oneOf(["compression", "compression-codec"] as const, false);
  const props = parseKeyValues("producer-property", flags.strings("producer-property"));
  const acks = flags.string("acks");
  if (acks !== undefined) props.set("acks", String(parseAcks("--acks", acks)));
  if (compressionFlag !== undefined) {
    const name = flags.requireString(compressionFlag);
    parseCompression(`--${compressionFlag}`, name);
    props.set("compression.type", name);
  }
  return {
    topic,
    reader: lineReaderOptions(parseKeyValues("property", flags.strings("property"))),
    producer: producerSettings(props),
    partition: flags.integer("partition", { min: 0 }),
    sync: flags.boolean("sync"),
  };
}
