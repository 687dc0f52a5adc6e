import { INT32_MAX } from "./json-fields.js";

/**
 * TopicConfigDefinition is one per-topic config: its topic-level name, the broker-level property
 * that sets its cluster default (Kafka's "synonym"), its built-in default and its validator.
 */
export interface TopicConfigDefinition {
  readonly name: string;
  readonly brokerName: string;
  readonly defaultValue: string;
  /** problem returns why `value` is not acceptable, or null. */
  problem(value: string): string | null;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** parseConfigInteger reads a decimal integer config value, or returns null if it is not one. */
export function parseConfigInteger(value: string): number | null {
  if (!INTEGER.test(value)) return null;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/** parseConfigBoolean reads "true" or "false" in any case (as Kafka's ConfigDef does), or returns null. */
export function parseConfigBoolean(value: string): boolean | null {
  const lower = value.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : null;
}

function integerIn(min: number, max: number): (value: string) => string | null {
  return (value) => {
    const parsed = parseConfigInteger(value);
    if (parsed === null) return `"${value}" is not an integer`;
    return parsed < min || parsed > max ? `${parsed} is outside [${min}, ${max}]` : null;
  };
}

function booleanValue(value: string): string | null {
  return parseConfigBoolean(value) === null ? `"${value}" is not true or false` : null;
}

/** cleanup.policy is a list: "delete", "compact", or both ("compact,delete"). */
function cleanupPolicy(value: string): string | null {
  const items = value.split(",").map((item) => item.trim());
  if (!items.every((item) => item === "delete" || item === "compact")) return `"${value}" is not a list of delete and compact`;
  return new Set(items).size === items.length ? null : `"${value}" names a policy twice`;
}

const MS_MAX = Number.MAX_SAFE_INTEGER;
const WEEK_MS = 7 * 24 * 3_600_000;

const DEFINITIONS: readonly TopicConfigDefinition[] = [
  { name: "retention.ms", brokerName: "log.retention.ms", defaultValue: String(WEEK_MS), problem: integerIn(-1, MS_MAX) },
  { name: "retention.bytes", brokerName: "log.retention.bytes", defaultValue: "-1", problem: integerIn(-1, Number.MAX_SAFE_INTEGER) },
  { name: "segment.bytes", brokerName: "log.segment.bytes", defaultValue: String(1024 ** 3), problem: integerIn(14, INT32_MAX) },
  { name: "segment.ms", brokerName: "log.roll.ms", defaultValue: String(WEEK_MS), problem: integerIn(1, MS_MAX) },
  { name: "min.insync.replicas", brokerName: "min.insync.replicas", defaultValue: "1", problem: integerIn(1, INT32_MAX) },
  { name: "cleanup.policy", brokerName: "log.cleanup.policy", defaultValue: "delete", problem: cleanupPolicy },
  { name: "unclean.leader.election.enable", brokerName: "unclean.leader.election.enable", defaultValue: "false", problem: booleanValue },
  { name: "max.message.bytes", brokerName: "message.max.bytes", defaultValue: String(1024 * 1024 + 12), problem: integerIn(0, INT32_MAX) },
];

/** TOPIC_CONFIGS are the per-topic configs, by topic-level name (retention.ms, ...). */
export const TOPIC_CONFIGS: ReadonlyMap<string, TopicConfigDefinition> = new Map(DEFINITIONS.map((d) => [d.name, d]));

/** BROKER_CONFIGS are the same configs by broker-level name (log.retention.ms, ...): what a broker resource may set. */
export const BROKER_CONFIGS: ReadonlyMap<string, TopicConfigDefinition> = new Map(DEFINITIONS.map((d) => [d.brokerName, d]));
