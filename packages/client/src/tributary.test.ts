/**
 * The public entry point: configuration checks with errors that name the setting, and a producer
 * and an admin client made by the client class, through the package's exports only, against
 * gRPC fake brokers; logs reach a custom log creator.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LogLevel, Tributary, TributaryError, type LogEntry } from "./index.js";
import { FakeCluster, deadAddress } from "./testing/fake-cluster.js";

let fake: FakeCluster;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
  fake.createTopic("orders", 2);
});

afterEach(async () => {
  await fake.stop();
});

describe("Tributary", () => {
  it("refuses bad configuration, naming the setting", () => {
    const refuse = (make: () => unknown): TributaryError => {
      try {
        make();
      } catch (error) {
        return error as TributaryError;
      }
      throw new Error("expected a refusal");
    };
    expect(refuse(() => new Tributary({ brokers: [] })).message).toMatch(/brokers must list at least one/);
    expect(refuse(() => new Tributary({ brokers: ["nohost"] })).code).toBe("INVALID_CONFIG");
    expect(refuse(() => new Tributary({ brokers: ["h:1"], requestTimeoutMs: 0 })).message).toMatch(/requestTimeoutMs is 0/);
    expect(refuse(() => new Tributary({ brokers: ["h:1"], retry: { retries: -1 } })).message).toMatch(/retry.retries/);
    const client = new Tributary({ brokers: ["h:1"] });
    expect(refuse(() => client.producer({ acks: 1 })).message).toMatch(/idempotent producer needs acks=-1/);
    expect(refuse(() => client.producer({ maxInFlightRequests: 6 })).message).toMatch(/at most 5 in-flight/);
    expect(refuse(() => client.producer({ batchSizeBytes: 10, maxRequestBytes: 5 })).message).toMatch(/must not exceed maxRequestBytes/);
  });

  it("produces and administers through the public API, bootstrapping past a dead broker", async () => {
    const entries: LogEntry[] = [];
    const client = new Tributary({
      brokers: [await deadAddress(), ...fake.addresses],
      clientId: "app",
      logLevel: LogLevel.WARN,
      logCreator: () => (entry) => entries.push(entry),
      retry: { initialRetryTimeMs: 1, maxRetryTimeMs: 5 },
    });
    const admin = client.admin();
    const producer = client.producer({ lingerMs: 0 });
    const requests: string[] = [];
    producer.on("producer.network.request", (event) => void requests.push(`${event.payload.clientId} ${event.payload.apiName}`));
    try {
      await producer.connect();
      const [result] = await producer.send({ topic: "orders", messages: [{ key: "k", value: "v", partition: 1 }] });
      expect(result).toEqual({ topicName: "orders", partition: 1, baseOffset: 0n, logAppendTime: -1n, logStartOffset: 0n });
      expect(requests).toContain("app Produce");
      expect(await admin.fetchTopicOffsets("orders")).toEqual([
        { partition: 0, offset: 0n, high: 0n, low: 0n },
        { partition: 1, offset: 1n, high: 1n, low: 0n },
      ]);
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
    expect(entries.every((entry) => entry.level <= LogLevel.WARN)).toBe(true);
  });
});
