import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeRecordBatches } from "../../record/decode-record-batches.js";
import { FakeCluster } from "../../testing/fake-cluster.js";
import { runInMemory } from "../testing/memory-io.js";
import { toMessage } from "./produce-command.js";

let fake: FakeCluster;
let bootstrap: string[];

beforeEach(async () => {
  fake = await FakeCluster.start({ brokers: 1 });
  bootstrap = ["--bootstrap-server", fake.addresses.join(","), "--timeout-ms", "3000"];
  fake.createTopic("orders", 2);
});

afterEach(async () => {
  await fake.stop();
});

async function records(topic: string, partition: number) {
  const batches = await Promise.all(fake.partition(topic, partition).log.map((entry) => decodeRecordBatches(entry.bytes)));
  return batches.flat(2).flatMap((batch) => batch.records.map((record) => ({
    key: record.key?.toString() ?? null,
    value: record.value?.toString() ?? null,
    headers: record.headers.map((header) => [header.key, header.value?.toString() ?? null]),
  })));
}

describe("toMessage", () => {
  it("keeps repeated header keys in order and null header values", () => {
    expect(toMessage({ key: "k", value: "v", headers: [{ key: "a", value: "1" }, { key: "b", value: null }, { key: "a", value: "2" }] }, 3)).toEqual({
      key: "k",
      value: "v",
      headers: { a: ["1", "2"], b: null },
      partition: 3,
    });
    expect(toMessage({ key: null, value: "v", headers: [] }, undefined)).toEqual({ key: null, value: "v" });
  });
});

describe("tributary produce against fake brokers", () => {
  it("sends each stdin line as a record with its key and headers", async () => {
    const run = await runInMemory(
      ["produce", "--topic", "orders", "--partition", "1", "--property", "parse.key=true", "--property", "key.separator=:", "--property", "parse.headers=true", ...bootstrap],
      { stdin: "trace:abc\tuser-1:first\nsrc:cli,src:again\tuser-2:second\n" },
    );
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await records("orders", 1)).toEqual([
      { key: "user-1", value: "first", headers: [["trace", "abc"]] },
      { key: "user-2", value: "second", headers: [["src", "cli"], ["src", "again"]] },
    ]);
    expect(await records("orders", 0)).toEqual([]);
  });

  it("stops at a malformed line with Kafka's message and exit code 1", async () => {
    const run = await runInMemory(["produce", "--topic", "orders", "--partition", "0", "--property", "parse.key=true", "--property", "key.separator=:", ...bootstrap], {
      stdin: "k:ok\nno separator\nk:never\n",
    });
    expect(run).toEqual({ code: 1, stdout: "", stderr: "Error: No key separator found on line number 2: 'no separator'\n" });
    expect((await records("orders", 0)).map((record) => record.value)).toEqual(["ok"]);
  });

  it("reports a topic that does not exist", async () => {
    const run = await runInMemory(["produce", "--topic", "missing", "--producer-property", "max.block.ms=300", ...bootstrap], { stdin: "x\n" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: could not send line 1 to topic "missing": .*\n$/);
  });

  it("turns a producer setting the SDK refuses into a usage error", async () => {
    const run = await runInMemory(["produce", "--topic", "orders", "--producer-property", "acks=1", "--producer-property", "enable.idempotence=true", ...bootstrap], { stdin: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("Error: an idempotent producer needs acks=-1; pass idempotent: false to use acks 0 or 1\n");
  });
});
