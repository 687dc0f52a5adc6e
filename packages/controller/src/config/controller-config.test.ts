import { describe, expect, it } from "vitest";
import { controllerConfigFromProperties, loadControllerConfig } from "./controller-config.js";

const base = {
  "node.id": "2",
  "controller.quorum.voters": "1@localhost:9191,2@localhost:9192,3@localhost:9193",
  listeners: "CONTROLLER://0.0.0.0:9192",
  "metadata.log.dir": "/tmp/c2",
};

describe("controller config", () => {
  it("reads Kafka's property names with defaults", () => {
    const config = controllerConfigFromProperties(new Map(Object.entries(base)));
    expect(config.nodeId).toBe(2);
    expect(config.listener).toEqual({ name: "CONTROLLER", host: "0.0.0.0", port: 9192 });
    expect(config.voters).toHaveLength(3);
    expect(config.dataDir).toBe("/tmp/c2");
    expect(config.brokerSessionTimeoutMs).toBe(9_000);
  });

  it("refuses a node that is not a voter, unknown names and bad timeouts", () => {
    expect(() => controllerConfigFromProperties(new Map(Object.entries({ ...base, "node.id": "4" })))).toThrow(/not among/);
    expect(() => controllerConfigFromProperties(new Map(Object.entries({ ...base, "controler.typo": "1" })))).toThrow(/unknown config property: controler.typo/);
    expect(() =>
      controllerConfigFromProperties(new Map(Object.entries({ ...base, "controller.quorum.election.timeout.ms": "100", "controller.quorum.heartbeat.interval.ms": "80" }))),
    ).toThrow(/twice/);
  });

  it("lets TRIBUTARY_* environment variables override the file", async () => {
    const config = await loadControllerConfig(undefined, {
      TRIBUTARY_NODE_ID: "1",
      TRIBUTARY_CONTROLLER_QUORUM_VOTERS: "1@c1:9191",
      TRIBUTARY_METADATA_LOG_DIR: "/data",
    });
    expect(config.nodeId).toBe(1);
    expect(config.voters).toEqual([{ nodeId: 1, host: "c1", port: 9191 }]);
  });
});
