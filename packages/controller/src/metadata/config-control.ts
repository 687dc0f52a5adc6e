import { TributaryError } from "@tributary/client/internal/errors";
import type { ConfigResource } from "./configs-image.js";
import { itemError, resultOf, type ControllerResult } from "./controller-result.js";
import { countBy } from "./count-by.js";
import { INT32_MAX } from "./json-fields.js";
import type { MetadataImage } from "./metadata-image.js";
import type { MetadataControlOptions } from "./metadata-options.js";
import type { ConfigRecord } from "./records.js";
import { BROKER_CONFIGS, parseConfigBoolean, parseConfigInteger, TOPIC_CONFIGS, type TopicConfigDefinition } from "./topic-configs.js";

/**
 * ConfigSource says where a described value comes from, highest precedence first: a topic override,
 * a broker's own dynamic override, the cluster-wide dynamic default (broker resource ""), the
 * controller's config file, the built-in default (Kafka's ConfigSource).
 */
export type ConfigSource = "TOPIC" | "DYNAMIC_BROKER" | "DYNAMIC_DEFAULT_BROKER" | "STATIC_BROKER" | "DEFAULT";

/** DescribedConfig is one config value with its source. */
export interface DescribedConfig {
  readonly name: string;
  readonly value: string;
  readonly source: ConfigSource;
}

/** ConfigChange sets a config override, or deletes it when `value` is null (IncrementalAlterConfigs SET / DELETE). */
export interface ConfigChange {
  readonly name: string;
  readonly value: string | null;
}

/** AlterConfigsRequest is the changes to one resource. */
export interface AlterConfigsRequest {
  readonly resource: ConfigResource;
  readonly changes: readonly ConfigChange[];
}

/** AlterConfigsResult is the outcome for one resource: error null means its changes are written. */
export interface AlterConfigsResult {
  readonly resource: ConfigResource;
  readonly error: TributaryError | null;
}

/** DescribeConfigsResult is one resource's configs, or why they cannot be described. */
export interface DescribeConfigsResult {
  readonly resource: ConfigResource;
  readonly error: TributaryError | null;
  readonly configs: readonly DescribedConfig[];
}

/** CLUSTER_DEFAULT is the broker resource name of cluster-wide dynamic defaults. */
const CLUSTER_DEFAULT = "";

/**
 * ConfigControl validates, changes and describes config overrides of topics and brokers (Kafka's
 * ConfigurationControlManager). It also answers what a topic's effective config is, for the other
 * managers. Pure: it reads the image and returns records.
 */
export class ConfigControl {
  readonly #image: MetadataImage;
  readonly #options: MetadataControlOptions;

  constructor(image: MetadataImage, options: MetadataControlOptions) {
    this.#image = image;
    this.#options = options;
  }

  /**
   * alterConfigs applies incremental changes, each resource independently: a resource with any bad
   * change writes nothing. Errors: INVALID_REQUEST (a resource named twice, a config changed twice,
   * a bad broker id), UNKNOWN_TOPIC_OR_PARTITION, INVALID_CONFIG (unknown name, bad value,
   * min.insync.replicas above the topic's replication factor). With `validateOnly` nothing is written.
   */
  alterConfigs(requests: readonly AlterConfigsRequest[], options: { validateOnly?: boolean } = {}): ControllerResult<AlterConfigsResult[]> {
    const records: ConfigRecord[] = [];
    const seen = countBy(requests.map((r) => `${r.resource.type}:${r.resource.name}`));
    const results = requests.map((request): AlterConfigsResult => {
      const { resource } = request;
      try {
        if ((seen.get(`${resource.type}:${resource.name}`) ?? 0) > 1) throw new TributaryError("INVALID_REQUEST", `resource ${resource.type} "${resource.name}" named twice`);
        const changes = this.#validateChanges(request);
        if (options.validateOnly !== true) records.push(...changes);
        return { resource, error: null };
      } catch (error) {
        return { resource, error: itemError(error) };
      }
    });
    return resultOf(records, results);
  }

  /**
   * describeConfigs returns every config of each resource (or only `names`, skipping unknown ones)
   * with its effective value and source.
   */
  describeConfigs(resources: readonly ConfigResource[], names?: readonly string[]): DescribeConfigsResult[] {
    return resources.map((resource) => {
      try {
        const configs = resource.type === "topic" ? this.#describeTopic(resource.name) : this.#describeBroker(resource.name);
        return { resource, error: null, configs: names === undefined || names.length === 0 ? configs : configs.filter((c) => names.includes(c.name)) };
      } catch (error) {
        return { resource, error: itemError(error), configs: [] };
      }
    });
  }

  /**
   * topicConfigsProblem validates the configs of a topic about to be created, or returns null:
   * INVALID_CONFIG for an unknown name, a bad value, or min.insync.replicas above `replicationFactor`
   * (only an explicit topic value is checked; a cluster default applies to every topic alike).
   */
  topicConfigsProblem(configs: ReadonlyMap<string, string>, replicationFactor: number): TributaryError | null {
    for (const [name, value] of configs) {
      const problem = topicValueProblem(name, value);
      if (problem !== null) return problem;
    }
    return minIsrProblem(configs.get("min.insync.replicas"), replicationFactor);
  }

  /** describeNewTopic describes the configs a topic created with `overrides` will have. */
  describeNewTopic(overrides: ReadonlyMap<string, string>): DescribedConfig[] {
    return [...TOPIC_CONFIGS.values()].map((definition) => {
      const value = overrides.get(definition.name);
      return value === undefined ? this.#brokerDefault(definition, CLUSTER_DEFAULT) : { name: definition.name, value, source: "TOPIC" };
    });
  }

  /** topicConfigValue is the effective value of a topic's config (TOPIC_CONFIGS names only). */
  topicConfigValue(topicName: string, name: string): string {
    const definition = TOPIC_CONFIGS.get(name);
    if (definition === undefined) throw new TributaryError("INVALID_CONFIG", `unknown topic config ${name}`);
    return this.#image.configs.overrides("topic", topicName).get(name) ?? this.#brokerDefault(definition, CLUSTER_DEFAULT).value;
  }

  /** uncleanElectionAllowed tells whether a topic may elect a leader from outside its ISR (default false). */
  uncleanElectionAllowed(topicName: string): boolean {
    return parseConfigBoolean(this.topicConfigValue(topicName, "unclean.leader.election.enable")) === true;
  }

  #validateChanges(request: AlterConfigsRequest): ConfigRecord[] {
    const { resource } = request;
    const names = countBy(request.changes.map((c) => c.name));
    for (const [name, count] of names) {
      if (count > 1) throw new TributaryError("INVALID_REQUEST", `config ${name} changed twice`);
    }
    let current: ReadonlyMap<string, string>;
    if (resource.type === "topic") {
      const topic = this.#image.topics.topicByName(resource.name);
      if (topic === undefined) throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `no topic ${resource.name}`);
      for (const change of request.changes) {
        if (change.value === null) {
          if (!TOPIC_CONFIGS.has(change.name)) throw new TributaryError("INVALID_CONFIG", `unknown topic config ${change.name}`);
        } else {
          const problem = topicValueProblem(change.name, change.value);
          if (problem !== null) throw problem;
        }
      }
      current = this.#image.configs.overrides("topic", resource.name);
      const minIsr = request.changes.find((c) => c.name === "min.insync.replicas");
      if (minIsr !== undefined && minIsr.value !== null) {
        const replicationFactor = Math.min(...topic.partitions.map((p) => p.replicas.length));
        const problem = minIsrProblem(minIsr.value, replicationFactor);
        if (problem !== null) throw problem;
      }
    } else {
      if (!isBrokerResourceName(resource.name)) throw new TributaryError("INVALID_REQUEST", `"${resource.name}" is not a broker id or "" (cluster default)`);
      for (const change of request.changes) {
        const definition = BROKER_CONFIGS.get(change.name);
        if (definition === undefined) throw new TributaryError("INVALID_CONFIG", `unknown broker config ${change.name}`);
        const problem = change.value === null ? null : definition.problem(change.value);
        if (problem !== null) throw new TributaryError("INVALID_CONFIG", `${change.name}: ${problem}`);
      }
      current = this.#image.configs.overrides("broker", resource.name);
    }
    // Writing only what changes keeps a repeated request idempotent and the log short.
    return request.changes
      .filter((change) => (change.value === null ? current.has(change.name) : current.get(change.name) !== change.value))
      .map((change) => ({ type: "config", resourceType: resource.type, resourceName: resource.name, name: change.name, value: change.value }));
  }

  #describeTopic(name: string): DescribedConfig[] {
    if (this.#image.topics.topicByName(name) === undefined) throw new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `no topic ${name}`);
    return this.describeNewTopic(this.#image.configs.overrides("topic", name));
  }

  #describeBroker(name: string): DescribedConfig[] {
    if (!isBrokerResourceName(name)) throw new TributaryError("INVALID_REQUEST", `"${name}" is not a broker id or "" (cluster default)`);
    return [...BROKER_CONFIGS.values()].map((definition) => {
      const described = this.#brokerDefault(definition, name);
      return { ...described, name: definition.brokerName };
    });
  }

  /** #brokerDefault resolves a config below the topic level, as broker `brokerName` ("" for the cluster) sees it. */
  #brokerDefault(definition: TopicConfigDefinition, brokerName: string): DescribedConfig {
    const name = definition.name;
    if (brokerName !== CLUSTER_DEFAULT) {
      const own = this.#image.configs.overrides("broker", brokerName).get(definition.brokerName);
      if (own !== undefined) return { name, value: own, source: "DYNAMIC_BROKER" };
    }
    const cluster = this.#image.configs.overrides("broker", CLUSTER_DEFAULT).get(definition.brokerName);
    if (cluster !== undefined) return { name, value: cluster, source: "DYNAMIC_DEFAULT_BROKER" };
    const fromFile = this.#options.staticBrokerConfigs.get(definition.brokerName);
    if (fromFile !== undefined) return { name, value: fromFile, source: "STATIC_BROKER" };
    return { name, value: definition.defaultValue, source: "DEFAULT" };
  }
}

function topicValueProblem(name: string, value: string): TributaryError | null {
  const definition = TOPIC_CONFIGS.get(name);
  if (definition === undefined) return new TributaryError("INVALID_CONFIG", `unknown topic config ${name}`);
  const problem = definition.problem(value);
  return problem === null ? null : new TributaryError("INVALID_CONFIG", `${name}: ${problem}`);
}

function minIsrProblem(value: string | undefined, replicationFactor: number): TributaryError | null {
  if (value === undefined) return null;
  const minIsr = parseConfigInteger(value);
  return minIsr !== null && minIsr > replicationFactor
    ? new TributaryError("INVALID_CONFIG", `min.insync.replicas ${minIsr} is above the replication factor ${replicationFactor}`)
    : null;
}

function isBrokerResourceName(name: string): boolean {
  if (name === CLUSTER_DEFAULT) return true;
  const id = parseConfigInteger(name);
  return id !== null && id >= 0 && id <= INT32_MAX && String(id) === name;
}
