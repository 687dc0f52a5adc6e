import { decodeRecordBatches, encodeRecordBatch } from "@tributary/client";
import { TributaryError } from "@tributary/client/internal/errors";
import { assignmentFromList, assignmentToList, type Assignment } from "./assignment.js";
import type { GroupRecord, GroupRecordType, MemberState } from "./group-records.js";
import { corruptGroupRecord, INT32_MAX, JsonValueReader } from "./json-value-reader.js";

/**
 * Record type codes, the first field of every key. They are Kafka's `__consumer_offsets` key
 * versions for the same records (1 offset commit, 3-8 the KIP-848 consumer group records), which
 * makes a hex dump of either topic read the same way.
 */
const TYPE_CODES: Readonly<Record<GroupRecordType, number>> = {
  "offset-commit": 1,
  "group-metadata": 3,
  "subscription-metadata": 4,
  "member-subscription": 5,
  "target-assignment-metadata": 6,
  "target-assignment-member": 7,
  "current-assignment": 8,
};
const TYPES_BY_CODE = new Map<number, GroupRecordType>(Object.entries(TYPE_CODES).map(([type, code]) => [code, type as GroupRecordType]));

/** GROUP_RECORD_VALUE_VERSION is the version every value starts with; a reader refuses others. */
export const GROUP_RECORD_VALUE_VERSION = 0;

/** KEY_STRING_BYTES_MAX is the longest string a key can hold (an int16 length, as Kafka's STRING). */
const KEY_STRING_BYTES_MAX = 0x7fff;
/** Bounds on decoded values, so a damaged record cannot make a load allocate without limit. */
const IDENTIFIER_CHARS_MAX = 1_024;
const TOPICS_MAX = 100_000;
const PARTITIONS_MAX = 1_000_000;
const METADATA_CHARS_MAX = 1024 * 1024;
const INT64_MAX = 2n ** 63n - 1n;
const MEMBER_STATES: readonly MemberState[] = ["stable", "unrevoked-partitions", "unreleased-partitions"];

/**
 * encodeGroupRecordKey writes a record's key: int16 type code, the group id, then the member id
 * (member records) or the topic and int32 partition (offset commits). Strings are an int16 byte
 * length and UTF-8, as in Kafka's keys. Equal entries have equal key bytes, which compaction needs.
 */
export function encodeGroupRecordKey(record: GroupRecord): Buffer {
  const parts: Buffer[] = [int16(TYPE_CODES[record.type]), keyString(record.groupId)];
  if (record.type === "offset-commit") parts.push(keyString(record.topic), int32(record.partition));
  else if (record.type === "member-subscription" || record.type === "target-assignment-member" || record.type === "current-assignment") parts.push(keyString(record.memberId));
  return Buffer.concat(parts);
}

/**
 * encodeGroupRecordValue writes a record's value: an int16 version, then the fields as UTF-8 JSON
 * (readable in a dump; 64-bit offsets as decimal strings); null for a tombstone.
 */
export function encodeGroupRecordValue(record: GroupRecord): Buffer | null {
  if (record.value === null) return null;
  return Buffer.concat([int16(GROUP_RECORD_VALUE_VERSION), Buffer.from(JSON.stringify(valueJson(record)), "utf8")]);
}

function valueJson(record: GroupRecord): unknown {
  switch (record.type) {
    case "offset-commit": {
      const value = record.value!;
      return { offset: value.offset.toString(), leaderEpoch: value.leaderEpoch, metadata: value.metadata, commitTimestampMs: value.commitTimestampMs };
    }
    case "group-metadata":
      return { groupEpoch: record.value!.groupEpoch };
    case "subscription-metadata":
      return { topics: record.value!.topics.map((topic) => ({ topicId: topic.topicId, name: topic.name, partitionCount: topic.partitionCount })) };
    case "member-subscription":
      return { ...record.value! };
    case "target-assignment-metadata":
      return { assignmentEpoch: record.value!.assignmentEpoch };
    case "target-assignment-member":
      return { assignment: assignmentToList(record.value!.assignment) };
    case "current-assignment": {
      const value = record.value!;
      return {
        memberEpoch: value.memberEpoch,
        previousMemberEpoch: value.previousMemberEpoch,
        state: value.state,
        assigned: assignmentToList(value.assigned),
        pendingRevocation: assignmentToList(value.pendingRevocation),
      };
    }
  }
}

/**
 * decodeGroupRecord reads one record back. It returns undefined for a key type this version does
 * not know (written by a newer broker; skipping it is Kafka's downgrade rule) and throws a
 * CORRUPT_MESSAGE TributaryError for anything malformed, or UNSUPPORTED_VERSION for a value version
 * it cannot read.
 */
export function decodeGroupRecord(key: Uint8Array | null, value: Uint8Array | null): GroupRecord | undefined {
  if (key === null) throw corruptGroupRecord("the record has no key");
  const reader = new KeyReader(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
  const type = TYPES_BY_CODE.get(reader.int16());
  if (type === undefined) return undefined;
  const groupId = reader.string();
  const json = value === null ? null : readValueJson(Buffer.from(value.buffer, value.byteOffset, value.byteLength), type);
  const fields = json === null ? null : new JsonValueReader(json, type);
  switch (type) {
    case "offset-commit": {
      const topic = reader.string();
      const partition = reader.int32();
      reader.end();
      return { type, groupId, topic, partition, value: fields === null ? null : offsetValue(fields) };
    }
    case "member-subscription":
    case "target-assignment-member":
    case "current-assignment": {
      const memberId = reader.string();
      reader.end();
      if (type === "member-subscription") return { type, groupId, memberId, value: fields === null ? null : subscriptionValue(fields) };
      if (type === "target-assignment-member") return { type, groupId, memberId, value: fields === null ? null : { assignment: readAssignment(fields, "assignment") } };
      return { type, groupId, memberId, value: fields === null ? null : currentAssignmentValue(fields) };
    }
    case "group-metadata":
      reader.end();
      return { type, groupId, value: fields === null ? null : { groupEpoch: fields.int("groupEpoch", 0, INT32_MAX) } };
    case "target-assignment-metadata":
      reader.end();
      return { type, groupId, value: fields === null ? null : { assignmentEpoch: fields.int("assignmentEpoch", 0, INT32_MAX) } };
    case "subscription-metadata":
      reader.end();
      return { type, groupId, value: fields === null ? null : { topics: fields.array("topics", TOPICS_MAX).map((topic) => topicMetadata(topic)) } };
  }
}

function readValueJson(value: Buffer, type: GroupRecordType): unknown {
  if (value.length < 2) throw corruptGroupRecord(`${type} value is ${value.length} bytes`);
  const version = value.readInt16BE(0);
  if (version !== GROUP_RECORD_VALUE_VERSION) throw new TributaryError("UNSUPPORTED_VERSION", `${type} value version ${version} is not ${GROUP_RECORD_VALUE_VERSION}`);
  try {
    return JSON.parse(value.subarray(2).toString("utf8"));
  } catch {
    throw corruptGroupRecord(`${type} value is not JSON`);
  }
}

function offsetValue(fields: JsonValueReader) {
  return {
    offset: fields.bigint("offset", 0n, INT64_MAX),
    leaderEpoch: fields.int("leaderEpoch", -1, INT32_MAX),
    metadata: fields.string("metadata", METADATA_CHARS_MAX),
    commitTimestampMs: fields.int("commitTimestampMs", 0, Number.MAX_SAFE_INTEGER),
  };
}

function subscriptionValue(fields: JsonValueReader) {
  return {
    instanceId: fields.optionalString("instanceId", IDENTIFIER_CHARS_MAX),
    rackId: fields.optionalString("rackId", IDENTIFIER_CHARS_MAX),
    clientId: fields.string("clientId", IDENTIFIER_CHARS_MAX),
    clientHost: fields.string("clientHost", IDENTIFIER_CHARS_MAX),
    subscribedTopicNames: fields.array("subscribedTopicNames", TOPICS_MAX).map((name, index) => {
      if (typeof name !== "string" || name.length > IDENTIFIER_CHARS_MAX) throw corruptGroupRecord(`member-subscription.subscribedTopicNames[${index}] is not a topic name`);
      return name;
    }),
    subscribedTopicRegex: fields.optionalString("subscribedTopicRegex", IDENTIFIER_CHARS_MAX),
    serverAssignor: fields.optionalString("serverAssignor", IDENTIFIER_CHARS_MAX),
    rebalanceTimeoutMs: fields.int("rebalanceTimeoutMs", 0, INT32_MAX),
    sessionTimeoutMs: fields.int("sessionTimeoutMs", 0, INT32_MAX),
  };
}

function currentAssignmentValue(fields: JsonValueReader) {
  return {
    memberEpoch: fields.int("memberEpoch", -2, INT32_MAX),
    previousMemberEpoch: fields.int("previousMemberEpoch", -2, INT32_MAX),
    state: fields.oneOf("state", MEMBER_STATES),
    assigned: readAssignment(fields, "assigned"),
    pendingRevocation: readAssignment(fields, "pendingRevocation"),
  };
}

function topicMetadata(value: unknown) {
  const fields = new JsonValueReader(value, "subscription-metadata.topics[]");
  return { topicId: fields.string("topicId", IDENTIFIER_CHARS_MAX), name: fields.string("name", IDENTIFIER_CHARS_MAX), partitionCount: fields.int("partitionCount", 0, INT32_MAX) };
}

function readAssignment(fields: JsonValueReader, name: string): Assignment {
  return assignmentFromList(
    fields.array(name, TOPICS_MAX).map((topic) => {
      const topicFields = new JsonValueReader(topic, `${name}[]`);
      const partitions = topicFields.array("partitions", PARTITIONS_MAX).map((partition) => {
        if (typeof partition !== "number" || !Number.isInteger(partition) || partition < 0 || partition > INT32_MAX) throw corruptGroupRecord(`${name}[].partitions holds ${String(partition)}`);
        return partition;
      });
      return { topicId: topicFields.string("topicId", IDENTIFIER_CHARS_MAX), partitions };
    }),
  );
}

/** encodeGroupRecordBatch writes records as one uncompressed record batch, ready for appendAsLeader. */
export function encodeGroupRecordBatch(records: readonly GroupRecord[], timestampMs: number): Promise<Buffer> {
  return encodeRecordBatch({
    records: records.map((record) => ({ key: encodeGroupRecordKey(record), value: encodeGroupRecordValue(record) })),
    baseTimestamp: BigInt(timestampMs),
  });
}

/** DecodedGroupRecord is a record read back from the log with its offset. */
export interface DecodedGroupRecord {
  readonly offset: bigint;
  readonly record: GroupRecord;
}

/**
 * decodeGroupRecordBatches decodes the group records of whole batches read from the log, skipping
 * records before `fromOffset` (a read starts at the batch holding it), control batches and record
 * types this version does not know. Throws CORRUPT_MESSAGE for anything malformed.
 */
export async function decodeGroupRecordBatches(bytes: Uint8Array, fromOffset: bigint): Promise<DecodedGroupRecord[]> {
  let batches;
  try {
    batches = await decodeRecordBatches(bytes);
  } catch (error) {
    throw corruptGroupRecord(`batch does not decode: ${(error as Error).message}`);
  }
  const decoded: DecodedGroupRecord[] = [];
  for (const batch of batches) {
    if (batch.control) continue;
    for (const record of batch.records) {
      if (record.offset < fromOffset) continue;
      const groupRecord = decodeGroupRecord(record.key, record.value);
      if (groupRecord !== undefined) decoded.push({ offset: record.offset, record: groupRecord });
    }
  }
  return decoded;
}

function int16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeInt16BE(value);
  return bytes;
}

function int32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
}

function keyString(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length > KEY_STRING_BYTES_MAX) throw new TributaryError("INVALID_REQUEST", `"${value.slice(0, 64)}..." is longer than ${KEY_STRING_BYTES_MAX} bytes`);
  return Buffer.concat([int16(bytes.length), bytes]);
}

/** KeyReader reads a key's fields in order and checks that nothing is left over. */
class KeyReader {
  readonly #bytes: Buffer;
  #position = 0;

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  int16(): number {
    this.#need(2);
    const value = this.#bytes.readInt16BE(this.#position);
    this.#position += 2;
    return value;
  }

  int32(): number {
    this.#need(4);
    const value = this.#bytes.readInt32BE(this.#position);
    this.#position += 4;
    if (value < 0) throw corruptGroupRecord(`key partition ${value} is negative`);
    return value;
  }

  string(): string {
    const length = this.int16();
    if (length < 0) throw corruptGroupRecord(`key string length ${length} is negative`);
    this.#need(length);
    const value = this.#bytes.toString("utf8", this.#position, this.#position + length);
    this.#position += length;
    return value;
  }

  end(): void {
    if (this.#position !== this.#bytes.length) throw corruptGroupRecord(`key has ${this.#bytes.length - this.#position} bytes left over`);
  }

  #need(bytes: number): void {
    if (this.#position + bytes > this.#bytes.length) throw corruptGroupRecord("key is cut short");
  }
}
