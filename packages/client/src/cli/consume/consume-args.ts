import { CONNECTION_FLAGS, JSON_FLAG, type CommandSpec } from "../args/flag-spec.js";
import { parseKeyValues } from "../args/key-values.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { UsageError } from "../cli-errors.js";
import { formatterOptions, type FormatterOptions } from "./message-formatter.js";

/** CONSUME_SPEC describes `tributary consume`, kafka-console-consumer's flags. */
export const CONSUME_SPEC: CommandSpec = {
  name: "consume",
  summary: "Print a topic's records (kafka-console-consumer).",
  usage: [
    "consume --topic T [--group G] [--from-beginning] [--max-messages N] [--timeout-ms MS] [--property print.key=true ...] [--json]",
    "consume --topic T --partition P [--offset earliest|latest|N] [--max-messages N] [--timeout-ms MS]",
  ],
  flags: {
    topic: { type: "string", valueName: "T", description: "the topic to read" },
    group: { type: "string", valueName: "G", description: "read as a member of group G and commit offsets (else read every partition, committing nothing)" },
    "from-beginning": { type: "boolean", description: "start at the earliest offset where there is no committed one (default: the end)" },
    partition: { type: "string", valueName: "P", description: "read only partition P" },
    offset: { type: "string", valueName: "earliest|latest|N", description: "with --partition: where to start (default latest, or earliest with --from-beginning)" },
    "max-messages": { type: "string", valueName: "N", description: "exit after N records" },
    property: {
      type: "string",
      multiple: true,
      valueName: "K=V",
      description: "formatter property: print.timestamp, print.partition, print.offset, print.headers, print.key, print.value, key.separator, line.separator, headers.separator, null.literal",
    },
    ...JSON_FLAG,
    ...CONNECTION_FLAGS,
    "timeout-ms": { type: "string", valueName: "MS", description: "exit when no record arrived for MS (default: wait for ever); also bounds connecting (default 10000)" },
  },
  examples: [
    "tributary consume --topic orders --from-beginning --max-messages 10",
    "tributary consume --topic orders --group billing --property print.key=true --property print.offset=true",
    "tributary consume --topic orders --partition 0 --offset 42 --max-messages 1 --json",
  ],
};

/** StartOffset is where --offset starts a partition. */
export type StartOffset = "earliest" | "latest" | bigint;

/** ConsumeAction is what a `tributary consume` command line asks for. */
export interface ConsumeAction {
  readonly topic: string;
  readonly group: string | undefined;
  readonly fromBeginning: boolean;
  readonly partition: number | undefined;
  readonly offset: StartOffset | undefined;
  readonly maxMessages: number | undefined;
  readonly formatter: FormatterOptions;
}

/**
 * consumeAction checks a `consume` command line with kafka-console-consumer's rules: --offset
 * needs --partition and excludes --from-beginning; --partition excludes --group.
 *
 * @throws UsageError naming the flag at fault.
 */
export function consumeAction(flags: ParsedFlags): ConsumeAction {
  flags.noPositionals();
  if (flags.has("partition") && flags.has("group")) throw new UsageError("--partition and --group cannot be combined: a group's coordinator assigns its partitions");
  if (flags.has("offset") && !flags.has("partition")) throw new UsageError("--offset needs --partition");
  if (flags.has("offset") && flags.boolean("from-beginning")) throw new UsageError("--offset and --from-beginning cannot be combined");
  const group = flags.string("group");
  if (group === "") throw new UsageError("--group must not be empty");
  return {
    topic: flags.requireString("topic"),
    group,
    fromBeginning: flags.boolean("from-beginning"),
    partition: flags.integer("partition", { min: 0 }),
    offset: parseStartOffset(flags.string("offset")),
    maxMessages: flags.integer("max-messages", { min: 1 }),
    formatter: formatterOptions(parseKeyValues("property", flags.strings("property"))),
  };
}

/** parseStartOffset reads --offset: earliest, latest or a non-negative offset. */
export function parseStartOffset(raw: string | undefined): StartOffset | undefined {
  if (raw === undefined) return undefined;
  if (raw === "earliest" || raw === "latest") return raw;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--offset must be earliest, latest or a non-negative offset, not "${raw}"`);
  const offset = BigInt(raw);
  if (offset >= 2n ** 63n) throw new UsageError(`--offset ${raw} does not fit in 64 bits`);
  return offset;
}
