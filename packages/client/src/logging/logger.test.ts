/** Logging: KafkaJS-shaped entries, level filtering, namespaces, env override, broken writers. */
import { describe, expect, it } from "vitest";
import { LOG_LEVEL_ENV, LogLevel, logLevelFromEnv } from "./log-level.js";
import { createLogger, type LogEntry } from "./logger.js";

describe("createLogger", () => {
  it("writes KafkaJS-shaped entries at or below the level, under nested namespaces", () => {
    const entries: LogEntry[] = [];
    const logger = createLogger(LogLevel.INFO, () => (entry) => entries.push(entry));
    const producer = logger.namespace("Producer").namespace("Sender");
    producer.debug("hidden");
    producer.info("sent", { broker: "b:1" });
    producer.error("failed");
    expect(entries.map((entry) => [entry.namespace, entry.label, entry.log.message])).toEqual([
      ["Producer.Sender", "INFO", "sent"],
      ["Producer.Sender", "ERROR", "failed"],
    ]);
    expect(entries[0]?.log).toMatchObject({ logger: "tributary", broker: "b:1" });
  });

  it("changes the level for every derived logger", () => {
    const entries: LogEntry[] = [];
    const logger = createLogger(LogLevel.ERROR, () => (entry) => entries.push(entry));
    const child = logger.namespace("Admin");
    child.warn("dropped");
    logger.setLogLevel(LogLevel.DEBUG);
    child.debug("kept");
    expect(entries.map((entry) => entry.log.message)).toEqual(["kept"]);
  });

  it("ignores a writer that throws", () => {
    const logger = createLogger(LogLevel.INFO, () => () => {
      throw new Error("disk full");
    });
    expect(() => logger.error("still fine")).not.toThrow();
  });

  it("reads a level name from the environment", () => {
    expect(logLevelFromEnv({ [LOG_LEVEL_ENV]: "debug" })).toBe(LogLevel.DEBUG);
    expect(logLevelFromEnv({ [LOG_LEVEL_ENV]: "loud" })).toBeUndefined();
    expect(logLevelFromEnv({})).toBeUndefined();
  });
});
