import { CONNECTION_FLAGS, JSON_FLAG, type CommandSpec } from "../args/flag-spec.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { UsageError } from "../cli-errors.js";

/** PERF_CONSUME_SPEC describes `tributary perf consume`, kafka-consumer-perf-test's flags. */
export const PERF_CONSUME_SPEC: CommandSpec = {
  name: "perf consume",
  summary: "Measure consumer throughput (kafka-consumer-perf-test).",
  usage: ["perf consume --topic T --messages N [--group G] [--from-latest] [--timeout MS] [--fetch-size B] [--hide-header] [--json]"],
  flags: {
    topic: { type: "string", valueName: "T", description: "the topic to read" },
    messages: { type: "string", valueName: "N", description: "how many records to read" },
    group: { type: "string", valueName: "G", description: "the consumer group (default perf-consumer-<random>)" },
    "from-latest": { type: "boolean", description: "start at the end instead of the earliest offset (where the group has no committed one)" },
    timeout: { type: "string", valueName: "MS", description: "give up when no record arrived for MS (default 10000)" },
    "fetch-size": { type: "string", valueName: "B", description: "bytes per partition per fetch (default 1048576)" },
    "hide-header": { type: "boolean", description: "print the result line without the header line" },
    ...JSON_FLAG,
    ...CONNECTION_FLAGS,
  },
  examples: ["tributary perf consume --topic perf --messages 1000000", "tributary perf consume --topic perf --messages 50000 --group bench --fetch-size 4194304"],
};

/** PerfConsumeAction is what a `perf consume` command line asks for. */
export interface PerfConsumeAction {
  readonly topic: string;
  readonly messages: number;
  readonly groupId: string;
  readonly fromBeginning: boolean;
  readonly idleTimeoutMs: number;
  readonly fetchSizeBytes: number;
  readonly hideHeader: boolean;
}

/**
 * perfConsumeAction checks a `perf consume` command line; `randomSuffix` names the default group.
 *
 * @throws UsageError naming the flag at fault.
 */
export function perfConsumeAction(flags: ParsedFlags, randomSuffix: string): PerfConsumeAction {
  flags.noPositionals();
  const group = flags.string("group");
  if (group === "") throw new UsageError("--group must not be empty");
  return {
    topic: flags.requireString("topic"),
    messages: flags.integer("messages", { min: 1 }) ?? missing("--messages is required"),
    groupId: group ?? `perf-consumer-${randomSuffix}`,
    fromBeginning: !flags.boolean("from-latest"),
    idleTimeoutMs: flags.integer("timeout", { min: 1 }) ?? 10_000,
    fetchSizeBytes: flags.integer("fetch-size", { min: 1024 }) ?? 1024 * 1024,
    hideHeader: flags.boolean("hide-header"),
  };
}

function missing(message: string): never {
  throw new UsageError(message);
}
