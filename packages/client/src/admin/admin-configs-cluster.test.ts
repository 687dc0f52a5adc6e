/**
 * Admin config and cluster operations against gRPC fake brokers: request mapping (config names
 * grouped per request, incremental set/delete), enum and int64 mapping in answers, per-resource
 * errors, and RPC-level errors.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryAggregateError } from "../cluster/aggregate-error.js";
import { TributaryError } from "../errors/tributary-error.js";
import { FakeCluster } from "../testing/fake-cluster.js";
import { testAdmin } from "../testing/test-admin.js";
import { NO_ERROR, errorToWire } from "../wire/wire-errors.js";
import type { Admin } from "./admin.js";

let fake: FakeCluster;
let admin: Admin;

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
  admin = testAdmin(fake.addresses);
});

afterEach(async () => {
  await admin.disconnect();
  await fake.stop();
});

describe("configs", () => {
  it("groups resources by config names and maps sources", async () => {
    for (const broker of fake.brokers) {
      broker.handle("DescribeConfigs", (request) => ({
        error: NO_ERROR,
        results: request.resources.map((resource) => ({
          resource,
          error: NO_ERROR,
          configs: [
            { name: "retention.ms", value: "1000", source: "CONFIG_SOURCE_TOPIC" as const, readOnly: false, sensitive: false },
            { name: "segment.bytes", value: "1073741824", source: "CONFIG_SOURCE_DEFAULT" as const, readOnly: false, sensitive: false },
            { name: "secret", source: "CONFIG_SOURCE_STATIC_BROKER" as const, readOnly: true, sensitive: true },
          ],
        })),
      }));
    }
    const answer = await admin.describeConfigs({
      resources: [
        { type: "topic", name: "a", configNames: ["retention.ms"] },
        { type: "topic", name: "b", configNames: ["retention.ms"] },
        { type: "broker", name: "1" },
      ],
    });
    const requests = fake.brokers.flatMap((broker) => broker.requestsOf("DescribeConfigs"));
    expect(requests.map((request) => [request.resources.map((resource) => `${resource.type}:${resource.name}`), request.names])).toEqual([
      [["CONFIG_RESOURCE_TYPE_TOPIC:a", "CONFIG_RESOURCE_TYPE_TOPIC:b"], ["retention.ms"]],
      [["CONFIG_RESOURCE_TYPE_BROKER:1"], []],
    ]);
    expect(answer.resources.map((resource) => `${resource.type}:${resource.name}`)).toEqual(["topic:a", "topic:b", "broker:1"]);
    expect(answer.resources[0]?.configEntries).toEqual([
      { name: "retention.ms", value: "1000", source: "topic", isDefault: false, readOnly: false, sensitive: false },
      { name: "segment.bytes", value: "1073741824", source: "default", isDefault: true, readOnly: false, sensitive: false },
      { name: "secret", value: null, source: "static-broker", isDefault: false, readOnly: true, sensitive: true },
    ]);
  });

  it("sends incremental sets and deletes, and names refused resources", async () => {
    for (const broker of fake.brokers) {
      broker.handle("AlterConfigs", (request) => ({
        error: NO_ERROR,
        results: request.resources.map((entry) => ({
          resource: entry.resource,
          error: errorToWire(entry.resource?.name === "locked" ? new TributaryError("POLICY_VIOLATION", "locked topics cannot change") : null),
        })),
      }));
    }
    await admin.alterConfigs({
      validateOnly: true,
      resources: [{ type: "topic", name: "t", configEntries: [{ name: "retention.ms", value: "5" }, { name: "cleanup.policy" }, { name: "x", value: "1", operation: "delete" }] }],
    });
    const request = fake.brokers.flatMap((broker) => broker.requestsOf("AlterConfigs"))[0];
    expect(request?.validateOnly).toBe(true);
    expect(request?.resources[0]?.configs.map((config) => [config.name, config.op, config.value])).toEqual([
      ["retention.ms", "ALTER_CONFIG_OP_SET", "5"],
      ["cleanup.policy", "ALTER_CONFIG_OP_DELETE", undefined],
      ["x", "ALTER_CONFIG_OP_DELETE", undefined],
    ]);
    const error = (await admin
      .alterConfigs({ resources: [{ type: "topic", name: "locked", configEntries: [{ name: "a", value: "b" }] }, { type: "topic", name: "free", configEntries: [] }] })
      .catch((caught: unknown) => caught)) as TributaryError;
    expect(error).not.toBeInstanceOf(TributaryAggregateError);
    expect(error.code).toBe("POLICY_VIOLATION");
    expect(error.message).toBe("locked topics cannot change");
  });
});

describe("cluster", () => {
  it("describes brokers with client addresses, states and bigint epochs", async () => {
    for (const broker of fake.brokers) {
      broker.handle("DescribeCluster", () => ({
        error: NO_ERROR,
        clusterId: "c-1",
        controllerId: 101,
        brokers: [
          { brokerId: 2, endpoints: [{ listener: "INTERNAL", host: "10.0.0.2", port: 19092 }], state: "BROKER_STATE_UNFENCED" as const, brokerEpoch: "9007199254740993", incarnationId: "i" },
          { brokerId: 7, endpoints: [{ listener: "PLAINTEXT", host: "gone", port: 9092 }], state: "BROKER_STATE_FENCED" as const, brokerEpoch: "5", incarnationId: "j" },
        ],
        controllers: [{ nodeId: 101, endpoint: "c1:9093" }],
      }));
    }
    const description = await admin.describeCluster();
    expect(description.clusterId).toBe("c-1");
    expect(description.controller).toBe(101);
    expect(description.brokers[0]).toMatchObject({ nodeId: 2, host: "127.0.0.1", port: fake.broker(2).port, state: "unfenced", brokerEpoch: 9007199254740993n });
    expect(description.brokers[1]).toMatchObject({ nodeId: 7, host: "gone", port: 9092, state: "fenced" });
    expect(description.controllers).toEqual([{ nodeId: 101, endpoint: "c1:9093" }]);
  });

  it("describes the quorum with bigint offsets and null for unknown times", async () => {
    for (const broker of fake.brokers) {
      broker.handle("DescribeQuorum", () => ({
        error: NO_ERROR,
        leaderId: 101,
        leaderEpoch: "4",
        highWatermark: "123",
        voters: [{ replicaId: 101, logEndOffset: "123", lastFetchTimestampMs: "-1", lastCaughtUpTimestampMs: "1700000000000", endpoint: "c1:9093" }],
        observers: [],
      }));
    }
    expect(await admin.describeQuorum()).toEqual({
      leaderId: 101,
      leaderEpoch: 4,
      highWatermark: 123n,
      voters: [{ replicaId: 101, logEndOffset: 123n, lastFetchTimestampMs: null, lastCaughtUpTimestampMs: 1_700_000_000_000, endpoint: "c1:9093" }],
      observers: [],
    });
  });

  it("returns per-partition election outcomes and throws a whole-request error", async () => {
    let refuse = false;
    for (const broker of fake.brokers) {
      broker.handle("ElectLeaders", (request) => ({
        error: errorToWire(refuse ? new TributaryError("INVALID_REQUEST", "unclean elections are disabled") : null),
        results: request.partitions.map((partition) => ({ partition, error: errorToWire(partition.partition === 0 ? new TributaryError("ELECTION_NOT_NEEDED") : null) })),
      }));
    }
    const results = await admin.electLeaders({ partitions: [{ topic: "t", partition: 0 }, { topic: "t", partition: 1 }] });
    expect(results.map((result) => [result.partition, result.error?.code ?? null])).toEqual([
      [0, "ELECTION_NOT_NEEDED"],
      [1, null],
    ]);
    expect(fake.brokers.flatMap((broker) => broker.requestsOf("ElectLeaders"))[0]?.type).toBe("ELECTION_TYPE_PREFERRED");
    refuse = true;
    await expect(admin.electLeaders({ type: "unclean" })).rejects.toThrow("unclean elections are disabled");
  });
});
