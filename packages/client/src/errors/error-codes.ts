import type { GrpcStatusName } from "./grpc-status.js";

/**
 * ErrorSpec is one row of the shared error table: the wire code (Kafka's numeric code where Kafka
 * has one; 1000+ for Tributary's own), whether retrying the same request can succeed, the gRPC
 * status it travels with, and what a caller should do about it.
 */
export interface ErrorSpec {
  readonly code: number;
  readonly retriable: boolean;
  /** refreshMetadata marks errors that mean "your view of leadership is stale": refresh, then retry. */
  readonly refreshMetadata: boolean;
  readonly grpcStatus: GrpcStatusName;
  readonly hint: string;
}

function spec(code: number, grpcStatus: GrpcStatusName, retriable: boolean, hint: string, refreshMetadata = false): ErrorSpec {
  return { code, retriable, refreshMetadata, grpcStatus, hint };
}

/**
 * ERRORS is the one table of error codes shared by controllers, brokers, the SDK and the CLI.
 * Names are Kafka's (`org.apache.kafka.common.protocol.Errors`) where Kafka has the condition.
 * Invariant: codes are unique (checked by a unit test).
 */
export const ERRORS = {
  NONE: spec(0, "OK", false, "no error"),
  UNKNOWN_SERVER_ERROR: spec(-1, "INTERNAL", false, "the server failed unexpectedly; see its log"),
  OFFSET_OUT_OF_RANGE: spec(1, "OUT_OF_RANGE", false, "seek to an offset between the log start and the high watermark"),
  CORRUPT_MESSAGE: spec(2, "INVALID_ARGUMENT", false, "the record batch failed validation; rebuild it"),
  UNKNOWN_TOPIC_OR_PARTITION: spec(3, "NOT_FOUND", true, "create the topic or check its name and partition count", true),
  INVALID_FETCH_SIZE: spec(4, "INVALID_ARGUMENT", false, "fetch sizes must be positive and within the broker's limits"),
  LEADER_NOT_AVAILABLE: spec(5, "UNAVAILABLE", true, "a leader election is in progress; retry shortly", true),
  NOT_LEADER_OR_FOLLOWER: spec(6, "UNAVAILABLE", true, "send to the partition's current leader (see the leader hint)", true),
  REQUEST_TIMED_OUT: spec(7, "DEADLINE_EXCEEDED", true, "the request timed out; the outcome may be unknown"),
  BROKER_NOT_AVAILABLE: spec(8, "UNAVAILABLE", true, "the broker is not available; retry or use another broker", true),
  REPLICA_NOT_AVAILABLE: spec(9, "UNAVAILABLE", true, "the replica is not available on this broker", true),
  MESSAGE_TOO_LARGE: spec(10, "INVALID_ARGUMENT", false, "split the batch or raise max.message.bytes"),
  STALE_CONTROLLER_EPOCH: spec(11, "FAILED_PRECONDITION", false, "the request carries an old controller epoch"),
  NETWORK_EXCEPTION: spec(13, "UNAVAILABLE", true, "the connection failed; retry", true),
  COORDINATOR_LOAD_IN_PROGRESS: spec(14, "UNAVAILABLE", true, "the group coordinator is loading; retry shortly"),
  COORDINATOR_NOT_AVAILABLE: spec(15, "UNAVAILABLE", true, "find the coordinator again and retry"),
  NOT_COORDINATOR: spec(16, "UNAVAILABLE", true, "find the coordinator again and retry"),
  INVALID_TOPIC_EXCEPTION: spec(17, "INVALID_ARGUMENT", false, "topic names are 1-249 characters of [a-zA-Z0-9._-], not '.' or '..'"),
  RECORD_LIST_TOO_LARGE: spec(18, "INVALID_ARGUMENT", false, "send fewer bytes per request"),
  NOT_ENOUGH_REPLICAS: spec(19, "UNAVAILABLE", true, "fewer in-sync replicas than min.insync.replicas; nothing was written"),
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: spec(20, "UNAVAILABLE", true, "written by the leader but not acknowledged by enough replicas; the outcome is ambiguous"),
  INVALID_REQUIRED_ACKS: spec(21, "INVALID_ARGUMENT", false, "acks must be 0, 1 or -1 (all)"),
  ILLEGAL_GENERATION: spec(22, "ABORTED", false, "this group member is stale; rejoin the group"),
  INVALID_SESSION_TIMEOUT: spec(26, "INVALID_ARGUMENT", false, "choose a session timeout within the broker's bounds"),
  REBALANCE_IN_PROGRESS: spec(27, "ABORTED", true, "the group is rebalancing; rejoin"),
  INVALID_COMMIT_OFFSET_SIZE: spec(28, "INVALID_ARGUMENT", false, "commit metadata is too large"),
  INVALID_TIMESTAMP: spec(32, "INVALID_ARGUMENT", false, "a record timestamp is out of the accepted range"),
  UNSUPPORTED_VERSION: spec(35, "UNIMPLEMENTED", false, "the server does not support this request version"),
  TOPIC_ALREADY_EXISTS: spec(36, "ALREADY_EXISTS", false, "the topic exists; describe it or pick another name"),
  INVALID_PARTITIONS: spec(37, "INVALID_ARGUMENT", false, "partition counts must be positive, within limits, and only grow"),
  INVALID_REPLICATION_FACTOR: spec(38, "INVALID_ARGUMENT", false, "the replication factor must be between 1 and the number of live brokers"),
  INVALID_REPLICA_ASSIGNMENT: spec(39, "INVALID_ARGUMENT", false, "replica assignments must name distinct registered brokers"),
  INVALID_CONFIG: spec(40, "INVALID_ARGUMENT", false, "check the config name and value"),
  NOT_CONTROLLER: spec(41, "UNAVAILABLE", true, "send to the active controller (see the leader hint)", true),
  INVALID_REQUEST: spec(42, "INVALID_ARGUMENT", false, "the request is malformed"),
  POLICY_VIOLATION: spec(44, "FAILED_PRECONDITION", false, "the request violates a cluster policy"),
  OUT_OF_ORDER_SEQUENCE_NUMBER: spec(45, "FAILED_PRECONDITION", false, "the producer's sequence skipped ahead; restart the idempotent producer"),
  DUPLICATE_SEQUENCE_NUMBER: spec(46, "ALREADY_EXISTS", false, "the batch was already written"),
  INVALID_PRODUCER_EPOCH: spec(47, "FAILED_PRECONDITION", false, "a newer producer with the same id exists; this one is fenced"),
  UNKNOWN_PRODUCER_ID: spec(59, "FAILED_PRECONDITION", true, "the broker no longer knows this producer; it will be reset"),
  NON_EMPTY_GROUP: spec(68, "FAILED_PRECONDITION", false, "the group still has members; stop them first"),
  GROUP_ID_NOT_FOUND: spec(69, "NOT_FOUND", false, "no such consumer group"),
  FENCED_LEADER_EPOCH: spec(74, "FAILED_PRECONDITION", true, "the request carries an old leader epoch; refresh metadata", true),
  UNKNOWN_LEADER_EPOCH: spec(75, "UNAVAILABLE", true, "the broker has not yet seen this leader epoch; retry", true),
  STALE_BROKER_EPOCH: spec(77, "FAILED_PRECONDITION", false, "the broker epoch is stale; the broker must re-register"),
  OFFSET_NOT_AVAILABLE: spec(78, "UNAVAILABLE", true, "the offset is not yet available; retry"),
  MEMBER_ID_REQUIRED: spec(79, "FAILED_PRECONDITION", true, "rejoin with the assigned member id"),
  GROUP_MAX_SIZE_REACHED: spec(81, "RESOURCE_EXHAUSTED", false, "the group has its maximum number of members"),
  FENCED_INSTANCE_ID: spec(82, "FAILED_PRECONDITION", false, "another member with this group.instance.id replaced this one"),
  ELIGIBLE_LEADERS_NOT_AVAILABLE: spec(83, "UNAVAILABLE", true, "no in-sync replica can lead; wait for one to return"),
  ELECTION_NOT_NEEDED: spec(84, "FAILED_PRECONDITION", false, "the preferred leader already leads"),
  INVALID_RECORD: spec(87, "INVALID_ARGUMENT", false, "a record failed broker-side validation"),
  THROTTLING_QUOTA_EXCEEDED: spec(89, "RESOURCE_EXHAUSTED", true, "slow down and retry"),
  PRODUCER_FENCED: spec(90, "FAILED_PRECONDITION", false, "a newer producer instance took over; close this one"),
  INVALID_UPDATE_VERSION: spec(95, "FAILED_PRECONDITION", false, "the change was based on an old version; re-read and retry"),
  FENCED_MEMBER_EPOCH: spec(110, "FAILED_PRECONDITION", false, "this member's epoch is stale; it must rejoin with epoch 0"),
  UNRELEASED_INSTANCE_ID: spec(111, "FAILED_PRECONDITION", true, "the previous member with this instance id has not left yet"),
  UNSUPPORTED_ASSIGNOR: spec(112, "INVALID_ARGUMENT", false, "choose an assignor the coordinator supports"),
  UNKNOWN_MEMBER_ID: spec(25, "FAILED_PRECONDITION", false, "the member is unknown to the coordinator; rejoin"),
  NEW_LEADER_ELECTED: spec(1001, "UNAVAILABLE", true, "leadership moved while the request waited; retry against the new leader", true),
  INCONSISTENT_CLUSTER_ID: spec(104, "FAILED_PRECONDITION", false, "this node belongs to another cluster"),
  DUPLICATE_BROKER_REGISTRATION: spec(101, "FAILED_PRECONDITION", true, "another incarnation of this broker is still registered; retry after its session expires"),
  BROKER_ID_NOT_REGISTERED: spec(102, "FAILED_PRECONDITION", false, "the broker must register first"),
  INCONSISTENT_TOPIC_ID: spec(103, "FAILED_PRECONDITION", true, "the topic was re-created; refresh metadata", true),
  UNKNOWN_TOPIC_ID: spec(100, "NOT_FOUND", true, "refresh metadata", true),
  NOT_ENOUGH_LIVE_BROKERS: spec(1002, "UNAVAILABLE", true, "not enough unfenced brokers are registered yet; retry when they are"),
  RESOURCE_LIMIT_EXCEEDED: spec(1003, "RESOURCE_EXHAUSTED", true, "a server-side bound was reached; slow down and retry"),
  SHUTTING_DOWN: spec(1004, "UNAVAILABLE", true, "the node is shutting down; retry against another", true),
} as const satisfies Record<string, ErrorSpec>;

/** ErrorName is the stable, Kafka-style name of an error: the `code` of every typed error. */
export type ErrorName = keyof typeof ERRORS;

/** isErrorName tells whether `name` is a row of {@link ERRORS}. */
export function isErrorName(name: string): name is ErrorName {
  return Object.prototype.hasOwnProperty.call(ERRORS, name);
}

const byCode = new Map<number, ErrorName>(
  (Object.keys(ERRORS) as ErrorName[]).map((name) => [ERRORS[name].code, name]),
);

/** errorNameOfCode maps a wire code to its name; unknown codes map to UNKNOWN_SERVER_ERROR. */
export function errorNameOfCode(code: number): ErrorName {
  return byCode.get(code) ?? "UNKNOWN_SERVER_ERROR";
}
