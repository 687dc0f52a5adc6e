/**
 * Raft messages as a plain discriminated union on `type`; a transport maps each variant to its wire
 * form. Every message carries the sender's term: Raft's fencing token (thesis §3.3). Local inputs
 * (ticks, proposals, campaign and transfer requests) are methods of the node, not messages.
 *
 * Pre-vote messages (thesis §9.6) carry the term the sender *would* campaign at (its term + 1) and
 * change nobody's term.
 */
import type { Entry, LogPosition } from "./entry.js";
import type { NodeId } from "./node-id.js";
import type { SnapshotMetadata } from "./snapshot.js";

/** MessageBase holds the fields every message has. */
export interface MessageBase {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
}

/** AppendRequest replicates entries after (prevIndex, prevTerm) and carries the leader's commit. */
export interface AppendRequest extends MessageBase {
  readonly type: "append";
  readonly prevIndex: number;
  readonly prevTerm: number;
  readonly entries: readonly Entry[];
  readonly commit: number;
}

/**
 * AppendResponse acknowledges or rejects an append (or reports where a snapshot left the follower).
 * On success `index` is the last index known to match the leader. On rejection `index` is the
 * rejected `prevIndex` and `hint` is the follower's best guess of where the logs agree: the largest
 * (index, term) in its log with `index <= min(prevIndex, lastIndex)` and `term <= prevTerm`
 * (etcd's reject hint; KRaft's DivergingEpoch). It lets the leader skip a whole term per round trip.
 */
export interface AppendResponse extends MessageBase {
  readonly type: "append-response";
  readonly reject: boolean;
  readonly index: number;
  readonly hint: LogPosition;
}

/** HeartbeatRequest asserts leadership; `commit` is at most what the follower is known to hold. */
export interface HeartbeatRequest extends MessageBase {
  readonly type: "heartbeat";
  readonly commit: number;
}

/** HeartbeatResponse tells the leader the follower is alive (check-quorum, flow control). */
export interface HeartbeatResponse extends MessageBase {
  readonly type: "heartbeat-response";
}

/** VoteFields are the log position a (pre-)candidate offers (Raft §5.4.1 election restriction). */
interface VoteFields extends MessageBase {
  readonly lastIndex: number;
  readonly lastTerm: number;
}

/** PreVoteRequest asks "would you vote for me at `term`?" without anyone changing state. */
export interface PreVoteRequest extends VoteFields {
  readonly type: "pre-vote";
}

/**
 * VoteRequest asks for a vote in `term`. `transfer` marks a campaign started by TimeoutNow
 * (leadership transfer, thesis §3.10): voters then skip the leader-lease check.
 */
export interface VoteRequest extends VoteFields {
  readonly type: "vote";
  readonly transfer: boolean;
}

/** PreVoteResponse answers a pre-vote; a grant carries the requested term, a refusal the voter's. */
export interface PreVoteResponse extends MessageBase {
  readonly type: "pre-vote-response";
  readonly granted: boolean;
}

/** VoteResponse answers a vote request. A grant is durable before it is sent. */
export interface VoteResponse extends MessageBase {
  readonly type: "vote-response";
  readonly granted: boolean;
}

/**
 * InstallSnapshotRequest carries one chunk `[offset, offset + data.length)` of the leader's snapshot
 * (thesis §5.1 and Figure 5.3; KRaft FetchSnapshot's position). `done` marks the last chunk.
 */
export interface InstallSnapshotRequest extends MessageBase {
  readonly type: "install-snapshot";
  readonly snapshot: SnapshotMetadata;
  readonly totalBytes: number;
  readonly offset: number;
  readonly data: Uint8Array;
  readonly done: boolean;
}

/**
 * InstallSnapshotResponse acknowledges a chunk with the next offset the follower expects. The last
 * chunk is answered by an {@link AppendResponse} once the snapshot is persisted.
 */
export interface InstallSnapshotResponse extends MessageBase {
  readonly type: "install-snapshot-response";
  readonly snapshot: SnapshotMetadata;
  readonly nextOffset: number;
}

/** TimeoutNow tells a caught-up follower to campaign at once (leadership transfer, thesis §3.10). */
export interface TimeoutNow extends MessageBase {
  readonly type: "timeout-now";
}

/** Message is every message one Raft node sends another. */
export type Message =
  | AppendRequest
  | AppendResponse
  | HeartbeatRequest
  | HeartbeatResponse
  | PreVoteRequest
  | PreVoteResponse
  | VoteRequest
  | VoteResponse
  | InstallSnapshotRequest
  | InstallSnapshotResponse
  | TimeoutNow;

/** MessageType is the discriminant of {@link Message}. */
export type MessageType = Message["type"];

/**
 * isDurableResponse is true for messages that vouch for state the sender must have persisted first:
 * an append acknowledgement (the entries are on disk) and a vote response (the vote is on disk).
 * They travel in `Ready.messagesAfterPersist` (etcd's msgsAfterAppend; thesis §3.8).
 */
export function isDurableResponse(message: Message): boolean {
  return message.type === "append-response" || message.type === "vote-response";
}
