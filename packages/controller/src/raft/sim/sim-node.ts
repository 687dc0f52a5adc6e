import type { RaftConfig } from "../config.js";
import type { Entry } from "../entry.js";
import { MemoryStorage } from "../memory-storage.js";
import type { Message } from "../message.js";
import type { NodeId } from "../node-id.js";
import { RaftNode } from "../raft-node.js";
import type { Random } from "../random.js";
import { needsPersist } from "../ready.js";
import type { Ready } from "../ready.js";
import type { Snapshot } from "../snapshot.js";
import { entryKey, SafetyChecker, termOfKey, Violation } from "./safety-checker.js";

/**
 * SimBug is a deliberately broken driver, used to show the checker catches what the Ready contract
 * prevents:
 * - `ack-before-persist`: sends `messagesAfterPersist` with `messages`, before the disk write, so a
 *   crash can forget a vote that was granted or entries that were acknowledged;
 * - `forget-vote-on-restart`: loads the hard state without its vote after a crash, so a node can
 *   vote twice in one term.
 */
export type SimBug = "ack-before-persist" | "forget-vote-on-restart";

/** SimDriverContext is what a simulated node's driver needs from the simulation around it. */
export interface SimDriverContext {
  readonly checker: SafetyChecker;
  readonly bug: SimBug | undefined;
  /** send puts a message on the simulated network. */
  send(message: Message): void;
  /** schedulePersist arranges for `persisted(incarnation)` to be called after a disk latency. */
  schedulePersist(id: NodeId, incarnation: number): void;
  /** onSnapshotRestored counts snapshot installs for the summary. */
  onSnapshotRestored(id: NodeId, snapshot: Snapshot): void;
}

/**
 * SimNode is one simulated controller process: a {@link RaftNode}, the driver loop that carries out
 * its Readys, a "disk" ({@link MemoryStorage}) that survives crashes, and a toy state machine (the
 * list of applied entry keys, index - 1 -> key) whose snapshot is that list as JSON.
 *
 * Persistence is asynchronous as in a real driver: a Ready's `messages` leave at once, its writes
 * land on disk after a latency, and only then do `messagesAfterPersist` leave. A crash in between
 * loses the Ready's writes, which is exactly the window the contract must make harmless.
 */
export class SimNode {
  readonly id: NodeId;
  /** Survives crashes: what the driver persisted per the Ready contract. */
  readonly disk = new MemoryStorage();
  /** The running core, or undefined while the process is down. */
  node: RaftNode | undefined = undefined;
  /** Bumped on every start; events of an earlier life are ignored. */
  incarnation = 0;
  /** Applied entry keys, `stateMachine[i - 1]` for index i. Rebuilt on restart. */
  stateMachine: string[] = [];
  /** True once this life applied an entry whose payload starts with `final`. */
  appliedFinal = false;
  #pending: Ready | undefined = undefined;
  readonly #context: SimDriverContext;

  /** Creates a node that is down until `start`. */
  constructor(id: NodeId, context: SimDriverContext) {
    this.id = id;
    this.#context = context;
  }

  /** up is true while the process runs. */
  get up(): boolean {
    return this.node !== undefined;
  }

  /** start boots the process from its disk (state machine from the disk's snapshot). */
  start(config: RaftConfig, random: Random): void {
    if (this.#context.bug === "forget-vote-on-restart" && this.incarnation > 0) {
      const hardState = this.disk.initialHardState();
      this.disk.setHardState({ ...hardState, vote: undefined });
    }
    this.incarnation++;
    this.stateMachine = decodeStateMachine(this.disk.snapshot());
    this.appliedFinal = this.stateMachine.some(isFinalKey);
    this.#pending = undefined;
    this.node = new RaftNode({ config, storage: this.disk, random });
    this.#context.checker.onStart(this.id, this.node);
  }

  /** crash stops the process; whatever was not on disk is gone. */
  crash(): void {
    this.node = undefined;
    this.#pending = undefined;
    this.#context.checker.onCrash(this.id);
  }

  /** pump takes Readys until one must wait for the disk (or none is left). */
  pump(): void {
    const node = this.node;
    if (node === undefined) return;
    while (this.#pending === undefined && node.hasReady()) {
      const ready = node.ready();
      this.#context.checker.onReadyEntries(this.id, node, ready.entries);
      for (const message of ready.messages) this.#context.send(message);
      if (this.#context.bug === "ack-before-persist") {
        for (const message of ready.messagesAfterPersist) this.#context.send(message);
      }
      if (needsPersist(ready)) {
        this.#pending = ready;
        this.#context.schedulePersist(this.id, this.incarnation);
        return;
      }
      this.#finish(node, ready);
    }
  }

  /** persisted completes the outstanding Ready's disk write (if this life still has one). */
  persisted(incarnation: number): void {
    const node = this.node;
    const ready = this.#pending;
    if (node === undefined || ready === undefined || incarnation !== this.incarnation) return;
    this.#pending = undefined;
    this.disk.saveReady(ready);
    if (ready.hardState !== undefined) this.#context.checker.onPersistHardState(this.id, ready.hardState);
    this.#finish(node, ready);
    this.pump();
  }

  /** compact snapshots the state machine at `index` (at most the applied index) and compacts. */
  compact(index: number): void {
    const data = new TextEncoder().encode(JSON.stringify(this.stateMachine.slice(0, index)));
    this.disk.compact(index, data);
  }

  /** hasPendingWrite is true while a Ready's writes are on their way to disk (a crash loses them). */
  get hasPendingWrite(): boolean {
    return this.#pending !== undefined;
  }

  /** applied is the index of the last applied entry. */
  get applied(): number {
    return this.stateMachine.length;
  }

  #finish(node: RaftNode, ready: Ready): void {
    if (this.#context.bug !== "ack-before-persist") {
      for (const message of ready.messagesAfterPersist) this.#context.send(message);
    }
    const term = node.basicStatus().term;
    if (ready.snapshot !== undefined) this.#restore(ready.snapshot, term);
    for (const entry of ready.committedEntries) this.#apply(entry, term);
    node.advance(ready);
  }

  #restore(snapshot: Snapshot, term: number): void {
    const keys = decodeStateMachine(snapshot);
    if (keys.length !== snapshot.metadata.index) {
      throw new Violation("state-machine-safety", `node ${this.id}: snapshot at ${snapshot.metadata.index} holds ${keys.length} entries`);
    }
    keys.forEach((key, i) => this.#context.checker.onApply(this.id, i + 1, key, term));
    if (snapshot.metadata.term !== (keys.length === 0 ? 0 : termOfKey(keys[keys.length - 1]!))) {
      throw new Violation("state-machine-safety", `node ${this.id}: snapshot term ${snapshot.metadata.term} differs from its last entry`);
    }
    this.stateMachine = keys;
    this.appliedFinal = keys.some(isFinalKey);
    this.#context.onSnapshotRestored(this.id, snapshot);
  }

  #apply(entry: Entry, term: number): void {
    if (entry.index !== this.stateMachine.length + 1) {
      throw new Violation("state-machine-safety", `node ${this.id} applied index ${entry.index} after ${this.stateMachine.length}`);
    }
    const key = entryKey(entry);
    this.#context.checker.onApply(this.id, entry.index, key, term);
    this.stateMachine.push(key);
    if (isFinalKey(key)) this.appliedFinal = true;
  }
}

/** FINAL_PREFIX starts the payload of the proposals the liveness check waits for. */
export const FINAL_PREFIX = "final";

function isFinalKey(key: string): boolean {
  return key.slice(key.indexOf(":") + 1).startsWith(FINAL_PREFIX);
}

function decodeStateMachine(snapshot: Snapshot): string[] {
  if (snapshot.data.byteLength === 0) return [];
  const parsed: unknown = JSON.parse(new TextDecoder().decode(snapshot.data));
  if (!Array.isArray(parsed) || !parsed.every((key) => typeof key === "string")) {
    throw new Violation("state-machine-safety", "snapshot data is not a list of entry keys");
  }
  return parsed;
}
