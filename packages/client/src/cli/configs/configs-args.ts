import { CONNECTION_FLAGS, JSON_FLAG, type CommandSpec } from "../args/flag-spec.js";
import { parseKeyValues, splitConfigList } from "../args/key-values.js";
import { parseIntegerFlag, type ParsedFlags } from "../args/parsed-flags.js";
import { UsageError } from "../cli-errors.js";

/** CONFIGS_SPEC describes `tributary configs`, kafka-configs' flags for topics and brokers. */
export const CONFIGS_SPEC: CommandSpec = {
  name: "configs",
  summary: "Describe and change topic and broker configs (kafka-configs).",
  usage: [
    "configs --describe (--entity-type topics|brokers [--entity-name X | --entity-default] | --topic T | --broker B) [--all]",
    "configs --alter (--entity-type ... --entity-name X | --topic T | --broker B) [--add-config K=V,K2=[A,B]] [--delete-config K,K2]",
  ],
  flags: {
    describe: { type: "boolean", description: "print configs: overrides only, or every value with --all" },
    alter: { type: "boolean", description: "set or remove config overrides" },
    "entity-type": { type: "string", valueName: "topics|brokers", description: "what the configs belong to" },
    "entity-name": { type: "string", valueName: "X", description: "the topic name or broker id" },
    "entity-default": { type: "boolean", description: "brokers: the cluster-wide defaults" },
    topic: { type: "string", valueName: "T", description: "short for --entity-type topics --entity-name T" },
    broker: { type: "string", valueName: "B", description: "short for --entity-type brokers --entity-name B" },
    all: { type: "boolean", description: "describe: every config, defaults included" },
    "add-config": { type: "string", multiple: true, valueName: "K=V,...", description: "configs to set; a value with commas goes in brackets: k=[a,b]" },
    "delete-config": { type: "string", multiple: true, valueName: "K,...", description: "overrides to remove" },
    ...JSON_FLAG,
    ...CONNECTION_FLAGS,
  },
  examples: ["tributary configs --describe --topic orders", "tributary configs --alter --topic orders --add-config 'retention.ms=3600000,cleanup.policy=[compact,delete]'"],
};

/** ConfigEntity is a topic, a broker, or the brokers' cluster-wide defaults (name ""); no name means every one. */
export interface ConfigEntity {
  readonly type: "topic" | "broker";
  readonly name: string | undefined;
}

/** ConfigsAction is what a `tributary configs` command line asks for. */
export type ConfigsAction =
  | { readonly kind: "describe"; readonly entity: ConfigEntity; readonly all: boolean }
  | { readonly kind: "alter"; readonly entity: ConfigEntity & { readonly name: string }; readonly set: ReadonlyMap<string, string>; readonly remove: readonly string[] };

/**
 * configsAction checks a `configs` command line.
 *
 * @throws UsageError naming the flag at fault.
 */
export function configsAction(flags: ParsedFlags): ConfigsAction {
  flags.noPositionals();
  const kind = flags.oneOf(["describe", "alter"] as const, true)!;
  flags.rejectUnless(["all"], kind === "describe", "with --describe");
  flags.rejectUnless(["add-config", "delete-config"], kind === "alter", "with --alter");
  const entity = configEntity(flags);
  if (kind === "describe") return { kind, entity, all: flags.boolean("all") };
  if (entity.name === undefined) throw new UsageError("--alter needs one entity: --entity-name, --entity-default, --topic or --broker");
  const set = parseKeyValues("add-config", flags.strings("add-config").flatMap(splitConfigList));
  const remove = flags.strings("delete-config").flatMap((list) => list.split(",")).map((name) => name.trim()).filter((name) => name !== "");
  if (set.size === 0 && remove.length === 0) throw new UsageError("--alter needs --add-config or --delete-config");
  const both = remove.find((name) => set.has(name));
  if (both !== undefined) throw new UsageError(`${both} is both added and deleted`);
  return { kind, entity: { type: entity.type, name: entity.name }, set, remove };
}

function configEntity(flags: ParsedFlags): ConfigEntity {
  const shortcut = flags.oneOf(["topic", "broker", "entity-type"] as const, true)!;
  flags.rejectUnless(["entity-name", "entity-default"], shortcut === "entity-type", "with --entity-type");
  if (shortcut === "topic") return { type: "topic", name: flags.requireString("topic") };
  if (shortcut === "broker") return { type: "broker", name: String(parseIntegerFlag("broker", flags.requireString("broker"), { min: 0 })) };
  const type = flags.requireString("entity-type");
  if (type !== "topics" && type !== "brokers") throw new UsageError(`--entity-type must be topics or brokers, not "${type}"`);
  const naming = flags.oneOf(["entity-name", "entity-default"] as const, false);
  if (naming === "entity-default") {
    if (type !== "brokers") throw new UsageError("--entity-default only applies to --entity-type brokers");
    return { type: "broker", name: "" };
  }
  const name = flags.string("entity-name");
  if (type === "brokers" && name !== undefined) parseIntegerFlag("entity-name", name, { min: 0 });
  return { type: type === "topics" ? "topic" : "broker", name };
}
