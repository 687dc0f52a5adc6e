/**
 * @tributary/controller: the controller quorum. So far, the pure Raft core (etcd-io/raft style):
 * a synchronous state machine driven by `step`, `tick` and `propose`, whose output — what to
 * persist, send and apply — comes out of `ready()` under the contract documented on {@link Ready}.
 * The core does no I/O; a driver owns the network, the disk and time.
 */

/** The Raft node: inputs, Ready/advance, status. */
export { RaftNode } from "./raft/raft-node.js";
export type { RaftNodeOptions, RaftLogView } from "./raft/raft-node.js";

/** The Ready contract between the core and its driver. */
export { isReadyEmpty, needsPersist } from "./raft/ready.js";
export type { Ready } from "./raft/ready.js";

/** Configuration and limits. */
export { DEFAULT_RAFT_LIMITS, raftConfig, validateRaftConfig } from "./raft/config.js";
export type { RaftConfig, RaftLimits } from "./raft/config.js";

/** Log entries, hard state and snapshots. */
export { appendWithinBytes, ENTRY_OVERHEAD_BYTES, entrySizeBytes } from "./raft/entry.js";
export type { Entry, EntryType, LogPosition } from "./raft/entry.js";
export { EMPTY_HARD_STATE, hardStateEqual } from "./raft/hard-state.js";
export type { HardState } from "./raft/hard-state.js";
export { EMPTY_SNAPSHOT, EMPTY_SNAPSHOT_METADATA } from "./raft/snapshot.js";
export type { Snapshot, SnapshotMetadata } from "./raft/snapshot.js";
export type { NodeId } from "./raft/node-id.js";

/** Messages exchanged between nodes (a transport maps them to the wire). */
export { isDurableResponse } from "./raft/message.js";
export type {
  AppendRequest,
  AppendResponse,
  HeartbeatRequest,
  HeartbeatResponse,
  InstallSnapshotRequest,
  InstallSnapshotResponse,
  Message,
  MessageBase,
  MessageType,
  PreVoteRequest,
  PreVoteResponse,
  TimeoutNow,
  VoteRequest,
  VoteResponse,
} from "./raft/message.js";

/** Stable storage: the read interface, its typed errors and the in-memory implementation. */
export { CompactedError, UnavailableError, isOutOfRange } from "./raft/storage.js";
export type { RaftStorage } from "./raft/storage.js";
export { MemoryStorage } from "./raft/memory-storage.js";

/** Injected randomness. */
export { SeededRandom } from "./raft/random.js";
export type { Random } from "./raft/random.js";

/** Results of local requests and status for DescribeQuorum. */
export type { ProposeResult, TransferResult } from "./raft/results.js";
export type { BasicStatus, RaftStatus, VoterStatus } from "./raft/status.js";
export type { RoleKind } from "./raft/role.js";
export type { FlowStateKind } from "./raft/progress.js";
