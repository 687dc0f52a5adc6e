import { describe, expect, it } from "vitest";
import type { DescribedConfigResource } from "../../admin/admin-types.js";
import { alteredLine, describeConfigLines } from "./configs-format.js";

const TOPIC: DescribedConfigResource = {
  type: "topic",
  name: "orders",
  configEntries: [
    { name: "segment.bytes", value: "1073741824", source: "default", isDefault: true, readOnly: false, sensitive: false },
    { name: "retention.ms", value: "1000", source: "topic", isDefault: false, readOnly: false, sensitive: false },
    { name: "password", value: null, source: "topic", isDefault: false, readOnly: false, sensitive: true },
  ],
};

describe("kafka-configs layout", () => {
  it("lists overrides with their source as a synonym", () => {
    expect(describeConfigLines(TOPIC, false)).toEqual([
      "Dynamic configs for topic orders are:",
      "  password=null sensitive=true synonyms={DYNAMIC_TOPIC_CONFIG:password=null}",
      "  retention.ms=1000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=1000}",
    ]);
    expect(describeConfigLines(TOPIC, true)[0]).toBe("All configs for topic orders are:");
    expect(describeConfigLines(TOPIC, true)).toContain("  segment.bytes=1073741824 sensitive=false synonyms={DEFAULT_CONFIG:segment.bytes=1073741824}");
    expect(describeConfigLines({ type: "broker", name: "", configEntries: [] }, false)).toEqual(["Default configs for brokers in the cluster are:"]);
  });

  it("confirms alterations", () => {
    expect(alteredLine({ type: "topic", name: "orders" })).toBe("Completed updating config for topic orders.");
    expect(alteredLine({ type: "broker", name: "101" })).toBe("Completed updating config for broker 101.");
    expect(alteredLine({ type: "broker", name: "" })).toBe("Completed updating default config for brokers in the cluster.");
  });
});
