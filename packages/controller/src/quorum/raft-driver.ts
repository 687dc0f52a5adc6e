import { assert } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import type { RaftConfig } from "../raft/config.js";
import type { Entry } from "../raft/entry.js";
import type { Message } from "../raft/message.js";
import type { NodeId } from "../raft/node-id.js";
import type { Random } from "../raft/random.js";
import { RaftNode } from "../raft/raft-node.js";
import type { Ready } from "../raft/ready.js";
import type { Snapshot } from "../raft/snapshot.js";
import type { BasicStatus } from "../raft/status.js";
import type { LevelRaftStore } from "./level-raft-store.js";

/**
 * ReplicatedStateMachine is what the driver applies committed entries to. All three methods run
 * inside the driver's serial loop, never concurrently with each other or with a Raft step.
 */
export interface ReplicatedStateMachine {
  /** apply applies one committed entry (no-op entries included, so offsets stay gap-free). */
  apply(entry: Entry): void;
  /** restore replaces the whole state with a snapshot's image. */
  restore(snapshot: Snapshot): void;
  /** snapshotData encodes the state as of the last applied entry. */
  snapshotData(): Uint8Array;
}

/** MessageSender sends Raft messages to peers (the gRPC transport, or a test double). */
export interface MessageSender {
  send(messages: readonly Message[]): void;
}

/** RaftDriverOptions configures a {@link RaftDriver}. */
export interface RaftDriverOptions {
  readonly config: RaftConfig;
  readonly store: LevelRaftStore;
  readonly sender: MessageSender;
  readonly stateMachine: ReplicatedStateMachine;
  readonly random: Random;
  /** Committed entries between two snapshots of the state machine. */
  readonly snapshotIntervalEntries: number;
  /** Called after each Ready with the node's status, e.g. to notice leadership changes. */
  readonly onStatus?: (status: BasicStatus) => void;
}

interface PendingProposal {
  readonly term: number;
  readonly resolve: (index: number) => void;
  readonly reject: (error: TributaryError) => void;
}

type Event = { kind: "tick" } | { kind: "message"; message: Message } | { kind: "call"; run: () => void };

/**
 * RaftDriver runs the pure Raft core against real storage, network and time. One serial loop owns
 * the core: events (ticks, messages, proposals) queue up and are stepped one at a time, and each
 * Ready is carried out in the order its contract demands (send, persist, send acknowledgements,
 * restore, apply, advance) before the next. No two steps interleave, whatever the event loop does
 * between awaits.
 */
export class RaftDriver {
  readonly #node: RaftNode;
  readonly #options: RaftDriverOptions;
  readonly #events: Event[] = [];
  readonly #pending = new Map<number, PendingProposal>();
  #pumping = false;
  #stopped = false;
  #appliedIndex: number;
  #snapshotIndex: number;
  #failure: unknown = undefined;
  #idleWaiters: Array<() => void> = [];

  constructor(options: RaftDriverOptions) {
    this.#options = options;
    this.#node = new RaftNode({ config: options.config, storage: options.store, random: options.random });
    this.#snapshotIndex = options.store.snapshotMetadata().index;
    this.#appliedIndex = this.#snapshotIndex;
  }

  /** id is this node's id. */
  get id(): NodeId {
    return this.#options.config.id;
  }

  /** appliedIndex is the index of the last entry applied to the state machine. */
  get appliedIndex(): number {
    return this.#appliedIndex;
  }

  /** status reports the core's role, term, leader and cursors. */
  status(): BasicStatus {
    return this.#node.basicStatus();
  }

  /** fullStatus adds, on a leader, each voter's progress (for DescribeQuorum). */
  fullStatus(): ReturnType<RaftNode["status"]> {
    return this.#node.status();
  }

  /** tick advances logical time by one tick. */
  tick(): void {
    this.#enqueue({ kind: "tick" });
  }

  /** receive steps a message from a peer. */
  receive(message: Message): void {
    this.#enqueue({ kind: "message", message });
  }

  /**
   * propose appends `data` as one entry if this node leads, and resolves with its index once it
   * is committed and applied here. It rejects with NOT_CONTROLLER when this node does not lead or
   * when another leader's entry took the index (the proposal was lost in a leader change).
   */
  propose(data: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#enqueue({
        kind: "call",
        run: () => {
          const result = this.#node.propose(data);
          if (!result.ok) {
            const leader = result.reason === "not-leader" ? result.leader : result.reason === "transfer-in-progress" ? result.transferee : undefined;
            const code = result.reason === "uncommitted-limit" ? "RESOURCE_LIMIT_EXCEEDED" : "NOT_CONTROLLER";
            reject(new TributaryError(code, `this controller cannot accept writes (${result.reason})`, leader === undefined ? undefined : { leaderHint: { nodeId: leader } }));
            return;
          }
          assert(result.firstIndex === result.lastIndex, "one proposal makes one entry");
          this.#pending.set(result.lastIndex, { term: result.term, resolve, reject });
        },
      });
    });
  }

  /** campaign starts an election at once (used by single-node quorums and tests). */
  campaign(): void {
    this.#enqueue({ kind: "call", run: () => this.#node.campaign() });
  }

  /**
   * transferLeadership hands leadership to the most caught-up voter, for a clean shutdown, and
   * resolves true once another node leads (false if it did not happen within `timeoutMs`).
   */
  async transferLeadership(timeoutMs: number, now: () => number = Date.now): Promise<boolean> {
    if (this.status().role !== "leader") return true;
    await new Promise<void>((resolve) => this.#enqueue({ kind: "call", run: () => (this.#node.transferLeadership(), resolve()) }));
    const deadline = now() + timeoutMs;
    while (now() < deadline) {
      await this.whenIdle();
      const status = this.status();
      if (status.role !== "leader" && status.leader !== undefined) return true;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return false;
  }

  /** whenIdle resolves when the loop has drained every queued event and Ready. */
  whenIdle(): Promise<void> {
    if (!this.#pumping && this.#events.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** failure is the error that stopped the loop, if any (storage failures are fatal). */
  get failure(): unknown {
    return this.#failure;
  }

  /** stop ends the loop after the current step; pending proposals fail with NOT_CONTROLLER. */
  stop(): void {
    this.#stopped = true;
    this.#failPending("this controller is shutting down");
  }

  #enqueue(event: Event): void {
    if (this.#stopped) return;
    this.#events.push(event);
    if (!this.#pumping) void this.#pump();
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      while (!this.#stopped) {
        for (let event = this.#events.shift(); event !== undefined; event = this.#events.shift()) {
          if (event.kind === "tick") this.#node.tick();
          else if (event.kind === "message") this.#node.step(event.message);
          else event.run();
        }
        if (!this.#node.hasReady()) break;
        await this.#handleReady(this.#node.ready());
      }
    } catch (error) {
      // Storage failed or an invariant broke: stepping on could violate Raft's safety.
      this.#failure = error;
      this.#stopped = true;
      this.#failPending("the Raft driver stopped after a failure");
    } finally {
      this.#pumping = false;
      if (this.#events.length === 0 || this.#stopped) for (const resolve of this.#idleWaiters.splice(0)) resolve();
      else void this.#pump();
    }
  }

  async #handleReady(ready: Ready): Promise<void> {
    const { sender, store, stateMachine } = this.#options;
    sender.send(ready.messages);
    await store.persist(ready);
    sender.send(ready.messagesAfterPersist);
    if (ready.snapshot !== undefined) {
      stateMachine.restore(ready.snapshot);
      this.#appliedIndex = ready.snapshot.metadata.index;
      this.#snapshotIndex = ready.snapshot.metadata.index;
      for (const [index, proposal] of this.#pending) {
        if (index <= this.#appliedIndex) {
          this.#pending.delete(index);
          proposal.reject(new TributaryError("NOT_CONTROLLER", "the proposal's outcome was replaced by a snapshot"));
        }
      }
    }
    for (const entry of ready.committedEntries) {
      stateMachine.apply(entry);
      this.#appliedIndex = entry.index;
      const proposal = this.#pending.get(entry.index);
      if (proposal !== undefined) {
        this.#pending.delete(entry.index);
        if (proposal.term === entry.term) proposal.resolve(entry.index);
        else proposal.reject(new TributaryError("NOT_CONTROLLER", "leadership changed before the proposal committed"));
      }
    }
    this.#node.advance(ready);
    this.#rejectLostProposals();
    await this.#maybeSnapshot();
    this.#options.onStatus?.(this.#node.basicStatus());
  }

  async #maybeSnapshot(): Promise<void> {
    if (this.#appliedIndex - this.#snapshotIndex < this.#options.snapshotIntervalEntries) return;
    await this.#options.store.compact(this.#appliedIndex, this.#options.stateMachine.snapshotData());
    this.#snapshotIndex = this.#appliedIndex;
  }

  /**
   * rejectLostProposals settles proposals that can no longer commit: their index was truncated
   * away or now holds another term's entry. Without this a proposal made just before losing
   * leadership could wait until some later leader happened to fill its index.
   */
  #rejectLostProposals(): void {
    const log = this.#node.log;
    for (const [index, proposal] of this.#pending) {
      const term = log.maybeTerm(index);
      const lost = term === undefined ? index > log.lastIndex() : term !== proposal.term;
      if (lost) {
        this.#pending.delete(index);
        proposal.reject(new TributaryError("NOT_CONTROLLER", "leadership changed and the proposal was lost"));
      }
    }
  }

  #failPending(reason: string): void {
    for (const proposal of this.#pending.values()) proposal.reject(new TributaryError("NOT_CONTROLLER", reason));
    this.#pending.clear();
  }
}
