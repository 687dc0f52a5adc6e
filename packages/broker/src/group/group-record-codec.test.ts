/**
 * Goal: group records survive the log byte for byte — every kind round-trips through a record
 * batch, tombstones stay tombstones, keys are canonical (equal entries, equal bytes), unknown key
 * types are skipped, and damaged values are refused with CORRUPT_MESSAGE instead of being applied.
 * Method: encode, decode, compare; then corrupt by hand.
 */
import { describe, expect, it } from "vitest";
import { TributaryError } from "@tributary/client/internal/errors";
import { assignmentOf } from "./assignment.js";
import { decodeGroupRecord, decodeGroupRecordBatches, encodeGroupRecordBatch, encodeGroupRecordKey, encodeGroupRecordValue } from "./group-record-codec.js";
import type { GroupRecord } from "./group-records.js";

const RECORDS: GroupRecord[] = [
  { type: "offset-commit", groupId: "g", topic: "orders", partition: 7, value: { offset: 2n ** 62n, leaderEpoch: 3, metadata: "cursor ✓", commitTimestampMs: 1_700_000_000_123 } },
  { type: "offset-commit", groupId: "g", topic: "orders", partition: 8, value: null },
  { type: "group-metadata", groupId: "g", value: { groupEpoch: 12 } },
  { type: "subscription-metadata", groupId: "g", value: { topics: [{ topicId: "t-1", name: "orders", partitionCount: 9 }] } },
  {
    type: "member-subscription",
    groupId: "g",
    memberId: "m-1",
    value: {
      instanceId: "i-1",
      rackId: undefined,
      clientId: "app",
      clientHost: "/10.0.0.1",
      subscribedTopicNames: ["a", "b"],
      subscribedTopicRegex: "c.*",
      serverAssignor: "range",
      rebalanceTimeoutMs: 300_000,
      sessionTimeoutMs: 45_000,
    },
  },
  { type: "target-assignment-metadata", groupId: "g", value: { assignmentEpoch: 12 } },
  { type: "target-assignment-member", groupId: "g", memberId: "m-1", value: { assignment: assignmentOf([["t-1", [3, 1, 2]]]) } },
  {
    type: "current-assignment",
    groupId: "g",
    memberId: "m-1",
    value: { memberEpoch: 11, previousMemberEpoch: 9, state: "unrevoked-partitions", assigned: assignmentOf([["t-1", [1]]]), pendingRevocation: assignmentOf([["t-1", [4, 5]]]) },
  },
  { type: "current-assignment", groupId: "g", memberId: "m-2", value: null },
];

function corrupt(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TributaryError) return error.code;
    throw error;
  }
  return undefined;
}

describe("group record codec", () => {
  it("round-trips every kind of record through a record batch", async () => {
    const batch = await encodeGroupRecordBatch(RECORDS, 1_700_000_000_000);
    const decoded = await decodeGroupRecordBatches(batch, 0n);
    expect(decoded.map((entry) => entry.record)).toEqual(RECORDS);
    expect(decoded.map((entry) => entry.offset)).toEqual(RECORDS.map((_, index) => BigInt(index)));
    expect((await decodeGroupRecordBatches(batch, 5n)).map((entry) => entry.offset)).toEqual([5n, 6n, 7n, 8n]);
  });

  it("writes tombstones as null values and equal keys as equal bytes", () => {
    expect(encodeGroupRecordValue(RECORDS[1]!)).toBeNull();
    const commit = RECORDS[0]!;
    expect(encodeGroupRecordKey(commit).equals(encodeGroupRecordKey({ ...commit, value: null } as GroupRecord))).toBe(true);
    expect(encodeGroupRecordKey(commit).equals(encodeGroupRecordKey(RECORDS[1]!))).toBe(false);
  });

  it("skips key types it does not know", () => {
    expect(decodeGroupRecord(Buffer.from([0, 99, 0, 1, 0x67]), null)).toBeUndefined();
  });

  it("refuses damaged keys and values", () => {
    const key = encodeGroupRecordKey(RECORDS[2]!);
    const value = encodeGroupRecordValue(RECORDS[2]!)!;
    expect(corrupt(() => decodeGroupRecord(null, value))).toBe("CORRUPT_MESSAGE");
    expect(corrupt(() => decodeGroupRecord(key.subarray(0, key.length - 1), value))).toBe("CORRUPT_MESSAGE");
    expect(corrupt(() => decodeGroupRecord(Buffer.concat([key, Buffer.from([0])]), value))).toBe("CORRUPT_MESSAGE");
    expect(corrupt(() => decodeGroupRecord(key, Buffer.concat([value.subarray(0, 2), Buffer.from("{not json")])))).toBe("CORRUPT_MESSAGE");
    expect(corrupt(() => decodeGroupRecord(key, Buffer.concat([value.subarray(0, 2), Buffer.from('{"groupEpoch":-4}')])))).toBe("CORRUPT_MESSAGE");
    expect(corrupt(() => decodeGroupRecord(key, Buffer.from([0, 9, 0x7b, 0x7d])))).toBe("UNSUPPORTED_VERSION");
  });
});
