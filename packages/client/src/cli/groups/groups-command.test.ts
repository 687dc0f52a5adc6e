import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../../errors/tributary-error.js";
import { FakeCluster } from "../../testing/fake-cluster.js";
import { NO_ERROR, errorToWire } from "../../wire/wire-errors.js";
import { runInMemory } from "../testing/memory-io.js";

let fake: FakeCluster;
let bootstrap: string[];
let committed: Map<string, bigint>;
let members: { memberId: string; clientId: string; clientHost: string; memberEpoch: number; subscribedTopicNames: string[]; assignment: { topic: string; topicId: string; partitions: number[] }[] }[];

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 1 });
  bootstrap = ["--bootstrap-server", fake.addresses.join(","), "--timeout-ms", "3000"];
  fake.createTopic("orders", 2);
  committed = new Map();
  members = [];
  const broker = fake.broker(1);
  broker.handle("DescribeGroups", (request) => ({
    groups: request.groupIds.map((groupId) =>
      groupId === "billing"
        ? { groupId, error: NO_ERROR, state: members.length > 0 ? "Stable" : "Empty", assignor: "uniform", groupEpoch: 3, assignmentEpoch: 3, coordinatorId: 1, members }
        : { groupId, error: errorToWire(new TributaryError("GROUP_ID_NOT_FOUND", `no group ${groupId}`)), state: "Dead" },
    ),
  }));
  broker.handle("OffsetFetch", (request) => {
    const wanted = request.topics.length > 0 ? request.topics : [{ topic: "orders", partitions: [0, 1] }];
    return {
      error: NO_ERROR,
      topics: wanted.map((topic) => ({
        name: topic.topic,
        partitions: topic.partitions
          .filter((partition) => committed.has(`${topic.topic}-${partition}`))
          .map((partition) => ({ partition, error: NO_ERROR, committedOffset: String(committed.get(`${topic.topic}-${partition}`)), committedLeaderEpoch: 0 })),
      })),
    };
  });
  broker.handle("OffsetCommit", (request) => {
    for (const topic of request.topics) for (const partition of topic.partitions) committed.set(`${topic.name}-${partition.partition}`, BigInt(partition.committedOffset));
    return { error: NO_ERROR, topics: request.topics.map((topic) => ({ name: topic.name, partitions: topic.partitions.map((partition) => ({ partition: partition.partition, error: NO_ERROR })) })) };
  });
  broker.handle("ListGroups", () => ({ error: NO_ERROR, groups: [{ groupId: "billing", state: "Empty", protocolType: "consumer" }] }));
  broker.handle("DeleteGroups", (request) => ({ results: request.groupIds.map((groupId) => ({ groupId, error: NO_ERROR })) }));
  const produced = await runInMemory(["produce", "--topic", "orders", "--partition", "0", ...bootstrap], { stdin: "a\nb\nc\nd\ne\n" });
  expect(produced.code).toBe(0);
});

afterEach(async () => {
  await fake.stop();
});

describe("tributary groups against fake brokers", () => {
  it("lists groups", async () => {
    expect(await runInMemory(["groups", "--list", ...bootstrap])).toEqual({ code: 0, stdout: "billing\n", stderr: "" });
  });

  it("describes an empty group's lag and says it has no members", async () => {
    committed.set("orders-0", 2n);
    const run = await runInMemory(["groups", "--describe", "--group", "billing", ...bootstrap]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("Consumer group 'billing' has no active members.\n");
    expect(run.stdout.split("\n").slice(1, 3)).toEqual([
      "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID",
      "billing         orders          0          2               5               3               -               -               -",
    ]);
    const json = JSON.parse((await runInMemory(["groups", "--describe", "--group", "billing", "--json", ...bootstrap])).stdout) as { totalLag: string };
    expect(json.totalLag).toBe("3");
  });

  it("fails with Kafka's message for a group that does not exist", async () => {
    expect(await runInMemory(["groups", "--describe", "--group", "nobody", ...bootstrap])).toEqual({ code: 1, stdout: "", stderr: "Error: Consumer group 'nobody' does not exist.\n" });
  });

  it("plans a reset without committing it, then executes it", async () => {
    committed.set("orders-0", 4n);
    const unshiftable = await runInMemory(["groups", "--reset-offsets", "--group", "billing", "--topic", "orders", "--shift-by", "-10", ...bootstrap]);
    expect(unshiftable).toEqual({ code: 1, stdout: "", stderr: "Error: Cannot shift offset for partition orders-1 since there is no current committed offset\n" });
    const dry = await runInMemory(["groups", "--reset-offsets", "--group", "billing", "--topic", "orders:0", "--shift-by", "-10", ...bootstrap]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe("\nGROUP           TOPIC           PARTITION  NEW-OFFSET\nbilling         orders          0          0\n");
    expect(dry.stderr).toContain("New offset (-6) is lower than earliest offset for topic partition orders-0. Value will be set to 0");
    expect(dry.stderr).toContain("WARN: No action will be performed as the --execute option is missing.");
    expect(committed.get("orders-0")).toBe(4n);
    const executed = await runInMemory(["groups", "--reset-offsets", "--group", "billing", "--topic", "orders", "--to-latest", "--execute", ...bootstrap]);
    expect(executed).toMatchObject({ code: 0, stderr: "" });
    expect(executed.stdout).toContain("billing         orders          1          0");
    expect([...committed]).toEqual([
      ["orders-0", 5n],
      ["orders-1", 0n],
    ]);
  });

  it("refuses to reset a group with members", async () => {
    members = [{ memberId: "m1", clientId: "app", clientHost: "/10.0.0.1", memberEpoch: 3, subscribedTopicNames: ["orders"], assignment: [{ topic: "orders", topicId: "x", partitions: [0, 1] }] }];
    const run = await runInMemory(["groups", "--reset-offsets", "--group", "billing", "--topic", "orders", "--to-earliest", "--execute", ...bootstrap]);
    expect(run).toEqual({ code: 1, stdout: "", stderr: "Error: Assignments can only be reset if the group 'billing' is inactive, but the current state is Stable.\n" });
    const described = await runInMemory(["groups", "--describe", "--group", "billing", "--members", ...bootstrap]);
    expect(described.stdout).toContain("billing         m1              /10.0.0.1       app             2");
  });

  it("deletes groups", async () => {
    expect((await runInMemory(["groups", "--delete", "--group", "billing", ...bootstrap])).stdout).toBe("Deletion of requested consumer groups ('billing') was successful.\n");
  });
});
