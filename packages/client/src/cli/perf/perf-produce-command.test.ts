import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeCluster } from "../../testing/fake-cluster.js";
import { runInMemory } from "../testing/memory-io.js";
import { randomPayload } from "./perf-produce-command.js";

let fake: FakeCluster;
let bootstrap: string[];

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
  bootstrap = ["--bootstrap-server", fake.addresses.join(","), "--timeout-ms", "3000"];
  fake.createTopic("perf", 2);
});

afterEach(async () => {
  await fake.stop();
});

const recordsIn = (topic: string) => [0, 1].reduce((sum, partition) => sum + fake.partition(topic, partition).log.reduce((count, entry) => count + entry.header.recordsCount, 0), 0);

describe("randomPayload", () => {
  it("is letters A-Z of the asked size", () => {
    const payload = randomPayload(1000);
    expect(payload).toHaveLength(1000);
    expect(/^[A-Z]+$/.test(payload.toString("latin1"))).toBe(true);
  });
});

describe("tributary perf produce against fake brokers", () => {
  it("sends every record and prints Kafka's summary line", async () => {
    const run = await runInMemory(["perf", "produce", "--topic", "perf", "--num-records", "3000", "--record-size", "50", ...bootstrap]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^3000 records sent, \d+\.\d{6} records\/sec \(\d+\.\d{2} MB\/sec\), \d+\.\d{2} ms avg latency, \d+\.\d{2} ms max latency, \d+ ms 50th, \d+ ms 95th, \d+ ms 99th, \d+ ms 99\.9th\.\n$/);
    expect(recordsIn("perf")).toBe(3000);
  });

  it("prints JSON, and throttles to --throughput", async () => {
    const started = Date.now();
    const run = await runInMemory(["perf", "produce", "--topic", "perf", "--num-records", "100", "--record-size", "10", "--throughput", "500", "--json", ...bootstrap]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    const summary = JSON.parse(run.stdout) as { records: number; recordSizeBytes: number; p99Ms: number };
    expect(summary).toMatchObject({ records: 100, recordSizeBytes: 10 });
  });

  it("draws a live progress line on a terminal and clears it before the summary", async () => {
    const run = await runInMemory(["perf", "produce", "--topic", "perf", "--num-records", "300", "--record-size", "10", "--throughput", "1000", ...bootstrap], { isTTY: true });
    expect(run.stdout).toMatch(/^\r\d+\/300 records sent \(\d+%\), .*\u001b\[K/);
    expect(run.stdout).toMatch(/\r\u001b\[K300 records sent, .* 99\.9th\.\n$/);
  });

  it("fails with one line when the topic does not exist", async () => {
    const run = await runInMemory(["perf", "produce", "--topic", "nope", "--num-records", "10", "--record-size", "10", "--producer-props", "max.block.ms=200", ...bootstrap]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: perf produce stopped after 0 records: topic "nope" does not exist.*\n$/);
  });
});
