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
  coordinator.initialTarget = ["orders-0", "orders-1"];
  bootstrap = ["--bootstrap-server", fake.addresses.join(",")];
  fake.createTopic("orders", 2);
  await fetch.append("orders", 0, Array.from({ length: 60 }, () => "x".repeat(100)));
  await fetch.append("orders", 1, Array.from({ length: 40 }, () => "y".repeat(100)));
});

afterEach(async () => {
  await fake.stop();
});

describe("tributary consume in a group against fake brokers", () => {
  it("commits exactly the records it printed", async () => {
    const run = await runInMemory(["consume", "--topic", "orders", "--group", "billing", "--from-beginning", "--max-messages", "70", ...bootstrap]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter((line) => line !== "")).toHaveLength(70);
    const committed = [0, 1].map((partition) => coordinator.offsets.get(`orders-${partition}`) ?? 0n);
    expect(committed[0]! + committed[1]!).toBe(70n);
  });
});
