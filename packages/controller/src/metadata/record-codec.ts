import { TributaryError } from "@tributary/client/internal/errors";
import { corruptMetadataRecord, FieldReader, INT32_MAX, INT64_MAX } from "./json-fields.js";
import { partitionShapeProblem } from "./partition-state.js";
import type { BrokerEndpoint, MetadataRecord, PartitionChangeRecord } from "./records.js";

/**
 * METADATA_RECORD_VERSION is the version every encoded record carries in its `v` field. A reader
 * refuses versions it does not know (UNSUPPORTED_VERSION) rather than guess at their fields.
 */
export const METADATA_RECORD_VERSION = 1;

/** METADATA_RECORD_BYTES_MAX bounds one encoded record, so hostile input cannot make us parse megabytes. */
export const METADATA_RECORD_BYTES_MAX = 1024 * 1024;

/** REPLICAS_MAX bounds a replica or ISR list in a record. */
const REPLICAS_MAX = 1024;
/** ENDPOINTS_MAX bounds a broker's listener list. */
const ENDPOINTS_MAX = 64;
/** CONFIG_VALUE_CHARS_MAX bounds one config value. */
const CONFIG_VALUE_CHARS_MAX = 32 * 1024;

/** Identifiers (topic ids, incarnation ids) are UUIDs in some text form: letters, digits, '-' and '_'. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** The topic-name alphabet; the full rules (not '.' or '..') are checked where topics are created. */
const TOPIC_NAME_PATTERN = /^[A-Za-z0-9._-]{1,249}$/;
/** A non-empty string without whitespace (listener names, hosts). */
const TOKEN_PATTERN = /^\S+$/;
/** A broker config resource name: "" (cluster default) or a broker id. */
const BROKER_RESOURCE_PATTERN = /^(|0|[1-9][0-9]{0,9})$/;

const encoder = new TextEncoder();

/**
 * encodeMetadataRecord writes a record as UTF-8 JSON: `{"v":1,"type":...,...fields}`, with the one
 * 64-bit field (nextProducerId) as a decimal string. JSON is compact enough for metadata and can be
 * read in a hex dump; the envelope version leaves room to change a record's fields later.
 */
export function encodeMetadataRecord(record: MetadataRecord): Uint8Array {
  const fields = record.type === "producer-ids" ? { ...record, nextProducerId: record.nextProducerId.toString() } : record;
  return encoder.encode(JSON.stringify({ v: METADATA_RECORD_VERSION, ...fields }));
}

/**
 * decodeMetadataRecord parses bytes written by {@link encodeMetadataRecord}. It validates strictly:
 * exact field sets, types, bounds, and the shape of partition replica sets. Malformed input throws a
 * {@link TributaryError} (CORRUPT_MESSAGE, or UNSUPPORTED_VERSION for a newer version), never
 * anything else. Invariant: decodeMetadataRecord(encodeMetadataRecord(r)) deep-equals r.
 */
export function decodeMetadataRecord(bytes: Uint8Array): MetadataRecord {
  if (bytes.length > METADATA_RECORD_BYTES_MAX) {
    throw corruptMetadataRecord(`${bytes.length} bytes is more than ${METADATA_RECORD_BYTES_MAX}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw corruptMetadataRecord(`not UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const fields = new FieldReader(parsed, "record");
  const version = fields.int("v", 0, INT32_MAX);
  if (version !== METADATA_RECORD_VERSION) {
    throw new TributaryError("UNSUPPORTED_VERSION", `metadata record version ${version} is not ${METADATA_RECORD_VERSION}`);
  }
  const record = readRecord(fields);
  fields.finish();
  return record;
}

function readRecord(fields: FieldReader): MetadataRecord {
  const type = fields.oneOf("type", RECORD_TYPES);
  switch (type) {
    case "register-broker":
      return {
        type,
        brokerId: fields.int("brokerId", 0, INT32_MAX),
        incarnationId: fields.string("incarnationId", 64, ID_PATTERN),
        endpoints: readEndpoints(fields),
        rack: fields.nullableString("rack", 255, TOKEN_PATTERN),
        brokerEpoch: fields.nullableInt("brokerEpoch", 0, Number.MAX_SAFE_INTEGER),
      };
    case "fence-broker":
    case "unfence-broker":
    case "broker-controlled-shutdown":
    case "unregister-broker":
      return { type, brokerId: fields.int("brokerId", 0, INT32_MAX), brokerEpoch: fields.int("brokerEpoch", 0, Number.MAX_SAFE_INTEGER) };
    case "topic":
      return { type, name: fields.string("name", 249, TOPIC_NAME_PATTERN), topicId: fields.string("topicId", 64, ID_PATTERN) };
    case "remove-topic":
      return { type, topicId: fields.string("topicId", 64, ID_PATTERN) };
    case "partition": {
      const record = {
        type,
        topicId: fields.string("topicId", 64, ID_PATTERN),
        partition: fields.int("partition", 0, INT32_MAX),
        replicas: fields.intArray("replicas", 0, INT32_MAX, REPLICAS_MAX),
        isr: fields.intArray("isr", 0, INT32_MAX, REPLICAS_MAX),
        leader: fields.int("leader", -1, INT32_MAX),
        leaderEpoch: fields.int("leaderEpoch", 0, INT32_MAX),
        partitionEpoch: fields.int("partitionEpoch", 0, INT32_MAX),
      };
      const problem = partitionShapeProblem(record.replicas, record.isr, record.leader);
      if (problem !== null) throw corruptMetadataRecord(`partition record: ${problem}`);
      return record;
    }
    case "partition-change":
      return readPartitionChange(fields);
    case "config":
      return readConfig(fields);
    case "producer-ids":
      return {
        type,
        brokerId: fields.int("brokerId", 0, INT32_MAX),
        brokerEpoch: fields.int("brokerEpoch", 0, Number.MAX_SAFE_INTEGER),
        nextProducerId: fields.bigintString("nextProducerId", INT64_MAX),
      };
    case "no-op":
      return { type };
  }
}

const RECORD_TYPES = [
  "register-broker",
  "fence-broker",
  "unfence-broker",
  "broker-controlled-shutdown",
  "unregister-broker",
  "topic",
  "remove-topic",
  "partition",
  "partition-change",
  "config",
  "producer-ids",
  "no-op",
] as const satisfies readonly MetadataRecord["type"][];

function readEndpoints(fields: FieldReader): BrokerEndpoint[] {
  const endpoints = fields.objectArray("endpoints", ENDPOINTS_MAX).map((endpoint) => {
    const value = {
      listener: endpoint.string("listener", 64, TOKEN_PATTERN),
      host: endpoint.string("host", 255, TOKEN_PATTERN),
      port: endpoint.int("port", 1, 65_535),
    };
    endpoint.finish();
    return value;
  });
  if (endpoints.length === 0) throw corruptMetadataRecord("register-broker has no endpoints");
  if (new Set(endpoints.map((e) => e.listener)).size !== endpoints.length) {
    throw corruptMetadataRecord("register-broker names a listener twice");
  }
  return endpoints;
}

function readPartitionChange(fields: FieldReader): PartitionChangeRecord {
  const topicId = fields.string("topicId", 64, ID_PATTERN);
  const partition = fields.int("partition", 0, INT32_MAX);
  const isr = fields.has("isr") ? fields.intArray("isr", 0, INT32_MAX, REPLICAS_MAX) : undefined;
  const leader = fields.has("leader") ? fields.int("leader", -1, INT32_MAX) : undefined;
  const replicas = fields.has("replicas") ? fields.intArray("replicas", 0, INT32_MAX, REPLICAS_MAX) : undefined;
  if (isr === undefined && leader === undefined && replicas === undefined) {
    throw corruptMetadataRecord("partition-change changes nothing");
  }
  const problem = changeShapeProblem(isr, leader, replicas);
  if (problem !== null) throw corruptMetadataRecord(`partition-change: ${problem}`);
  return {
    type: "partition-change",
    topicId,
    partition,
    ...(isr === undefined ? {} : { isr }),
    ...(leader === undefined ? {} : { leader }),
    ...(replicas === undefined ? {} : { replicas }),
  };
}

/** changeShapeProblem checks what a change can be checked for without the partition: its fields must fit each other. */
function changeShapeProblem(isr: readonly number[] | undefined, leader: number | undefined, replicas: readonly number[] | undefined): string | null {
  if (replicas !== undefined && (replicas.length === 0 || new Set(replicas).size !== replicas.length)) return "replicas are empty or hold a duplicate";
  if (isr !== undefined && (isr.length === 0 || new Set(isr).size !== isr.length)) return "the ISR is empty or holds a duplicate";
  if (isr !== undefined && replicas !== undefined && !isr.every((id) => replicas.includes(id))) return "the ISR is not a subset of the replicas";
  if (isr !== undefined && leader !== undefined && leader !== -1 && !isr.includes(leader)) return "the leader is not in the ISR";
  return null;
}

function readConfig(fields: FieldReader): MetadataRecord {
  const resourceType = fields.oneOf("resourceType", ["topic", "broker"] as const);
  const resourceName =
    resourceType === "topic" ? fields.string("resourceName", 249, TOPIC_NAME_PATTERN) : fields.string("resourceName", 10, BROKER_RESOURCE_PATTERN);
  return {
    type: "config",
    resourceType,
    resourceName,
    name: fields.string("name", 255, TOKEN_PATTERN),
    value: fields.nullableString("value", CONFIG_VALUE_CHARS_MAX),
  };
}

/**
 * metadataRecordProblem returns why a record would not survive the codec (a field out of bounds),
 * or null. Managers use it on records built from request fields, so that nothing reaches the log
 * that a reader would refuse.
 */
export function metadataRecordProblem(record: MetadataRecord): string | null {
  try {
    decodeMetadataRecord(encodeMetadataRecord(record));
    return null;
  } catch (error) {
    if (error instanceof TributaryError) return error.message;
    throw error;
  }
}
