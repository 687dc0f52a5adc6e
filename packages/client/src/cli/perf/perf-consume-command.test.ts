import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeCluster } from "../../testing/fake-cluster.js";
import { FakeFetch } from "../../testing/fake-fetch.js";
import { ScriptedCoordinator } from "../../testing/scripted-coordinator.js";
import { runInMemory } from "../testing/memory-io.js";

let fake: FakeCluster;
let coordinator: ScriptedCoordinator;
let bootstrap: string[];

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 1 });
  const fetch = FakeFetch.install(fake);
  coordinator = ScriptedCoordinator.install(fake.broker(1));
  coordinator.initialTarget = ["perf-0", "perf-1"];
  bootstrap = ["--bootstrap-server", fake.addresses.join(",")];
  fake.createTopic("perf", 2);
  await fetch.append("perf", 0, Array.from({ length: 60 }, () => "x".repeat(100)));
  await fetch.append("perf", 1, Array.from({ length: 40 }, () => "y".repeat(100)));
});

afterEach(async () => {
  await fake.stop();
});

describe("tributary perf consume against fake brokers", () => {
  it("reads the records asked for as a group member and prints Kafka's header and line", async () => {
    const run = await runInMemory(["perf", "consume", "--topic", "perf", "--messages", "100", "--group", "bench", ...bootstrap]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [header, line] = run.stdout.trimEnd().split("\n");
    expect(header).toBe("start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec");
    expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}, 0\.0095, [\d.]+, 100, [\d.]+, \d+, \d+, [\d.]+, [\d.]+$/);
    expect(coordinator.heartbeats[0]?.groupId).toBe("bench");
  });

  it("warns when the records ran out before --messages, and prints JSON", async () => {
    const run = await runInMemory(["perf", "consume", "--topic", "perf", "--messages", "500", "--timeout", "500", "--json", ...bootstrap]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("WARNING: Exiting before consuming the expected number of messages: timeout (500 ms) exceeded. You can use the --timeout option to increase the timeout.\n");
    expect(JSON.parse(run.stdout)).toMatchObject({ topic: "perf", messages: 100 });
    expect(coordinator.heartbeats[0]?.groupId).toMatch(/^perf-consumer-[0-9a-f]{6}$/);
  });
});
