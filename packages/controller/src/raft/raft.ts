/**
 * The Raft protocol as a pure, synchronous state machine (etcd-io/raft `raft.go`; Ongaro's thesis).
 * Inputs are messages, ticks and local requests; outputs are queued messages and log changes that
 * {@link RaftNode} hands to the driver through `Ready`. No I/O, no clock, no `Math.random()`.
 *
 * Sections: construction and inputs; term handling and per-role dispatch; the follower's side of
 * replication; elections; the leader's side of replication; role transitions; persistence hooks.
 */
import { assert } from "@tributary/client/internal/assert";
import { entrySizeBytes } from "./entry.js";
import type { Entry, EntryType } from "./entry.js";
import type { HardState } from "./hard-state.js";
import type {
  AppendRequest,
  AppendResponse,
  HeartbeatRequest,
  HeartbeatResponse,
  InstallSnapshotRequest,
  InstallSnapshotResponse,
  Message,
  PreVoteRequest,
  PreVoteResponse,
  VoteRequest,
} from "./message.js";
import { isDurableResponse } from "./message.js";
import type { NodeId } from "./node-id.js";
import { Progress } from "./progress.js";
import type { SnapshotTransfer } from "./progress.js";
import { committedIndex, majoritySize, tallyVotes } from "./quorum.js";
import { RaftLog } from "./raft-log.js";
import type { Random } from "./random.js";
import type { ProposeResult, TransferResult } from "./results.js";
import { assertTransition } from "./role.js";
import type { CandidateRole, LeaderRole, PreCandidateRole, Role } from "./role.js";
import type { Snapshot } from "./snapshot.js";
import { SnapshotReceiver } from "./snapshot-receiver.js";
import type { BasicStatus, RaftStatus, VoterStatus } from "./status.js";
import type { RaftStorage } from "./storage.js";
import { UnavailableError } from "./storage.js";
import { validateRaftConfig } from "./config.js";
import type { RaftConfig } from "./config.js";

const NO_HINT = { index: 0, term: 0 } as const;
const EMPTY_DATA = new Uint8Array(0);

/** Messages a node sends, before the sender fields are filled in. */
type Outgoing = Message extends infer M ? (M extends Message ? Omit<M, "from" | "term"> & { term?: number } : never) : never;

/**
 * Raft is one node's protocol state. Internal to the package: drivers use {@link RaftNode}.
 *
 * Invariant: `term >= log.lastTerm()` (a node never holds entries from a term it has not seen).
 * Invariant: `role.kind === "leader"` iff `leader === id`.
 */
export class Raft {
  readonly id: NodeId;
  readonly config: RaftConfig;
  readonly log: RaftLog;
  /** Voters other than this node, in config order. */
  readonly peers: readonly NodeId[];

  term: number;
  vote: NodeId | undefined;
  /** The leader of `term` this node knows of. */
  leader: NodeId | undefined = undefined;
  role: Role = { kind: "follower" };

  /** Ticks since the last election reset; on a leader, since the last check-quorum. */
  electionElapsed = 0;
  /** Ticks since the leader's last heartbeat. */
  heartbeatElapsed = 0;
  /** This round's election timeout, in `[electionTimeoutTicks, 2 * electionTimeoutTicks)`. */
  randomizedElectionTimeout: number;
  /** Ticks since this node started: the clock of `Progress.lastContactTick`. */
  tickCount = 0;

  /** Messages that may be sent at once. */
  messages: Message[] = [];
  /** Messages that vouch for durable state: sent only after the next persist (see Ready). */
  messagesAfterPersist: Message[] = [];
  /** The hard state the driver last confirmed persisted. */
  durableHardState: HardState;

  readonly #random: Random;
  readonly #snapshotReceiver = new SnapshotReceiver();

  /** Opens a node over what `storage` holds, as a follower of no one. */
  constructor(config: RaftConfig, storage: RaftStorage, random: Random) {
    validateRaftConfig(config);
    this.id = config.id;
    this.config = config;
    this.peers = config.voters.filter((id) => id !== config.id);
    this.#random = random;
    this.log = new RaftLog(storage, config.maxApplyBytes);
    const hardState = storage.initialHardState();
    this.term = hardState.term;
    this.vote = hardState.vote;
    this.durableHardState = hardState;
    assert(this.term >= this.log.lastTerm(), `node ${this.id}: stored term ${this.term} is below its last log term ${this.log.lastTerm()}`);
    this.log.commitTo(hardState.commit);
    this.randomizedElectionTimeout = this.#drawElectionTimeout();
  }

  // =============================================================================================
  // Inputs
  // =============================================================================================

  /** tick advances logical time by one tick: election timeouts, heartbeats, check-quorum. */
  tick(): void {
    this.tickCount++;
    if (this.role.kind === "leader") this.#tickLeader();
    else this.#tickElection();
  }

  /** campaign starts a pre-vote round now, as an election timeout would. A leader ignores it. */
  campaign(): void {
    if (this.role.kind === "leader") return;
    this.#becomePreCandidate();
  }

  /** propose appends `batch` to the leader's log and replicates it. */
  propose(batch: readonly Uint8Array[]): ProposeResult {
    const role = this.role;
    if (role.kind !== "leader") return { ok: false, reason: "not-leader", leader: this.leader };
    if (role.transferee !== undefined) return { ok: false, reason: "transfer-in-progress", transferee: role.transferee };
    assert(batch.length > 0, "propose needs at least one entry");
    let bytes = 0;
    for (const data of batch) bytes += entrySizeBytes({ index: 0, term: 0, type: "normal", data });
    // Bound what a leader buffers for slow commits (etcd MaxUncommittedEntriesSize); an empty
    // budget still admits one batch so a large entry can never be refused forever.
    if (role.uncommittedBytes > 0 && role.uncommittedBytes + bytes > this.config.maxUncommittedBytes) {
      return { ok: false, reason: "uncommitted-limit", uncommittedBytes: role.uncommittedBytes };
    }
    role.uncommittedBytes += bytes;
    const firstIndex = this.log.lastIndex() + 1;
    const lastIndex = this.#appendEntries(batch.map((data) => ({ type: "normal", data })));
    this.#broadcastAppend();
    return { ok: true, term: this.term, firstIndex, lastIndex };
  }

  /**
   * transferLeadership hands leadership to `transferee` (default: the most caught-up voter) without
   * waiting for an election timeout (thesis §3.10): the leader stops taking proposals, brings the
   * transferee up to date, then sends it TimeoutNow so it campaigns at once. The transfer is
   * abandoned after one election timeout.
   */
  transferLeadership(transferee?: NodeId): TransferResult {
    const role = this.role;
    if (role.kind !== "leader") return { ok: false, reason: "not-leader", leader: this.leader };
    const target = transferee ?? this.#mostCaughtUpPeer(role);
    if (target === undefined || target === this.id || !this.peers.includes(target)) {
      return { ok: false, reason: "invalid-transferee", transferee: target };
    }
    role.transferee = target;
    this.electionElapsed = 0;
    const progress = this.#progressOf(role, target);
    if (progress.match === this.log.lastIndex()) this.#send({ type: "timeout-now", to: target });
    else this.#maybeSendAppend(target, true);
    return { ok: true, transferee: target };
  }

  /** hardState is the state the driver must persist (Raft Figure 2 plus the commit index). */
  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.log.committed };
  }

  /** basicStatus reports role, term, leader and log cursors without allocating per voter. */
  basicStatus(): BasicStatus {
    const role = this.role;
    return {
      id: this.id,
      role: role.kind,
      term: this.term,
      vote: this.vote,
      leader: this.leader,
      commit: this.log.committed,
      applied: this.log.applied,
      firstIndex: this.log.firstIndex(),
      lastIndex: this.log.lastIndex(),
      tick: this.tickCount,
      transferee: role.kind === "leader" ? role.transferee : undefined,
    };
  }

  /** status reports the node's state for DescribeQuorum and tests. */
  status(): RaftStatus {
    const role = this.role;
    let voters: VoterStatus[] | undefined;
    if (role.kind === "leader") {
      voters = this.config.voters.map((id) => {
        const p = this.#progressOf(role, id);
        const self = id === this.id;
        return {
          id,
          match: p.match,
          next: p.next,
          flow: p.flow.kind,
          recentActive: self || p.recentActive,
          lastContactTick: self ? this.tickCount : p.lastContactTick,
        };
      });
    }
    return { ...this.basicStatus(), voters };
  }

  // =============================================================================================
  // Step: term handling once, then per-role dispatch
  // =============================================================================================

  /** step handles one message from a peer. */
  step(m: Message): void {
    assert(m.to === this.id, `node ${this.id} was handed a message for node ${m.to}`);
    assert(m.from !== this.id, `node ${this.id} was handed a message from itself`);
    // Voters are fixed by config; anything else is not part of this quorum.
    if (!this.peers.includes(m.from)) return;

    if (m.term > this.term) {
      if (!this.#acceptHigherTerm(m)) return;
    } else if (m.term < this.term) {
      this.#answerStaleTerm(m);
      return;
    }

    switch (this.role.kind) {
      case "follower":
        this.#stepFollower(m);
        return;
      case "pre-candidate":
      case "candidate":
        this.#stepCandidate(m);
        return;
      case "leader":
        this.#stepLeader(m, this.role);
        return;
      default:
        assertNever(this.role);
    }
  }

  /**
   * acceptHigherTerm decides whether a message from a higher term is handled, moving to that term
   * unless it is a pre-vote exchange (thesis §9.6: pre-votes change no one's term).
   */
  #acceptHigherTerm(m: Message): boolean {
    if (m.type === "pre-vote" || m.type === "vote") {
      // Leader lease (thesis §4.2.3, §9.6; KIP-996): a node that heard from a live leader within
      // the minimum election timeout ignores (pre-)votes, so a partitioned or flaky node cannot
      // depose a healthy leader. A transfer campaign was asked for by the leader itself.
      const transfer = m.type === "vote" && m.transfer;
      if (!transfer && this.#inLease()) return false;
      if (m.type === "pre-vote") return true;
    }
    if (m.type === "pre-vote-response" && m.granted) return true;
    const leader = m.type === "append" || m.type === "heartbeat" || m.type === "install-snapshot" ? m.from : undefined;
    this.#becomeFollower(m.term, leader);
    return true;
  }

  /** answerStaleTerm tells a sender from an older term about the current one, where that helps. */
  #answerStaleTerm(m: Message): void {
    switch (m.type) {
      case "append":
      case "heartbeat":
      case "install-snapshot":
        // A deposed leader learns the new term from the answer and steps down.
        this.#send({ type: "heartbeat-response", to: m.from });
        return;
      case "pre-vote":
        // Without this a pre-candidate behind in term would pre-vote forever at a term no one
        // grants (etcd: "respond to a pre-vote from a lower term to avoid deadlock").
        this.#send({ type: "pre-vote-response", to: m.from, granted: false });
        return;
      default:
        // Stale answers to requests this node made in an earlier term, and stale votes: ignored.
        return;
    }
  }

  #stepFollower(m: Message): void {
    switch (m.type) {
      case "append":
        this.#hearFromLeader(m.from);
        this.#handleAppend(m);
        return;
      case "heartbeat":
        this.#hearFromLeader(m.from);
        this.#handleHeartbeat(m);
        return;
      case "install-snapshot":
        this.#hearFromLeader(m.from);
        this.#handleSnapshotChunk(m);
        return;
      case "timeout-now":
        // Leadership transfer: campaign at once, skipping pre-vote (thesis §3.10).
        this.#becomeCandidate(true);
        return;
      case "pre-vote":
      case "vote":
        this.#handleVoteRequest(m);
        return;
      case "append-response":
      case "heartbeat-response":
      case "install-snapshot-response":
      case "pre-vote-response":
      case "vote-response":
        // Answers to a role this node no longer holds.
        return;
      default:
        assertNever(m);
    }
  }

  #stepCandidate(m: Message): void {
    switch (m.type) {
      case "append":
      case "heartbeat":
      case "install-snapshot":
        // A leader exists in this term (thesis §3.4): follow it.
        this.#becomeFollower(this.term, m.from);
        this.#stepFollower(m);
        return;
      case "pre-vote":
      case "vote":
        this.#handleVoteRequest(m);
        return;
      case "pre-vote-response":
        this.#handlePreVoteResponse(m);
        return;
      case "vote-response":
        if (this.role.kind === "candidate") this.#poll(this.role, m.from, m.granted);
        return;
      case "timeout-now":
      case "append-response":
      case "heartbeat-response":
      case "install-snapshot-response":
        return;
      default:
        assertNever(m);
    }
  }

  #stepLeader(m: Message, role: LeaderRole): void {
    switch (m.type) {
      case "append-response":
        this.#handleAppendResponse(m, role);
        return;
      case "heartbeat-response":
        this.#handleHeartbeatResponse(m, role);
        return;
      case "install-snapshot-response":
        this.#handleSnapshotResponse(m, role);
        return;
      case "pre-vote":
      case "vote":
        this.#handleVoteRequest(m);
        return;
      case "append":
      case "heartbeat":
      case "install-snapshot":
        // Election Safety (Raft §5.2): at most one leader per term.
        assert(false, `node ${this.id}: leader of term ${this.term} received ${m.type} from node ${m.from} in the same term`);
        return;
      case "timeout-now":
      case "pre-vote-response":
      case "vote-response":
        return;
      default:
        assertNever(m);
    }
  }

  // =============================================================================================
  // Follower: replication
  // =============================================================================================

  #hearFromLeader(from: NodeId): void {
    // Election Safety: a term has at most one leader, so a second one is a bug.
    assert(this.leader === undefined || this.leader === from, `node ${this.id}: nodes ${this.leader} and ${from} both lead term ${this.term}`);
    this.leader = from;
    this.electionElapsed = 0;
  }

  #handleAppend(m: AppendRequest): void {
    if (m.prevIndex < this.log.committed) {
      // Everything up to the commit index is known to match the leader: say where it ends.
      this.#send({ type: "append-response", to: m.from, reject: false, index: this.log.committed, hint: NO_HINT });
      return;
    }
    const lastNew = this.log.maybeAppend(m.prevIndex, m.prevTerm, m.commit, m.entries);
    if (lastNew !== undefined) {
      // Invariant: a node holds no entry from a term it has not seen (the leader's term is ours).
      assert(this.log.lastTerm() <= this.term, `node ${this.id}: last log term ${this.log.lastTerm()} is past term ${this.term}`);
      this.#send({ type: "append-response", to: m.from, reject: false, index: lastNew, hint: NO_HINT });
      return;
    }
    // Reject with a hint: the largest (index, term) here that could match the leader's log, so the
    // leader skips every entry of a conflicting term in one round trip.
    const hint = this.log.findConflictByTerm(Math.min(m.prevIndex, this.log.lastIndex()), m.prevTerm);
    this.#send({ type: "append-response", to: m.from, reject: true, index: m.prevIndex, hint });
  }

  #handleHeartbeat(m: HeartbeatRequest): void {
    // The leader sends at most the follower's match index, which this log is known to hold.
    this.log.commitTo(m.commit);
    this.#send({ type: "heartbeat-response", to: m.from });
  }

  #handleSnapshotChunk(m: InstallSnapshotRequest): void {
    const metadata = m.snapshot;
    if (metadata.index <= this.log.committed) {
      // Already past it (a duplicate, or caught up by appends): report where the log is.
      this.#snapshotReceiver.reset();
      this.#send({ type: "append-response", to: m.from, reject: false, index: this.log.committed, hint: NO_HINT });
      return;
    }
    if (this.log.matchTerm(metadata.index, metadata.term)) {
      // The log already holds the snapshot's last entry: keep the suffix, commit up to it.
      this.#snapshotReceiver.reset();
      this.log.commitTo(metadata.index);
      this.#send({ type: "append-response", to: m.from, reject: false, index: this.log.committed, hint: NO_HINT });
      return;
    }
    const outcome = this.#snapshotReceiver.accept(m);
    if (outcome.kind === "incomplete") {
      this.#send({ type: "install-snapshot-response", to: m.from, snapshot: metadata, nextOffset: outcome.nextOffset });
      return;
    }
    this.#restore(outcome.snapshot);
    this.#send({ type: "append-response", to: m.from, reject: false, index: metadata.index, hint: NO_HINT });
  }

  #restore(snapshot: Snapshot): void {
    // KRaft invariant "the leader never loads a snapshot": only a follower replaces its log.
    assert(this.role.kind === "follower", `node ${this.id}: a ${this.role.kind} cannot restore a snapshot`);
    this.log.restore(snapshot);
  }

  // =============================================================================================
  // Elections
  // =============================================================================================

  #inLease(): boolean {
    return this.leader !== undefined && this.electionElapsed < this.config.electionTimeoutTicks;
  }

  #tickElection(): void {
    this.electionElapsed++;
    if (this.electionElapsed >= this.randomizedElectionTimeout) this.#becomePreCandidate();
  }

  #handleVoteRequest(m: PreVoteRequest | VoteRequest): void {
    // One vote per term (Raft Figure 2); a pre-vote for a later term binds nothing.
    const canVote =
      this.vote === m.from ||
      (this.vote === undefined && this.leader === undefined) ||
      (m.type === "pre-vote" && m.term > this.term);
    // Election restriction (Raft §5.4.1): only for a log at least as up to date as ours.
    const grant = canVote && this.log.isUpToDate(m.lastIndex, m.lastTerm);
    if (m.type === "pre-vote") {
      // A grant answers at the term asked about, so the pre-candidate can count it.
      this.#send({ type: "pre-vote-response", to: m.from, term: grant ? m.term : this.term, granted: grant });
      return;
    }
    if (grant) {
      this.electionElapsed = 0;
      this.vote = m.from;
    }
    // Durable response: leaves only after the vote is persisted (Ready.messagesAfterPersist).
    this.#send({ type: "vote-response", to: m.from, granted: grant });
  }

  #handlePreVoteResponse(m: PreVoteResponse): void {
    if (this.role.kind !== "pre-candidate") return;
    // Grants come at the prospective term; refusals at the voter's own (equal) term.
    const current = m.granted ? m.term === this.term + 1 : m.term === this.term;
    if (current) this.#poll(this.role, m.from, m.granted);
  }

  #poll(role: PreCandidateRole | CandidateRole, from: NodeId, granted: boolean): void {
    if (!role.votes.has(from)) role.votes.set(from, granted);
    switch (tallyVotes(this.config.voters, role.votes)) {
      case "won":
        if (role.kind === "pre-candidate") this.#becomeCandidate(false);
        else this.#becomeLeader();
        return;
      case "lost":
        this.#becomeFollower(this.term, undefined);
        return;
      case "pending":
        return;
    }
  }

  /**
   * maybeCountOwnVote counts a candidate's vote for itself once it is durable. Counting it earlier
   * could let a candidate win, crash, forget its vote and vote again in the same term (thesis §3.8).
   */
  #maybeCountOwnVote(): void {
    const role = this.role;
    if (role.kind !== "candidate") return;
    const durable = this.durableHardState;
    if (durable.term === this.term && durable.vote === this.id) this.#poll(role, this.id, true);
  }

  // =============================================================================================
  // Leader: replication, commitment, heartbeats, check-quorum
  // =============================================================================================

  #tickLeader(): void {
    const role = this.role;
    assert(role.kind === "leader", "tickLeader on a non-leader");
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.config.electionTimeoutTicks) {
      this.electionElapsed = 0;
      // Check-quorum (thesis §6.2): a leader that has not heard from a majority in an election
      // timeout steps down, so clients stop talking to an isolated leader.
      if (!this.#quorumActive(role)) {
        this.#becomeFollower(this.term, undefined);
        return;
      }
      for (const id of this.peers) this.#progressOf(role, id).recentActive = false;
      // A transfer that did not finish in an election timeout is abandoned (etcd).
      role.transferee = undefined;
    }
    if (this.heartbeatElapsed >= this.config.heartbeatIntervalTicks) {
      this.heartbeatElapsed = 0;
      this.#broadcastHeartbeat(role);
    }
  }

  #quorumActive(role: LeaderRole): boolean {
    let active = 1;
    for (const id of this.peers) if (this.#progressOf(role, id).recentActive) active++;
    return active >= majoritySize(this.config.voters.length);
  }

  #appendEntries(items: readonly { type: EntryType; data: Uint8Array }[]): number {
    let index = this.log.lastIndex();
    const entries: Entry[] = items.map((item) => ({ index: ++index, term: this.term, type: item.type, data: item.data }));
    // The leader's own copy counts toward commitment only once persisted (onPersisted).
    return this.log.append(entries);
  }

  #broadcastAppend(): void {
    for (const id of this.peers) this.#maybeSendAppend(id, true);
  }

  #broadcastHeartbeat(role: LeaderRole): void {
    for (const id of this.peers) {
      // Never more than the follower is known to hold: it may lack entries up to the commit index.
      const commit = Math.min(this.#progressOf(role, id).match, this.log.committed);
      this.#send({ type: "heartbeat", to: id, commit });
    }
  }

  /**
   * maybeSendAppend sends `to` the entries after its `next` (up to `maxAppendBytes`), or a snapshot
   * if they were compacted. Returns false when nothing was sent (paused, or nothing new and not
   * `sendIfEmpty`).
   */
  #maybeSendAppend(to: NodeId, sendIfEmpty: boolean): boolean {
    const role = this.role;
    assert(role.kind === "leader", "maybeSendAppend on a non-leader");
    const progress = this.#progressOf(role, to);
    if (progress.isPaused()) return false;
    const prevIndex = progress.next - 1;
    assert(prevIndex <= this.log.lastIndex(), `node ${to}: next ${progress.next} is past the leader's last index ${this.log.lastIndex()}`);
    const prevTerm = this.log.maybeTerm(prevIndex);
    const entries = prevTerm === undefined ? undefined : this.log.maybeEntriesFrom(progress.next, this.config.maxAppendBytes);
    if (prevTerm === undefined || entries === undefined) return this.#maybeSendSnapshot(to, progress);
    if (entries.length === 0 && !sendIfEmpty) return false;
    this.#send({ type: "append", to, prevIndex, prevTerm, entries, commit: this.log.committed });
    progress.sentEntries(entries.length, prevIndex + entries.length);
    return true;
  }

  #maybeSendSnapshot(to: NodeId, progress: Progress): boolean {
    // Only to a follower that answers; a dead one would pin the snapshot for nothing (etcd).
    if (!progress.recentActive) return false;
    let snapshot: Snapshot;
    try {
      snapshot = this.log.snapshot();
    } catch (error) {
      if (error instanceof UnavailableError) return false;
      throw error;
    }
    // Only called when entries before the first index are needed, which the snapshot covers.
    assert(snapshot.metadata.index > progress.next - 1, `snapshot at ${snapshot.metadata.index} does not cover index ${progress.next - 1}`);
    progress.becomeSnapshot(snapshot);
    assert(progress.flow.kind === "snapshot", "becomeSnapshot did not enter the snapshot state");
    this.#sendSnapshotChunk(to, progress.flow.transfer);
    return true;
  }

  #sendSnapshotChunk(to: NodeId, transfer: SnapshotTransfer): void {
    const { snapshot } = transfer;
    const totalBytes = snapshot.data.byteLength;
    const offset = transfer.ackedBytes;
    const end = Math.min(totalBytes, offset + this.config.snapshotChunkBytes);
    this.#send({
      type: "install-snapshot",
      to,
      snapshot: snapshot.metadata,
      totalBytes,
      offset,
      data: snapshot.data.subarray(offset, end),
      done: end === totalBytes,
    });
  }

  #handleAppendResponse(m: AppendResponse, role: LeaderRole): void {
    const progress = this.#progressOf(role, m.from);
    progress.markContact(this.tickCount);
    if (m.reject) {
      // Skip back to where the logs may agree: the leader's last index at or below the hint whose
      // term is at most the hint's term (etcd's "fast log replication"; KRaft DivergingEpoch).
      let matchHint = m.hint.index;
      if (m.hint.term > 0) matchHint = this.log.findConflictByTerm(m.hint.index, m.hint.term).index;
      if (progress.maybeDecrTo(m.index, matchHint)) {
        if (progress.flow.kind === "replicate") progress.becomeProbe();
        this.#maybeSendAppend(m.from, true);
      }
      return;
    }
    const wasPaused = progress.isPaused();
    const updated = progress.maybeUpdate(m.index);
    if (!updated && !(progress.match === m.index && progress.flow.kind === "probe")) return;
    switch (progress.flow.kind) {
      case "probe":
        progress.becomeReplicate();
        break;
      case "snapshot":
        if (progress.match >= progress.flow.transfer.snapshot.metadata.index || progress.match + 1 >= this.log.firstIndex()) {
          progress.becomeProbe();
          if (progress.match + 1 >= this.log.firstIndex()) progress.becomeReplicate();
        }
        break;
      case "replicate":
        progress.flow.inflights.freeLE(m.index);
        break;
    }
    if (this.#maybeCommit(role)) this.#broadcastAppend();
    else if (wasPaused) this.#maybeSendAppend(m.from, true);
    // Fill the in-flight window (bounded by maxInflightAppends).
    while (this.#maybeSendAppend(m.from, false));
    if (m.from === role.transferee && progress.match === this.log.lastIndex()) {
      this.#send({ type: "timeout-now", to: m.from });
    }
  }

  #handleHeartbeatResponse(m: HeartbeatResponse, role: LeaderRole): void {
    const progress = this.#progressOf(role, m.from);
    progress.markContact(this.tickCount);
    const flow = progress.flow;
    switch (flow.kind) {
      case "probe":
        flow.paused = false;
        break;
      case "replicate":
        // The follower is alive but the window is full: an append was probably lost.
        if (flow.inflights.full()) flow.inflights.freeFirstOne();
        break;
      case "snapshot":
        // No chunk acknowledged since the last heartbeat: one was probably lost, resend it.
        if (!flow.transfer.progressed) this.#sendSnapshotChunk(m.from, flow.transfer);
        flow.transfer.progressed = false;
        return;
    }
    if (progress.match < this.log.lastIndex() || flow.kind === "probe") this.#maybeSendAppend(m.from, true);
  }

  #handleSnapshotResponse(m: InstallSnapshotResponse, role: LeaderRole): void {
    const progress = this.#progressOf(role, m.from);
    progress.markContact(this.tickCount);
    const flow = progress.flow;
    if (flow.kind !== "snapshot") return;
    const transfer = flow.transfer;
    const metadata = transfer.snapshot.metadata;
    if (metadata.index !== m.snapshot.index || metadata.term !== m.snapshot.term) return;
    const totalBytes = transfer.snapshot.data.byteLength;
    if (m.nextOffset > transfer.ackedBytes) {
      transfer.ackedBytes = Math.min(m.nextOffset, totalBytes);
      transfer.progressed = true;
      this.#sendSnapshotChunk(m.from, transfer);
    } else if (m.nextOffset < transfer.ackedBytes) {
      // The follower lost its partial copy (it restarted) or this answer is stale: resume from
      // its offset at the next heartbeat, which bounds the resend rate under duplication.
      transfer.ackedBytes = m.nextOffset;
    }
  }

  /**
   * maybeCommit advances the commit index to what a majority has persisted, but only through an
   * entry of the current term (Raft §5.4.2, Figure 8): an older entry stored on a majority can still
   * be overwritten by a later leader, so it commits only together with one of this term.
   */
  #maybeCommit(role: LeaderRole): boolean {
    const matches = this.config.voters.map((id) => this.#progressOf(role, id).match);
    return this.log.maybeCommit(committedIndex(matches), this.term);
  }

  #mostCaughtUpPeer(role: LeaderRole): NodeId | undefined {
    let best: NodeId | undefined;
    let bestMatch = -1;
    for (const id of this.peers) {
      const match = this.#progressOf(role, id).match;
      if (match > bestMatch) {
        best = id;
        bestMatch = match;
      }
    }
    return best;
  }

  #progressOf(role: LeaderRole, id: NodeId): Progress {
    const progress = role.progress.get(id);
    assert(progress !== undefined, `node ${this.id}: no progress for voter ${id}`);
    return progress;
  }

  // =============================================================================================
  // Role transitions
  // =============================================================================================

  #becomeFollower(term: number, leader: NodeId | undefined): void {
    assertTransition(this.role.kind, "follower", this.id, this.term);
    this.#resetTerm(term);
    this.role = { kind: "follower" };
    this.leader = leader;
  }

  #becomePreCandidate(): void {
    assertTransition(this.role.kind, "pre-candidate", this.id, this.term);
    // Pre-vote (thesis §9.6): ask first whether an election at term + 1 could be won, without
    // changing term or vote, so a node that cannot win never disrupts the cluster.
    const role: PreCandidateRole = { kind: "pre-candidate", votes: new Map() };
    this.role = role;
    this.leader = undefined;
    this.#resetTimers();
    const last = this.log.lastPosition();
    for (const id of this.peers) {
      this.#send({ type: "pre-vote", to: id, term: this.term + 1, lastIndex: last.index, lastTerm: last.term });
    }
    // Its own pre-vote binds nothing, so it counts at once.
    this.#poll(role, this.id, true);
  }

  #becomeCandidate(transfer: boolean): void {
    assertTransition(this.role.kind, "candidate", this.id, this.term);
    this.#resetTerm(this.term + 1);
    this.vote = this.id;
    this.role = { kind: "candidate", votes: new Map(), transfer };
    const last = this.log.lastPosition();
    for (const id of this.peers) {
      this.#send({ type: "vote", to: id, lastIndex: last.index, lastTerm: last.term, transfer });
    }
    // Its own vote counts once persisted: see maybeCountOwnVote, called from onPersisted.
    this.#maybeCountOwnVote();
  }

  #becomeLeader(): void {
    assertTransition(this.role.kind, "leader", this.id, this.term);
    this.#resetTimers();
    const next = this.log.lastIndex() + 1;
    const progress = new Map<NodeId, Progress>();
    for (const id of this.config.voters) progress.set(id, new Progress(next, this.config.maxInflightAppends, this.tickCount));
    const role: LeaderRole = { kind: "leader", progress, transferee: undefined, uncommittedBytes: 0 };
    this.role = role;
    this.leader = this.id;
    const stable = this.log.stableLastIndex();
    const own = this.#progressOf(role, this.id);
    if (stable !== undefined) own.maybeUpdate(stable);
    own.becomeReplicate();
    // Thesis §6.4 and Raft §5.4.2: entries of earlier terms commit only behind one of this term;
    // a no-op gets there without waiting for a client (KRaft's LeaderChangeMessage).
    this.#appendEntries([{ type: "noop", data: EMPTY_DATA }]);
    this.#broadcastAppend();
  }

  /** resetTerm moves to `term` (forgetting the vote if it changed) and resets per-term state. */
  #resetTerm(term: number): void {
    // Invariant: terms never decrease.
    assert(term >= this.term, `node ${this.id}: term would go back from ${this.term} to ${term}`);
    if (term !== this.term) {
      this.term = term;
      this.vote = undefined;
      this.#snapshotReceiver.reset();
    }
    this.leader = undefined;
    this.#resetTimers();
  }

  #resetTimers(): void {
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.randomizedElectionTimeout = this.#drawElectionTimeout();
  }

  /** Thesis §3.4: randomized timeouts make split votes rare. Uniform in [T, 2T) like KRaft. */
  #drawElectionTimeout(): number {
    const base = this.config.electionTimeoutTicks;
    return base + this.#random.nextInt(base);
  }

  // =============================================================================================
  // Persistence hooks (called by RaftNode.advance)
  // =============================================================================================

  /**
   * onPersisted records that the driver persisted a Ready's snapshot, entries and hard state. The
   * node's own vote and own log copy count only from here on (thesis §3.8; etcd's self-addressed
   * messages in msgsAfterAppend).
   */
  onPersisted(snapshot: Snapshot | undefined, lastEntry: Entry | undefined, hardState: HardState | undefined): void {
    if (snapshot !== undefined) this.log.stableSnapTo(snapshot.metadata.index);
    if (lastEntry !== undefined) this.log.stableTo(lastEntry.index, lastEntry.term);
    if (hardState !== undefined) {
      assert(hardState.term >= this.durableHardState.term, `node ${this.id}: persisted term went back from ${this.durableHardState.term} to ${hardState.term}`);
      this.durableHardState = hardState;
    }
    const role = this.role;
    if (role.kind === "candidate") {
      this.#maybeCountOwnVote();
    } else if (role.kind === "leader") {
      const stable = this.log.stableLastIndex();
      if (stable !== undefined && this.#progressOf(role, this.id).maybeUpdate(stable) && this.#maybeCommit(role)) {
        this.#broadcastAppend();
      }
    }
  }

  /** onApplied records that the application applied `entries` (a Ready's committed entries). */
  onApplied(entries: readonly Entry[]): void {
    const last = entries[entries.length - 1];
    if (last === undefined) return;
    this.log.appliedTo(last.index);
    const role = this.role;
    if (role.kind !== "leader") return;
    let bytes = 0;
    for (const entry of entries) if (entry.term === this.term && entry.type === "normal") bytes += entrySizeBytes(entry);
    role.uncommittedBytes = Math.max(0, role.uncommittedBytes - bytes);
  }

  /** takeMessages hands out the queued messages of both kinds. */
  takeMessages(): { messages: Message[]; messagesAfterPersist: Message[] } {
    const taken = { messages: this.messages, messagesAfterPersist: this.messagesAfterPersist };
    this.messages = [];
    this.messagesAfterPersist = [];
    return taken;
  }

  #send(outgoing: Outgoing): void {
    const message = { ...outgoing, from: this.id, term: outgoing.term ?? this.term } as Message;
    if (isDurableResponse(message)) this.messagesAfterPersist.push(message);
    else this.messages.push(message);
  }
}

function assertNever(value: never): never {
  assert(false, `unreachable: ${JSON.stringify(value)}`);
}
