/**
 * The `tributary` CLI end to end: the built program, run as a process against a real cluster —
 * topics, produce from stdin, consume, groups with lag, cluster status — and the one-line errors
 * with non-zero exits for wrong flags, unknown topics and an unreachable cluster.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestCluster } from "./harness/cluster.js";

const CLI = join(fileURLToPath(new URL("../../", import.meta.url)), "packages/client/bin/tributary.js");
let cluster: TestCluster;
let bootstrap: string;

function cli(args: readonly string[], stdin = ""): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  cluster = await TestCluster.start({ brokers: 3, brokerProperties: { "group.consumer.heartbeat.interval.ms": "300" } });
  bootstrap = cluster.brokers.map((broker) => broker.address).join(",");
}, 120_000);

afterAll(async () => {
  await cluster.stop();
});

describe("the tributary CLI", () => {
  it("creates, lists and describes topics", async () => {
    const created = await cli(["topics", "--create", "--topic", "cli-orders", "--partitions", "3", "--replication-factor", "3", "--bootstrap-server", bootstrap]);
    expect(created.code).toBe(0);
    const listed = await cli(["topics", "--list", "--bootstrap-server", bootstrap]);
    expect(listed.stdout.split("\n")).toContain("cli-orders");
    const described = await cli(["topics", "--describe", "--topic", "cli-orders", "--bootstrap-server", bootstrap]);
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/Topic: cli-orders\tTopicId: \S+\tPartitionCount: 3\tReplicationFactor: 3/);
    expect(described.stdout).toMatch(/\tTopic: cli-orders\tPartition: 0\tLeader: \d+\tReplicas: [\d,]+\tIsr: [\d,]+/);
  });

  it("produces lines from stdin with keys and consumes them back in a group", async () => {
    const produced = await cli(["produce", "--topic", "cli-orders", "--property", "parse.key=true", "--property", "key.separator=:", "--bootstrap-server", bootstrap], "k1:one\nk2:two\nk3:three\n");
    expect(produced.code).toBe(0);
    const consumed = await cli([
      "consume", "--topic", "cli-orders", "--group", "cli-group", "--from-beginning", "--max-messages", "3",
      "--property", "print.key=true", "--property", "key.separator=:", "--bootstrap-server", bootstrap,
    ]);
    expect(consumed.code).toBe(0);
    expect(consumed.stdout.trim().split("\n").sort()).toEqual(["k1:one", "k2:two", "k3:three"]);

    const groups = await cli(["groups", "--list", "--bootstrap-server", bootstrap]);
    expect(groups.stdout).toContain("cli-group");
    const lag = await cli(["groups", "--describe", "--group", "cli-group", "--bootstrap-server", bootstrap]);
    expect(lag.code).toBe(0);
    expect(lag.stdout).toMatch(/GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG/);
  });

  it("describes the cluster and the quorum", async () => {
    const status = await cli(["cluster", "--bootstrap-server", bootstrap]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/LeaderId:\s+\d/);
    expect(status.stdout).toMatch(/CurrentVoters:\s+\[/);
  });

  it("answers bad flags, unknown topics and an unreachable cluster with one line and a non-zero exit", async () => {
    const badFlag = await cli(["topics", "--create", "--topic", "x", "--partitons", "3", "--bootstrap-server", bootstrap]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim().split("\n")).toHaveLength(1);
    const unknown = await cli(["topics", "--describe", "--topic", "no-such-topic", "--bootstrap-server", bootstrap]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).not.toMatch(/\s+at /);
    const unreachable = await cli(["topics", "--list", "--bootstrap-server", "127.0.0.1:1", "--timeout-ms", "3000"]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim().split("\n")).toHaveLength(1);
  });
});
