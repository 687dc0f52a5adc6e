import type { ConfigRecord, ConfigResourceType } from "./records.js";

/** ConfigResource names a topic, a broker ("1"), or the cluster-wide broker default (""). */
export interface ConfigResource {
  readonly type: ConfigResourceType;
  readonly name: string;
}

/** ConfigsView is the read side of the config overrides. */
export interface ConfigsView {
  /** overrides returns the overrides set on one resource (empty when none). */
  overrides(type: ConfigResourceType, name: string): ReadonlyMap<string, string>;
  /** resources lists every resource that has at least one override. */
  resources(): ConfigResource[];
}

const NONE: ReadonlyMap<string, string> = new Map();

function keyOf(type: ConfigResourceType, name: string): string {
  return `${type}:${name}`;
}

/**
 * ConfigsImage holds config overrides: only what was set, never defaults (those live in the config
 * definitions). Only {@link ConfigsImage.replay} and {@link ConfigsImage.removeTopic} change it.
 * Invariant: a resource is present only while it has an override.
 */
export class ConfigsImage implements ConfigsView {
  readonly #byResource = new Map<string, { resource: ConfigResource; values: Map<string, string> }>();

  overrides(type: ConfigResourceType, name: string): ReadonlyMap<string, string> {
    return this.#byResource.get(keyOf(type, name))?.values ?? NONE;
  }

  resources(): ConfigResource[] {
    return [...this.#byResource.values()].map((entry) => entry.resource);
  }

  /** replay sets or deletes one override. */
  replay(record: ConfigRecord): void {
    const key = keyOf(record.resourceType, record.resourceName);
    let entry = this.#byResource.get(key);
    if (record.value === null) {
      entry?.values.delete(record.name);
      if (entry?.values.size === 0) this.#byResource.delete(key);
      return;
    }
    if (entry === undefined) {
      entry = { resource: { type: record.resourceType, name: record.resourceName }, values: new Map() };
      this.#byResource.set(key, entry);
    }
    entry.values.set(record.name, record.value);
  }

  /** removeTopic drops a deleted topic's overrides, as Kafka's RemoveTopicRecord replay does. */
  removeTopic(name: string): void {
    this.#byResource.delete(keyOf("topic", name));
  }

  /** toSnapshotRecords restates the overrides of one resource, by config name. */
  toSnapshotRecords(type: ConfigResourceType, name: string): ConfigRecord[] {
    return [...this.overrides(type, name)]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([configName, value]) => ({ type: "config", resourceType: type, resourceName: name, name: configName, value }));
  }
}
