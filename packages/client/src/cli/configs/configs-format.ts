import type { ConfigSourceName, DescribedConfigEntry, DescribedConfigResource } from "../../admin/admin-types.js";

const SYNONYM_SOURCE: Readonly<Record<ConfigSourceName, string>> = {
  topic: "DYNAMIC_TOPIC_CONFIG",
  "dynamic-broker": "DYNAMIC_BROKER_CONFIG",
  "static-broker": "STATIC_BROKER_CONFIG",
  default: "DEFAULT_CONFIG",
  unknown: "UNKNOWN",
};

/** entityLabel names a config resource as kafka-configs does: "topic orders", "broker 1". */
export function entityLabel(resource: Pick<DescribedConfigResource, "type" | "name">): string {
  if (resource.type === "broker" && resource.name === "") return "brokers in the cluster";
  return `${resource.type} ${resource.name}`;
}

/** isOverride tells whether a config was set on the resource itself (what "Dynamic configs" lists). */
export function isOverride(entry: DescribedConfigEntry): boolean {
  return entry.source === "topic" || entry.source === "dynamic-broker";
}

/**
 * configLine is kafka-configs' line for one config:
 * `  name=value sensitive=false synonyms={SOURCE:name=value}`; sensitive values print as null.
 */
export function configLine(entry: DescribedConfigEntry): string {
  const value = entry.sensitive ? "null" : (entry.value ?? "null");
  return `  ${entry.name}=${value} sensitive=${entry.sensitive} synonyms={${SYNONYM_SOURCE[entry.source]}:${entry.name}=${value}}`;
}

/** describeConfigLines prints a resource's overrides ("Dynamic configs for ... are:") or, with `all`, every config. */
export function describeConfigLines(resource: DescribedConfigResource, all: boolean): string[] {
  const heading = resource.type === "broker" && resource.name === "" ? `Default configs for brokers in the cluster are:` : `${all ? "All" : "Dynamic"} configs for ${entityLabel(resource)} are:`;
  const entries = resource.configEntries.filter((entry) => all || isOverride(entry)).sort((a, b) => a.name.localeCompare(b.name));
  return [heading, ...entries.map(configLine)];
}

/** alteredLine is kafka-configs' confirmation of an --alter. */
export function alteredLine(resource: Pick<DescribedConfigResource, "type" | "name">): string {
  if (resource.type === "broker" && resource.name === "") return "Completed updating default config for brokers in the cluster.";
  return `Completed updating config for ${entityLabel(resource)}.`;
}
