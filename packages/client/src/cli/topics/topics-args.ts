import { CONNECTION_FLAGS, JSON_FLAG, type CommandSpec } from "../args/flag-spec.js";
import { parseKeyValues } from "../args/key-values.js";
import { parseIntegerFlag, type ParsedFlags } from "../args/parsed-flags.js";
import { UsageError } from "../cli-errors.js";

/** TOPICS_SPEC describes `tributary topics`, kafka-topics' flags. */
export const TOPICS_SPEC: CommandSpec = {
  name: "topics",
  summary: "Create, list, describe, alter and delete topics (kafka-topics).",
  usage: [
    "topics --create --topic T [--partitions N] [--replication-factor R] [--config K=V ...] [--if-not-exists]",
    "topics --list [--exclude-internal]",
    "topics --describe [--topic T] [--under-replicated-partitions | --unavailable-partitions] [--json]",
    "topics --alter --topic T --partitions N",
    "topics --delete --topic T [--if-exists]",
  ],
  flags: {
    create: { type: "boolean", description: "create a topic" },
    list: { type: "boolean", description: "list topic names" },
    describe: { type: "boolean", description: "describe topics: leaders, replicas, ISR, configs" },
    alter: { type: "boolean", description: "add partitions to a topic" },
    delete: { type: "boolean", description: "delete a topic" },
    topic: { type: "string", valueName: "T", description: "the topic" },
    partitions: { type: "string", valueName: "N", description: "partition count (create: default the broker's; alter: the new total)" },
    "replication-factor": { type: "string", valueName: "R", description: "replicas per partition (default the broker's)" },
    "replica-assignment": { type: "string", valueName: "B:B,B:B", description: "explicit replicas: partitions separated by ',', brokers by ':'" },
    config: { type: "string", multiple: true, valueName: "K=V", description: "a topic config override, e.g. retention.ms=60000" },
    "if-not-exists": { type: "boolean", description: "create: succeed quietly when the topic exists" },
    "if-exists": { type: "boolean", description: "alter, delete, describe: succeed quietly when the topic does not exist" },
    "exclude-internal": { type: "boolean", description: "list, describe: leave out internal topics (__consumer_offsets)" },
    "under-replicated-partitions": { type: "boolean", description: "describe: only partitions whose ISR is smaller than their replicas" },
    "unavailable-partitions": { type: "boolean", description: "describe: only partitions without a leader" },
    ...JSON_FLAG,
    ...CONNECTION_FLAGS,
  },
  examples: [
    "tributary topics --create --topic orders --partitions 6 --replication-factor 3 --config retention.ms=86400000",
    "tributary topics --describe --topic orders",
    "tributary topics --alter --topic orders --partitions 12",
  ],
};

/** DescribeFilter narrows --describe to unhealthy partitions, as kafka-topics' filter flags do. */
export type DescribeFilter = "all" | "under-replicated" | "unavailable";

/** TopicsAction is what a `tributary topics` command line asks for. */
export type TopicsAction =
  | {
      readonly kind: "create";
      readonly topic: string;
      readonly partitions: number | undefined;
      readonly replicationFactor: number | undefined;
      readonly replicaAssignment: readonly (readonly number[])[] | undefined;
      readonly configs: ReadonlyMap<string, string>;
      readonly ifNotExists: boolean;
    }
  | { readonly kind: "list"; readonly excludeInternal: boolean }
  | { readonly kind: "describe"; readonly topic: string | undefined; readonly excludeInternal: boolean; readonly filter: DescribeFilter; readonly ifExists: boolean }
  | { readonly kind: "alter"; readonly topic: string; readonly partitions: number; readonly ifExists: boolean }
  | { readonly kind: "delete"; readonly topic: string; readonly ifExists: boolean };

/**
 * topicsAction checks a `topics` command line and returns what it asks for.
 *
 * @throws UsageError naming the missing or misplaced flag.
 */
export function topicsAction(flags: ParsedFlags): TopicsAction {
  flags.noPositionals();
  const kind = flags.oneOf(["create", "list", "describe", "alter", "delete"] as const, true)!;
  flags.rejectUnless(["replication-factor", "replica-assignment", "config", "if-not-exists"], kind === "create", "with --create");
  flags.rejectUnless(["partitions"], kind === "create" || kind === "alter", "with --create or --alter");
  flags.rejectUnless(["if-exists"], kind === "alter" || kind === "delete" || kind === "describe", "with --alter, --delete or --describe");
  flags.rejectUnless(["exclude-internal"], kind === "list" || kind === "describe", "with --list or --describe");
  flags.rejectUnless(["under-replicated-partitions", "unavailable-partitions"], kind === "describe", "with --describe");
  flags.rejectUnless(["topic"], kind !== "list", "with --create, --describe, --alter or --delete");
  switch (kind) {
    case "create": {
      const replicaAssignment = parseReplicaAssignment(flags.string("replica-assignment"));
      if (replicaAssignment !== undefined && (flags.has("partitions") || flags.has("replication-factor"))) {
        throw new UsageError("--replica-assignment cannot be combined with --partitions or --replication-factor");
      }
      return {
        kind,
        topic: flags.requireString("topic", "with --create"),
        partitions: flags.integer("partitions", { min: 1 }),
        replicationFactor: flags.integer("replication-factor", { min: 1, max: 32767 }),
        replicaAssignment,
        configs: parseKeyValues("config", flags.strings("config")),
        ifNotExists: flags.boolean("if-not-exists"),
      };
    }
    case "list":
      return { kind, excludeInternal: flags.boolean("exclude-internal") };
    case "describe": {
      const filter = flags.oneOf(["under-replicated-partitions", "unavailable-partitions"] as const, false);
      return {
        kind,
        topic: flags.string("topic"),
        excludeInternal: flags.boolean("exclude-internal"),
        filter: filter === undefined ? "all" : filter === "unavailable-partitions" ? "unavailable" : "under-replicated",
        ifExists: flags.boolean("if-exists"),
      };
    }
    case "alter":
      return {
        kind,
        topic: flags.requireString("topic", "with --alter"),
        partitions: flags.integer("partitions", { min: 1 }) ?? missing("--partitions is required with --alter (the new total partition count)"),
        ifExists: flags.boolean("if-exists"),
      };
    case "delete":
      return { kind, topic: flags.requireString("topic", "with --delete"), ifExists: flags.boolean("if-exists") };
  }
}

function missing(message: string): never {
  throw new UsageError(message);
}

/** parseReplicaAssignment reads kafka-topics' "1:2,2:3" (partition 0 on brokers 1 and 2, partition 1 on 2 and 3). */
export function parseReplicaAssignment(raw: string | undefined): number[][] | undefined {
  if (raw === undefined) return undefined;
  const partitions = raw.split(",").map((partition) => partition.split(":").map((broker) => parseIntegerFlag("replica-assignment", broker.trim(), { min: 0 })));
  const width = partitions[0]?.length ?? 0;
  partitions.forEach((replicas, index) => {
    if (replicas.length !== width) throw new UsageError(`--replica-assignment: partition ${index} has ${replicas.length} replicas, partition 0 has ${width}; every partition needs the same number`);
    if (new Set(replicas).size !== replicas.length) throw new UsageError(`--replica-assignment: partition ${index} lists a broker twice`);
  });
  return partitions;
}
