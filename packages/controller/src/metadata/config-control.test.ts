/**
 * Goal: config overrides are validated against the known topic and broker configs, written only
 * when they change, and described with their effective value and source.
 * Method: a MetadataHarness with one topic; alterConfigs / describeConfigs round trips.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { AlterConfigsRequest } from "./config-control.js";
import { ConfigControl } from "./config-control.js";
import { DEFAULT_METADATA_CONTROL_OPTIONS } from "./metadata-options.js";
import { MetadataHarness } from "./testing/metadata-harness.js";

let harness: MetadataHarness;

beforeEach(() => {
  harness = new MetadataHarness();
  for (const id of [1, 2]) harness.startBroker(id);
  harness.createTopic("t", 1, 2);
});

function alter(...requests: AlterConfigsRequest[]): (string | null)[] {
  return harness.run(harness.control.configs.alterConfigs(requests)).map((r) => r.error?.code ?? null);
}

const topic = { type: "topic", name: "t" } as const;

describe("alterConfigs", () => {
  it("sets and deletes topic overrides, writing only what changes", () => {
    expect(alter({ resource: topic, changes: [{ name: "retention.ms", value: "60000" }, { name: "cleanup.policy", value: "compact" }] })).toEqual([null]);
    expect(harness.image.configs.overrides("topic", "t")).toEqual(new Map([["retention.ms", "60000"], ["cleanup.policy", "compact"]]));
    const again = harness.control.configs.alterConfigs([{ resource: topic, changes: [{ name: "retention.ms", value: "60000" }, { name: "segment.ms", value: null }] }]);
    expect(again.records).toEqual([]);
    const remove = harness.control.configs.alterConfigs([{ resource: topic, changes: [{ name: "retention.ms", value: null }] }]);
    expect(remove.records).toEqual([{ type: "config", resourceType: "topic", resourceName: "t", name: "retention.ms", value: null }]);
    harness.run(remove);
    expect(harness.image.configs.overrides("topic", "t")).toEqual(new Map([["cleanup.policy", "compact"]]));
  });

  it("sets broker and cluster-wide defaults under the broker-level names", () => {
    expect(alter({ resource: { type: "broker", name: "" }, changes: [{ name: "log.retention.ms", value: "1000" }] }, { resource: { type: "broker", name: "1" }, changes: [{ name: "min.insync.replicas", value: "2" }] })).toEqual([null, null]);
    expect(harness.image.configs.overrides("broker", "").get("log.retention.ms")).toBe("1000");
  });

  it("refuses unknown names, bad values, unknown topics, bad broker ids and repeated names or resources", () => {
    expect(alter({ resource: topic, changes: [{ name: "retention.msec", value: "1" }] })).toEqual(["INVALID_CONFIG"]);
    expect(alter({ resource: topic, changes: [{ name: "retention.msec", value: null }] })).toEqual(["INVALID_CONFIG"]);
    expect(alter({ resource: topic, changes: [{ name: "retention.ms", value: "-2" }] })).toEqual(["INVALID_CONFIG"]);
    expect(alter({ resource: topic, changes: [{ name: "max.message.bytes", value: "1e6" }] })).toEqual(["INVALID_CONFIG"]);
    expect(alter({ resource: topic, changes: [{ name: "min.insync.replicas", value: "3" }] })).toEqual(["INVALID_CONFIG"]);
    expect(alter({ resource: { type: "broker", name: "" }, changes: [{ name: "retention.ms", value: "1" }] })).toEqual(["INVALID_CONFIG"]);
    expect(alter({ resource: { type: "topic", name: "nope" }, changes: [] })).toEqual(["UNKNOWN_TOPIC_OR_PARTITION"]);
    expect(alter({ resource: { type: "broker", name: "01" }, changes: [] })).toEqual(["INVALID_REQUEST"]);
    expect(alter({ resource: topic, changes: [{ name: "retention.ms", value: "1" }, { name: "retention.ms", value: "2" }] })).toEqual(["INVALID_REQUEST"]);
    expect(alter({ resource: topic, changes: [] }, { resource: topic, changes: [] })).toEqual(["INVALID_REQUEST", "INVALID_REQUEST"]);
    expect(harness.image.configs.overrides("topic", "t").size).toBe(0);
  });

  it("with validateOnly writes nothing", () => {
    const result = harness.control.configs.alterConfigs([{ resource: topic, changes: [{ name: "retention.ms", value: "5" }] }], { validateOnly: true });
    expect(result.records).toEqual([]);
    expect(result.response[0]?.error).toBeNull();
  });
});

describe("describeConfigs", () => {
  it("reports each value's source: topic, cluster default, config file, built-in default", () => {
    const configs = new ConfigControl(harness.image, { ...DEFAULT_METADATA_CONTROL_OPTIONS, staticBrokerConfigs: new Map([["log.segment.bytes", "2048"]]) });
    harness.run(configs.alterConfigs([{ resource: topic, changes: [{ name: "retention.ms", value: "5" }] }]));
    harness.run(configs.alterConfigs([{ resource: { type: "broker", name: "" }, changes: [{ name: "log.retention.bytes", value: "100" }] }]));
    const [described] = configs.describeConfigs([topic]);
    const byName = new Map(described?.configs.map((c) => [c.name, c]));
    expect(byName.get("retention.ms")).toEqual({ name: "retention.ms", value: "5", source: "TOPIC" });
    expect(byName.get("retention.bytes")).toEqual({ name: "retention.bytes", value: "100", source: "DYNAMIC_DEFAULT_BROKER" });
    expect(byName.get("segment.bytes")).toEqual({ name: "segment.bytes", value: "2048", source: "STATIC_BROKER" });
    expect(byName.get("min.insync.replicas")).toEqual({ name: "min.insync.replicas", value: "1", source: "DEFAULT" });
    expect(described?.configs).toHaveLength(8);
  });

  it("describes brokers under broker-level names, a broker's own override first", () => {
    harness.run(harness.control.configs.alterConfigs([{ resource: { type: "broker", name: "" }, changes: [{ name: "log.retention.ms", value: "7" }] }]));
    harness.run(harness.control.configs.alterConfigs([{ resource: { type: "broker", name: "2" }, changes: [{ name: "log.retention.ms", value: "8" }] }]));
    const [one, two] = harness.control.configs.describeConfigs([{ type: "broker", name: "1" }, { type: "broker", name: "2" }], ["log.retention.ms"]);
    expect(one?.configs).toEqual([{ name: "log.retention.ms", value: "7", source: "DYNAMIC_DEFAULT_BROKER" }]);
    expect(two?.configs).toEqual([{ name: "log.retention.ms", value: "8", source: "DYNAMIC_BROKER" }]);
  });

  it("reports unknown topics per resource", () => {
    const [result] = harness.control.configs.describeConfigs([{ type: "topic", name: "nope" }]);
    expect(result?.error?.code).toBe("UNKNOWN_TOPIC_OR_PARTITION");
  });

  it("drops a deleted topic's overrides with the topic", () => {
    alter({ resource: topic, changes: [{ name: "retention.ms", value: "1" }] });
    harness.run(harness.control.topics.deleteTopics(["t"]));
    harness.createTopic("t", 1, 1);
    expect(harness.control.configs.topicConfigValue("t", "retention.ms")).toBe(String(7 * 24 * 3_600_000));
  });
});
