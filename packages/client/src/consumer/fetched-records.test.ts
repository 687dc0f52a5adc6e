/**
 * Decoding a partition's fetched bytes: records below the fetch offset inside the first batch are
 * skipped, control batches are skipped but their offsets passed, a batch cut short at the end is
 * left for the next fetch, and headers take KafkaJS's object shape (repeated keys collect values).
 */
import { describe, expect, it } from "vitest";
import { stampBatch } from "../record/batch-header.js";
import { encodeRecordBatch } from "../record/encode-record-batch.js";
import type { RecordInput } from "../record/record-batch-types.js";
import { readFetchedRecords } from "./fetched-records.js";

async function batch(baseOffset: bigint, records: readonly RecordInput[], control = false): Promise<Buffer> {
  const bytes = Buffer.from(await encodeRecordBatch({ records, control }));
  stampBatch(bytes, 0, baseOffset, 3);
  return bytes;
}

const values = (...list: string[]): RecordInput[] => list.map((value) => ({ value: Buffer.from(value) }));

describe("readFetchedRecords", () => {
  it("skips records below the fetch offset and continues after the last batch", async () => {
    const bytes = Buffer.concat([await batch(10n, values("a", "b", "c")), await batch(13n, values("d"))]);
    const fetched = await readFetchedRecords(bytes, 11n, "t", 0);
    expect(fetched.messages.map((message) => [message.offset, message.value?.toString(), message.leaderEpoch])).toEqual([
      [11n, "b", 3],
      [12n, "c", 3],
      [13n, "d", 3],
    ]);
    expect(fetched.nextFetchOffset).toBe(14n);
  });

  it("passes over control batches and leaves a truncated last batch for the next fetch", async () => {
    const control = await batch(0n, [{ key: Buffer.from([0, 0, 0, 0]), value: Buffer.from([0, 0, 0, 0, 0, 0]) }], true);
    const data = await batch(1n, values("x"));
    const cut = (await batch(2n, values("y"))).subarray(0, 20);
    const fetched = await readFetchedRecords(Buffer.concat([control, data, cut]), 0n, "t", 0);
    expect(fetched.messages.map((message) => message.value?.toString())).toEqual(["x"]);
    expect(fetched.nextFetchOffset).toBe(2n);
  });

  it("gives headers KafkaJS's shape, repeated keys as arrays", async () => {
    const header = (key: string, value: string | null) => ({ key, value: value === null ? null : Buffer.from(value) });
    const bytes = await batch(0n, [{ value: null, headers: [header("trace", "1"), header("tag", "a"), header("tag", null), header("__proto__", "p")] }]);
    const [message] = (await readFetchedRecords(bytes, 0n, "t", 0)).messages;
    expect(message?.value).toBeNull();
    expect(Object.keys(message?.headers ?? {})).toEqual(["trace", "tag", "__proto__"]);
    expect(message?.headers.tag).toEqual([Buffer.from("a"), null]);
    expect(message?.headers.__proto__).toEqual(Buffer.from("p"));
  });

  it("refuses bytes that hold no complete batch, naming what to raise", async () => {
    const cut = (await batch(0n, values("big"))).subarray(0, 30);
    await expect(readFetchedRecords(cut, 0n, "t", 4)).rejects.toMatchObject({ code: "MESSAGE_TOO_LARGE", message: expect.stringMatching(/t-4.*raise maxBytesPerPartition/) });
  });
});
