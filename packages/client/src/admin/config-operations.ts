import type { Cluster } from "../cluster/cluster.js";
import type { ConfigResource__Output } from "../generated/tributary/v1/ConfigResource.js";
import type { ConfigResourceType as WireResourceType } from "../generated/tributary/v1/ConfigResourceType.js";
import type { ConfigSource__Output } from "../generated/tributary/v1/ConfigSource.js";
import { errorFromWire } from "../wire/wire-errors.js";
import { callAnyBroker, throwFailures } from "./admin-calls.js";
import type { AlterConfigsOptions, ConfigResourceType, ConfigSourceName, DescribeConfigsOptions, DescribedConfigResource } from "./admin-types.js";
import type { ItemFailure } from "../cluster/aggregate-error.js";

const RESOURCE_TO_WIRE: Record<ConfigResourceType, WireResourceType> = {
  topic: "CONFIG_RESOURCE_TYPE_TOPIC",
  broker: "CONFIG_RESOURCE_TYPE_BROKER",
};

const SOURCE_FROM_WIRE: Record<ConfigSource__Output, ConfigSourceName> = {
  CONFIG_SOURCE_UNSPECIFIED: "unknown",
  CONFIG_SOURCE_DEFAULT: "default",
  CONFIG_SOURCE_STATIC_BROKER: "static-broker",
  CONFIG_SOURCE_DYNAMIC_BROKER: "dynamic-broker",
  CONFIG_SOURCE_TOPIC: "topic",
};

function resourceType(resource: ConfigResource__Output | null): ConfigResourceType {
  return resource?.type === "CONFIG_RESOURCE_TYPE_BROKER" ? "broker" : "topic";
}

function resourceName(type: ConfigResourceType, name: string): string {
  return `${type} ${JSON.stringify(name)}`;
}

/**
 * describeConfigs reads configs of topics and brokers. The wire request carries one name filter
 * for all its resources, so resources asking for different names go in separate requests.
 *
 * @throws TributaryError (or an aggregate) for resources the controller refused.
 */
export async function describeConfigs(cluster: Cluster, options: DescribeConfigsOptions): Promise<{ resources: DescribedConfigResource[] }> {
  const groups = new Map<string, DescribeConfigsOptions["resources"][number][]>();
  for (const resource of options.resources) {
    const key = JSON.stringify([...(resource.configNames ?? [])].sort());
    groups.set(key, [...(groups.get(key) ?? []), resource]);
  }
  const failures: ItemFailure[] = [];
  const described: DescribedConfigResource[] = [];
  for (const resources of groups.values()) {
    const response = await callAnyBroker(
      cluster,
      "describeConfigs",
      (connection) =>
        connection.describeConfigs({
          resources: resources.map((resource) => ({ type: RESOURCE_TO_WIRE[resource.type], name: resource.name })),
          names: [...(resources[0]?.configNames ?? [])],
        }),
      (answer) => answer.error,
    );
    for (const result of response.results) {
      const type = resourceType(result.resource);
      const name = result.resource?.name ?? "";
      const error = errorFromWire(result.error);
      if (error !== null) {
        failures.push({ item: resourceName(type, name), error });
        continue;
      }
      described.push({
        type,
        name,
        configEntries: result.configs.map((config) => ({
          name: config.name,
          value: config.value ?? null,
          source: SOURCE_FROM_WIRE[config.source],
          isDefault: config.source === "CONFIG_SOURCE_DEFAULT",
          readOnly: config.readOnly,
          sensitive: config.sensitive,
        })),
      });
    }
  }
  throwFailures("describeConfigs", failures);
  return { resources: described };
}

/**
 * alterConfigs applies incremental changes: each entry sets a value, or deletes the override
 * (no value, or operation "delete") so the default applies again.
 *
 * @throws TributaryError (or an aggregate) for resources the controller refused.
 */
export async function alterConfigs(cluster: Cluster, options: AlterConfigsOptions): Promise<void> {
  const response = await callAnyBroker(
    cluster,
    "alterConfigs",
    (connection) =>
      connection.alterConfigs({
        validateOnly: options.validateOnly ?? false,
        resources: options.resources.map((resource) => ({
          resource: { type: RESOURCE_TO_WIRE[resource.type], name: resource.name },
          configs: resource.configEntries.map((entry) => {
            const remove = entry.operation === "delete" || (entry.operation === undefined && (entry.value === undefined || entry.value === null));
            return remove
              ? { name: entry.name, op: "ALTER_CONFIG_OP_DELETE" as const }
              : { name: entry.name, op: "ALTER_CONFIG_OP_SET" as const, value: entry.value ?? "" };
          }),
        })),
      }),
    (answer) => answer.error,
  );
  const failures: ItemFailure[] = [];
  for (const result of response.results) {
    const error = errorFromWire(result.error);
    if (error !== null) failures.push({ item: resourceName(resourceType(result.resource), result.resource?.name ?? ""), error });
  }
  throwFailures("alterConfigs", failures);
}
