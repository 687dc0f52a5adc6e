import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../../errors/tributary-error.js";
import { FakeCluster } from "../../testing/fake-cluster.js";
import { NO_ERROR, errorToWire } from "../../wire/wire-errors.js";
import { runInMemory } from "../testing/memory-io.js";

let fake: FakeCluster;
let bootstrap: string[];

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
  bootstrap = ["--bootstrap-server", fake.addresses.join(","), "--timeout-ms", "3000"];
  fake.createTopic("orders", 2);
  fake.createTopic("__consumer_offsets", 1);
  for (const broker of fake.brokers) {
    broker.handle("DescribeConfigs", (request) => ({
      error: NO_ERROR,
      results: request.resources.map((resource) => ({
        resource,
        error: NO_ERROR,
        configs: [
          { name: "retention.ms", value: "1000", source: "CONFIG_SOURCE_TOPIC" as const, readOnly: false, sensitive: false },
          { name: "segment.bytes", value: "1073741824", source: "CONFIG_SOURCE_DEFAULT" as const, readOnly: false, sensitive: false },
        ],
      })),
    }));
    broker.handle("CreateTopics", (request) => ({
      error: NO_ERROR,
      topics: request.topics.map((topic) => ({
        name: topic.name,
        error: errorToWire(fake.topics.has(topic.name) ? new TributaryError("TOPIC_ALREADY_EXISTS", `topic ${topic.name} already exists`) : null),
        numPartitions: topic.numPartitions,
      })),
    }));
  }
});

afterEach(async () => {
  await fake.stop();
});

describe("tributary topics against fake brokers", () => {
  it("lists topics, internal ones unless excluded", async () => {
    expect(await runInMemory(["topics", "--list", ...bootstrap])).toEqual({ code: 0, stdout: "__consumer_offsets\norders\n", stderr: "" });
    expect((await runInMemory(["topics", "--list", "--exclude-internal", ...bootstrap])).stdout).toBe("orders\n");
    expect((await runInMemory(["topics", "--list", "--json", "--exclude-internal", ...bootstrap])).stdout).toBe('[\n  "orders"\n]\n');
  });

  it("describes a topic in Kafka's layout with its overrides only", async () => {
    const run = await runInMemory(["topics", "--describe", "--topic", "orders", ...bootstrap]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "Topic: orders\tTopicId: id-orders\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: retention.ms=1000",
        "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1",
        "\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2\tIsr: 2",
        "",
      ].join("\n"),
    );
  });

  it("fails with one line for an unknown topic, unless --if-exists", async () => {
    const run = await runInMemory(["topics", "--describe", "--topic", "nope", ...bootstrap]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Error: topic "nope" does not exist [UNKNOWN_TOPIC_OR_PARTITION]\n');
    expect(await runInMemory(["topics", "--describe", "--topic", "nope", "--if-exists", ...bootstrap])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("creates a topic and refuses an existing one unless --if-not-exists", async () => {
    const created = runInMemory(["topics", "--create", "--topic", "fresh", "--partitions", "3", "--config", "retention.ms=5", ...bootstrap]);
    // The admin client waits for leaders: the model gets the topic once CreateTopics was answered.
    setTimeout(() => fake.createTopic("fresh", 3), 50);
    expect(await created).toEqual({ code: 0, stdout: "Created topic fresh.\n", stderr: "" });
    const request = fake.brokers.flatMap((broker) => broker.requestsOf("CreateTopics"))[0];
    expect(request?.topics[0]).toMatchObject({ name: "fresh", numPartitions: 3, replicationFactor: -1, configs: [{ name: "retention.ms", value: "5" }] });
    const again = await runInMemory(["topics", "--create", "--topic", "orders", ...bootstrap]);
    expect(again).toEqual({ code: 1, stdout: "", stderr: "Error: Topic 'orders' already exists.\n" });
    expect((await runInMemory(["topics", "--create", "--topic", "orders", "--if-not-exists", ...bootstrap])).code).toBe(0);
  });
});
