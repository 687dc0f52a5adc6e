import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeCluster } from "../../testing/fake-cluster.js";
import { FakeFetch } from "../../testing/fake-fetch.js";
import { runInMemory } from "../testing/memory-io.js";
import { headerPairs, printable } from "./consume-command.js";

describe("consumed records for the formatter", () => {
  it("lists headers as pairs, repeated keys in their order", () => {
    const headers = Object.assign(Object.create(null) as Record<string, Buffer | null | readonly (Buffer | null)[]>, { a: [Buffer.from("1"), null], b: Buffer.from("2") });
    expect(headerPairs(headers)).toEqual([
      ["a", Buffer.from("1")],
      ["a", null],
      ["b", Buffer.from("2")],
    ]);
  });

  it("carries offsets and timestamps through unchanged", () => {
    const record = printable("t", 3, { offset: 9n, timestamp: 1234n, key: null, value: Buffer.from("v"), headers: {}, leaderEpoch: 0 });
    expect(record).toEqual({ topic: "t", partition: 3, offset: 9n, timestamp: 1234n, timestampType: "CreateTime", key: null, value: Buffer.from("v"), headers: [] });
  });
});

describe("tributary consume against fake brokers", () => {
  let fake: FakeCluster;
  let fetch: FakeFetch;
  let bootstrap: string[];

  beforeEach(async () => {
    fake = await FakeCluster.start({ brokers: 2 });
    fetch = FakeFetch.install(fake);
    bootstrap = ["--bootstrap-server", fake.addresses.join(",")];
    fake.createTopic("orders", 2);
    await fetch.append("orders", 0, [{ key: Buffer.from("k0"), value: Buffer.from("a"), timestamp: 1_700_000_000_000n, headers: [{ key: "h", value: Buffer.from("1") }] }, "b"]);
    await fetch.append("orders", 1, ["c"]);
  });

  afterEach(async () => {
    await fake.stop();
  });

  it("reads every partition from the beginning until the idle timeout", async () => {
    const run = await runInMemory(["consume", "--topic", "orders", "--from-beginning", "--timeout-ms", "700", "--property", "print.partition=true", "--property", "print.offset=true", ...bootstrap]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter((line) => line !== "").sort()).toEqual(["Partition:0\tOffset:0\ta", "Partition:0\tOffset:1\tb", "Partition:1\tOffset:0\tc"]);
    expect(run.stderr).toBe("Processed a total of 3 messages\n");
  });

  it("starts a partition at an offset and stops after --max-messages, printing JSON", async () => {
    const run = await runInMemory(["consume", "--topic", "orders", "--partition", "0", "--offset", "0", "--max-messages", "1", "--json", "--timeout-ms", "3000", ...bootstrap]);
    expect(run).toEqual({
      code: 0,
      stdout: '{"topic":"orders","partition":0,"offset":"0","timestamp":"1700000000000","timestampType":"CreateTime","key":"k0","value":"a","headers":[{"key":"h","value":"1"}]}\n',
      stderr: "Processed a total of 1 messages\n",
    });
    const latest = await runInMemory(["consume", "--topic", "orders", "--partition", "0", "--offset", "latest", "--timeout-ms", "500", ...bootstrap]);
    expect(latest).toEqual({ code: 0, stdout: "", stderr: "Processed a total of 0 messages\n" });
  });

  it("fails with one line for a missing topic or partition", async () => {
    expect(await runInMemory(["consume", "--topic", "nope", "--timeout-ms", "2000", ...bootstrap])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'Error: topic "nope" does not exist [UNKNOWN_TOPIC_OR_PARTITION]\n',
    });
    expect(await runInMemory(["consume", "--topic", "orders", "--partition", "5", "--timeout-ms", "2000", ...bootstrap])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'Error: topic "orders" has no partition 5 (it has 2)\n',
    });
  });

  it("stops cleanly when interrupted", async () => {
    const interrupt = new AbortController();
    setTimeout(() => interrupt.abort(), 500);
    const run = await runInMemory(["consume", "--topic", "orders", "--from-beginning", ...bootstrap], { signal: interrupt.signal });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("Processed a total of 3 messages\n");
  });
});
