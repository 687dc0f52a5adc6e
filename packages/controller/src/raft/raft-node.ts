import { assert } from "@tributary/client/internal/assert";
import type { RaftConfig } from "./config.js";
import type { Entry } from "./entry.js";
import { hardStateEqual } from "./hard-state.js";
import type { HardState } from "./hard-state.js";
import type { Message } from "./message.js";
import type { NodeId } from "./node-id.js";
import { Raft } from "./raft.js";
import type { Random } from "./random.js";
import type { Ready } from "./ready.js";
import type { ProposeResult, TransferResult } from "./results.js";
import type { BasicStatus, RaftStatus } from "./status.js";
import type { RaftStorage } from "./storage.js";

/** RaftNodeOptions are what a node is built from: its config and its two injected dependencies. */
export interface RaftNodeOptions {
  readonly config: RaftConfig;
  /** What the driver persisted so far; the node resumes from it. */
  readonly storage: RaftStorage;
  /** Randomness for election timeouts; seeded in tests and the simulator. */
  readonly random: Random;
}

/**
 * RaftLogView is the read-only view of a node's log (persisted and not) that checkers and status
 * pages may inspect. Readable indexes: `[firstIndex() - 1, lastIndex()]`.
 */
export interface RaftLogView {
  firstIndex(): number;
  lastIndex(): number;
  /** The term at `index`, or undefined when it is compacted or past the end. */
  maybeTerm(index: number): number | undefined;
  /** Entries `[lo, hi)`, byte-limited (at least one). Throws CompactedError below the first index. */
  slice(lo: number, hi: number, maxBytes: number): readonly Entry[];
  readonly committed: number;
  readonly applied: number;
}

/**
 * RaftNode is the public face of the pure Raft core (etcd's `RawNode`). It is synchronous and
 * single-threaded: the driver feeds it messages (`step`), logical time (`tick`) and proposals, and
 * repeatedly takes a {@link Ready}, carries it out in the order that type documents, and calls
 * `advance`. The node never performs I/O, reads a clock or draws randomness except through the
 * injected {@link Random}.
 *
 * Typical driver loop:
 * ```ts
 * node.tick();                        // every tick interval
 * node.step(message);                 // for every message received
 * while (node.hasReady()) {
 *   const rd = node.ready();
 *   send(rd.messages);
 *   await storage.save(rd.snapshot, rd.entries, rd.hardState);   // atomic, fsync if rd.mustSync
 *   send(rd.messagesAfterPersist);
 *   if (rd.snapshot) stateMachine.restore(rd.snapshot.data);
 *   for (const e of rd.committedEntries) stateMachine.apply(e);
 *   node.advance(rd);
 * }
 * ```
 */
export class RaftNode {
  readonly #raft: Raft;
  /** The hard state as of the last Ready handed out (or as loaded from storage). */
  #lastHardState: HardState;
  #outstanding: Ready | undefined = undefined;

  /** Opens a node over its persisted state; it starts as a follower of no one. */
  constructor(options: RaftNodeOptions) {
    this.#raft = new Raft(options.config, options.storage, options.random);
    this.#lastHardState = this.#raft.hardState();
  }

  /** id is this node's id. */
  get id(): NodeId {
    return this.#raft.id;
  }

  /** log is a read-only view of this node's log. */
  get log(): RaftLogView {
    return this.#raft.log;
  }

  // ----- Inputs -----

  /** tick advances logical time by one tick. */
  tick(): void {
    this.#raft.tick();
  }

  /** step hands the node a message received from a peer. Messages from non-voters are ignored. */
  step(message: Message): void {
    this.#raft.step(message);
  }

  /** propose appends one entry if this node is the leader. */
  propose(data: Uint8Array): ProposeResult {
    return this.#raft.propose([data]);
  }

  /** proposeBatch appends several entries at consecutive indexes if this node is the leader. */
  proposeBatch(batch: readonly Uint8Array[]): ProposeResult {
    return this.#raft.propose(batch);
  }

  /** campaign starts an election now (with pre-vote), as an election timeout would. */
  campaign(): void {
    this.#raft.campaign();
  }

  /**
   * transferLeadership hands leadership to `transferee`, or to the most caught-up voter, without an
   * election timeout (thesis §3.10). For clean shutdowns: wait until `status().leader` changes.
   */
  transferLeadership(transferee?: NodeId): TransferResult {
    return this.#raft.transferLeadership(transferee);
  }

  // ----- Ready / advance -----

  /** hasReady is true when `ready()` would return work, and no Ready is outstanding. */
  hasReady(): boolean {
    if (this.#outstanding !== undefined) return false;
    const raft = this.#raft;
    const unstable = raft.log.unstable;
    return (
      raft.messages.length > 0 ||
      raft.messagesAfterPersist.length > 0 ||
      unstable.hasNextEntries() ||
      unstable.nextSnapshot() !== undefined ||
      !hardStateEqual(raft.hardState(), this.#lastHardState) ||
      raft.log.hasNextCommittedEntries()
    );
  }

  /**
   * ready returns the work to do, under the contract written on {@link Ready}. Call `advance` with
   * it when done; `ready` may not be called again before that.
   */
  ready(): Ready {
    assert(this.#outstanding === undefined, `node ${this.id}: ready() called again before advance()`);
    const raft = this.#raft;
    const unstable = raft.log.unstable;
    const hardState = raft.hardState();
    const hardStateChanged = !hardStateEqual(hardState, this.#lastHardState);
    const snapshot = unstable.nextSnapshot();
    const entries = unstable.nextEntries();
    const { messages, messagesAfterPersist } = raft.takeMessages();
    const ready: Ready = {
      hardState: hardStateChanged ? hardState : undefined,
      snapshot,
      entries,
      mustSync:
        entries.length > 0 ||
        snapshot !== undefined ||
        hardState.term !== this.#lastHardState.term ||
        hardState.vote !== this.#lastHardState.vote,
      messages,
      messagesAfterPersist,
      committedEntries: raft.log.nextCommittedEntries(),
    };
    unstable.acceptInProgress();
    this.#lastHardState = hardState;
    this.#outstanding = ready;
    return ready;
  }

  /**
   * advance tells the node that `ready` was carried out: persisted, sent, restored and applied. The
   * node's own vote and own log copy count from now on.
   */
  advance(ready: Ready): void {
    assert(this.#outstanding === ready, `node ${this.id}: advance() with a Ready that is not the outstanding one`);
    this.#outstanding = undefined;
    const raft = this.#raft;
    raft.onPersisted(ready.snapshot, ready.entries[ready.entries.length - 1], ready.hardState);
    // The state machine now reflects the snapshot (contract step 4).
    if (ready.snapshot !== undefined) raft.log.appliedTo(ready.snapshot.metadata.index);
    raft.onApplied(ready.committedEntries);
  }

  // ----- Inspection -----

  /** basicStatus reports role, term, leader and log cursors; cheap enough to call per event. */
  basicStatus(): BasicStatus {
    return this.#raft.basicStatus();
  }

  /** status reports role, term, leader, commit and (on a leader) every voter's progress. */
  status(): RaftStatus {
    return this.#raft.status();
  }
}
