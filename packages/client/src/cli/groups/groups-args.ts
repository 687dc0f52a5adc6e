import { CONNECTION_FLAGS, JSON_FLAG, type CommandSpec } from "../args/flag-spec.js";
import { parseIntegerFlag, type ParsedFlags } from "../args/parsed-flags.js";
import { UsageError } from "../cli-errors.js";
import { parseDurationMs } from "./reset-plan.js";

/** GROUPS_SPEC describes `tributary groups`, kafka-consumer-groups' flags. */
export const GROUPS_SPEC: CommandSpec = {
  name: "groups",
  summary: "List, describe, reset and delete consumer groups (kafka-consumer-groups).",
  usage: [
    "groups --list [--state]",
    "groups --describe --group G [--members [--verbose] | --state]",
    "groups --reset-offsets --group G (--topic T[:P,P] ... | --all-topics) SPEC [--dry-run | --execute]",
    "    SPEC: --to-earliest | --to-latest | --to-current | --to-offset N | --shift-by N | --to-datetime ISO | --by-duration PnDTnHnMnS",
    "groups --delete --group G [--group G ...]",
  ],
  flags: {
    list: { type: "boolean", description: "list consumer groups" },
    describe: { type: "boolean", description: "describe a group: its lag per partition (default), members, or state" },
    "reset-offsets": { type: "boolean", description: "move a group's committed offsets (the group must have no members)" },
    delete: { type: "boolean", description: "delete groups that have no members" },
    group: { type: "string", multiple: true, valueName: "G", description: "the group" },
    members: { type: "boolean", description: "describe: the members and how many partitions each has" },
    verbose: { type: "boolean", description: "describe --members: also each member's assignment" },
    state: { type: "boolean", description: "describe: the coordinator, assignor, state and member count; list: each group's state" },
    topic: { type: "string", multiple: true, valueName: "T[:P,P]", description: "reset: a topic, optionally only some partitions" },
    "all-topics": { type: "boolean", description: "reset: every topic the group has committed offsets for" },
    "to-earliest": { type: "boolean", description: "reset to each partition's earliest offset" },
    "to-latest": { type: "boolean", description: "reset to each partition's end" },
    "to-current": { type: "boolean", description: "reset to the committed offsets (the end where none is)" },
    "to-offset": { type: "string", valueName: "N", description: "reset to offset N (kept within each partition's range)" },
    "shift-by": { type: "string", valueName: "N", description: "move the committed offsets by N (negative moves back)" },
    "to-datetime": { type: "string", valueName: "ISO", description: "reset to the first offset at or after a time, e.g. 2025-01-31T12:00:00.000 (local) or ...Z" },
    "by-duration": { type: "string", valueName: "PnDTnHnMnS", description: "reset to the first offset at or after that long ago, e.g. PT1H" },
    "dry-run": { type: "boolean", description: "reset: only print the new offsets (the default)" },
    execute: { type: "boolean", description: "reset: commit the new offsets" },
    ...JSON_FLAG,
    ...CONNECTION_FLAGS,
  },
  examples: [
    "tributary groups --describe --group billing",
    "tributary groups --reset-offsets --group billing --topic orders --to-earliest --execute",
    "tributary groups --reset-offsets --group billing --topic orders:0,1 --shift-by -100 --dry-run",
  ],
};

/** ResetSpec is where --reset-offsets moves a partition. Times are resolved to ms when parsed. */
export type ResetSpec =
  | { readonly kind: "earliest" }
  | { readonly kind: "latest" }
  | { readonly kind: "current" }
  | { readonly kind: "offset"; readonly offset: bigint }
  | { readonly kind: "shift"; readonly by: bigint }
  | { readonly kind: "timestamp"; readonly timestampMs: number };

/** TopicScope is a topic of a reset, with the partitions asked for (all when undefined). */
export interface TopicScope {
  readonly topic: string;
  readonly partitions: readonly number[] | undefined;
}

/** GroupsAction is what a `tributary groups` command line asks for. */
export type GroupsAction =
  | { readonly kind: "list"; readonly withState: boolean }
  | { readonly kind: "describe"; readonly group: string; readonly view: "offsets" | "members" | "state"; readonly verbose: boolean }
  | { readonly kind: "reset"; readonly group: string; readonly topics: readonly TopicScope[] | "all"; readonly spec: ResetSpec; readonly execute: boolean; readonly dryRunImplied: boolean }
  | { readonly kind: "delete"; readonly groups: readonly string[] };

const RESET_FLAGS = ["to-earliest", "to-latest", "to-current", "to-offset", "shift-by", "to-datetime", "by-duration"] as const;

/**
 * groupsAction checks a `groups` command line. `nowMs` resolves --by-duration.
 *
 * @throws UsageError naming the missing or misplaced flag.
 */
export function groupsAction(flags: ParsedFlags, nowMs: number): GroupsAction {
  flags.noPositionals();
  const kind = flags.oneOf(["list", "describe", "reset-offsets", "delete"] as const, true)!;
  flags.rejectUnless(["topic", "all-topics", ...RESET_FLAGS, "dry-run", "execute"], kind === "reset-offsets", "with --reset-offsets");
  flags.rejectUnless(["members", "verbose"], kind === "describe", "with --describe");
  flags.rejectUnless(["state"], kind === "describe" || kind === "list", "with --describe or --list");
  flags.rejectUnless(["group"], kind !== "list", "with --describe, --reset-offsets or --delete");
  const groups = flags.strings("group");
  const oneGroup = (context: string): string => {
    if (groups.length === 0 || groups[0] === "") throw new UsageError(`--group is required ${context}`);
    if (groups.length > 1) throw new UsageError(`give one --group ${context}`);
    return groups[0]!;
  };
  switch (kind) {
    case "list":
      return { kind: "list", withState: flags.boolean("state") };
    case "describe": {
      const view = flags.oneOf(["members", "state"] as const, false) ?? "offsets";
      flags.rejectUnless(["verbose"], view === "members", "with --members");
      return { kind: "describe", group: oneGroup("with --describe"), view, verbose: flags.boolean("verbose") };
    }
    case "reset-offsets": {
      const group = oneGroup("with --reset-offsets");
      const scope = flags.oneOf(["topic", "all-topics"] as const, true);
      const mode = flags.oneOf(["dry-run", "execute"] as const, false);
      return {
        kind: "reset",
        group,
        topics: scope === "all-topics" ? "all" : flags.strings("topic").map(parseTopicScope),
        spec: resetSpec(flags, nowMs),
        execute: mode === "execute",
        dryRunImplied: mode === undefined,
      };
    }
    case "delete":
      if (groups.length === 0 || groups.some((group) => group === "")) throw new UsageError("--group is required with --delete");
      return { kind: "delete", groups };
  }
}

function resetSpec(flags: ParsedFlags, nowMs: number): ResetSpec {
  const flag = flags.oneOf(RESET_FLAGS, true)!;
  switch (flag) {
    case "to-earliest":
      return { kind: "earliest" };
    case "to-latest":
      return { kind: "latest" };
    case "to-current":
      return { kind: "current" };
    case "to-offset": {
      const offset = flags.bigint("to-offset")!;
      if (offset < 0n) throw new UsageError(`--to-offset must not be negative, not ${offset}`);
      return { kind: "offset", offset };
    }
    case "shift-by":
      return { kind: "shift", by: flags.bigint("shift-by")! };
    case "to-datetime":
      return { kind: "timestamp", timestampMs: parseDateTimeMs(flags.requireString("to-datetime")) };
    case "by-duration":
      return { kind: "timestamp", timestampMs: nowMs - parseDurationMs(flags.requireString("by-duration")) };
  }
}

/** parseTopicScope reads `--topic t` or `--topic t:0,2`. */
export function parseTopicScope(raw: string): TopicScope {
  const colon = raw.lastIndexOf(":");
  if (colon < 0) return { topic: raw, partitions: undefined };
  const topic = raw.slice(0, colon);
  if (topic === "") throw new UsageError(`--topic "${raw}" names no topic`);
  const partitions = raw.slice(colon + 1).split(",").map((partition) => parseIntegerFlag("topic", partition.trim(), { min: 0 }));
  return { topic, partitions: [...new Set(partitions)].sort((a, b) => a - b) };
}

/**
 * parseDateTimeMs reads kafka-consumer-groups' --to-datetime: ISO 8601, local time unless it
 * names a zone ("Z" or "+02:00").
 */
export function parseDateTimeMs(raw: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(raw)) {
    throw new UsageError(`--to-datetime must look like 2025-01-31T12:00:00.000 (local time), with an optional Z or +hh:mm, not "${raw}"`);
  }
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new UsageError(`--to-datetime "${raw}" is not a valid time`);
  return ms;
}
