import { describe, expect, it } from "vitest";
import { brokerConfigFromProperties } from "./broker-config.js";

const base = {
  "node.id": "101",
  "controller.quorum.voters": "1@localhost:9191,2@localhost:9192,3@localhost:9193",
  listeners: "PLAINTEXT://0.0.0.0:9092",
  "advertised.listeners": "PLAINTEXT://localhost:9092",
  "log.dirs": "/tmp/b101",
};

describe("broker config", () => {
  it("reads Kafka's property names with Kafka's defaults", () => {
    const config = brokerConfigFromProperties(new Map(Object.entries(base)));
    expect(config.nodeId).toBe(101);
    expect(config.advertisedListeners).toEqual([{ name: "PLAINTEXT", host: "localhost", port: 9092 }]);
    expect(config.logDefaults.segmentBytesMax).toBe(1024 ** 3);
    expect(config.logDefaults.retentionMs).toBe(168 * 3_600_000);
    expect(config.flushBeforeAck).toBe(true);
  });

  it("derives millisecond settings from hour settings", () => {
    const config = brokerConfigFromProperties(new Map(Object.entries({ ...base, "log.retention.hours": "1" })));
    expect(config.logDefaults.retentionMs).toBe(3_600_000);
  });

  it("refuses inconsistent listeners and unknown properties", () => {
    expect(() => brokerConfigFromProperties(new Map(Object.entries({ ...base, "advertised.listeners": "EXTERNAL://h:1" })))).toThrow(/not in listeners/);
    expect(() => brokerConfigFromProperties(new Map(Object.entries({ ...base, "log.retention.hour": "1" })))).toThrow(/unknown config property/);
    expect(() => brokerConfigFromProperties(new Map(Object.entries({ ...base, "log.dirs": "" })))).toThrow(/log.dirs is required/);
  });
});
