import { TributaryError } from "@tributary/client/internal/errors";
import type { AtOffset, ControllerResult } from "../metadata/controller-result.js";
import { createMetadataControl, type MetadataControl, type MetadataControlParams } from "../metadata/metadata-control.js";
import { MetadataImage } from "../metadata/metadata-image.js";
import type { Entry } from "../raft/entry.js";
import type { Snapshot } from "../raft/snapshot.js";
import { decodeMetadataBatch, encodeMetadataBatch, encodeRecordPayloads, splitMetadataBatch } from "./metadata-batch.js";
import type { ReplicatedStateMachine } from "./raft-driver.js";

/** CommittedBatch is one applied Raft entry as the metadata stream sees it. */
export interface CommittedBatch {
  /** The Raft index of the entry: the batch's metadata offset. */
  readonly offset: number;
  /** Encoded records; empty for a Raft no-op. */
  readonly records: readonly Uint8Array[];
}

/** Proposer appends an entry to the Raft log and resolves with its index once applied. */
export interface Proposer {
  propose(data: Uint8Array): Promise<number>;
}

/** QuorumControllerOptions configures a {@link QuorumController}. */
export interface QuorumControllerOptions {
  readonly control: Omit<MetadataControlParams, "image">;
  /** The clock; injected so tests control time. */
  readonly nowMs: () => number;
  /** How long a caller waits for its operation to commit before REQUEST_TIMED_OUT. */
  readonly operationTimeoutMs: number;
  /** Called for every applied batch, in order (the metadata stream's feed). */
  readonly onBatch?: (batch: CommittedBatch) => void;
  /** Called when a snapshot replaces the image. */
  readonly onRestore?: (offset: number) => void;
}

/**
 * QuorumController is the active controller's operation loop and every controller's state
 * machine (Kafka's QuorumController). As a state machine it replays committed batches into the
 * metadata image. As the active controller it runs one operation at a time: a manager computes
 * `{ records, response }` from the committed image, the records are proposed as one Raft entry,
 * and the next operation starts only after that entry is applied (or definitely lost), so every
 * operation sees the effects of all earlier ones. Because nothing is applied before it commits,
 * there is no speculative state to roll back when leadership is lost.
 *
 * Operations are accepted only when this node leads *and* has applied the no-op entry of its own
 * term: until then its image may lack entries an earlier leader committed.
 */
export class QuorumController implements ReplicatedStateMachine {
  readonly #options: QuorumControllerOptions;
  #control: MetadataControl;
  #proposer: Proposer | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #readyTerm = -1;
  #activeWaiters: Array<() => void> = [];
  #leader: () => { readonly isLeader: boolean; readonly term: number; readonly leaderId: number | undefined };

  constructor(options: QuorumControllerOptions) {
    this.#options = options;
    this.#control = createMetadataControl(options.control);
    this.#leader = () => ({ isLeader: false, term: -1, leaderId: undefined });
  }

  /** attach connects the controller to the Raft driver that proposes its entries and reports leadership. */
  attach(proposer: Proposer, leader: () => { readonly isLeader: boolean; readonly term: number; readonly leaderId: number | undefined }): void {
    this.#proposer = proposer;
    this.#leader = leader;
  }

  /** image is the committed metadata image. */
  get image(): MetadataImage {
    return this.#control.image;
  }

  /** control gives read access to the managers (for queries that write nothing). */
  get control(): MetadataControl {
    return this.#control;
  }

  /** isActive is true when this controller leads and has caught up with its own term. */
  isActive(): boolean {
    const leader = this.#leader();
    return leader.isLeader && leader.term === this.#readyTerm;
  }

  // ----- ReplicatedStateMachine -----

  apply(entry: Entry): void {
    const image = this.#control.image;
    if (entry.type === "noop") {
      image.replay({ type: "no-op" }, entry.index);
      const leader = this.#leader();
      if (leader.isLeader && entry.term === leader.term && this.#readyTerm !== leader.term) this.#becomeActive(leader.term);
      this.#options.onBatch?.({ offset: entry.index, records: [] });
      return;
    }
    const payloads = splitMetadataBatch(entry.data);
    const records = decodeMetadataBatch(entry.data);
    for (const record of records) image.replay(record, entry.index);
    this.#options.onBatch?.({ offset: entry.index, records: payloads });
  }

  restore(snapshot: Snapshot): void {
    const image = MetadataImage.fromSnapshot(decodeMetadataBatch(snapshot.data), snapshot.metadata.index);
    this.#control = createMetadataControl({ ...this.#options.control, image });
    this.#options.onRestore?.(snapshot.metadata.index);
  }

  snapshotData(): Uint8Array {
    return encodeMetadataBatch(encodeRecordPayloads(this.#control.image.toSnapshotRecords()));
  }

  /** snapshotRecords returns the image as encoded records, with its offset (for the metadata stream). */
  snapshotRecords(): { offset: number; records: Uint8Array[] } {
    return { offset: this.#control.image.offset, records: encodeRecordPayloads(this.#control.image.toSnapshotRecords()) };
  }

  /** whenActive resolves once this controller is the active controller. */
  whenActive(): Promise<void> {
    if (this.isActive()) return Promise.resolve();
    return new Promise((resolve) => this.#activeWaiters.push(resolve));
  }

  #becomeActive(term: number): void {
    this.#readyTerm = term;
    for (const resolve of this.#activeWaiters.splice(0)) resolve();
    // Heartbeat times are soft state this node did not see while following: give every broker a
    // fresh session rather than fencing them all for silence it could not have heard.
    const nowMs = this.#options.nowMs();
    for (const broker of this.#control.image.cluster.brokers()) this.#control.heartbeats.register(broker.brokerId, nowMs);
  }

  // ----- Operations -----

  /**
   * write runs `operation` against the committed image when its turn comes, proposes its records
   * as one entry, and resolves with its response once they are applied. `operation` may throw a
   * TributaryError to refuse; nothing is written then.
   */
  write<R>(name: string, operation: (control: MetadataControl, nowMs: number) => ControllerResult<R | AtOffset<R>>): Promise<R> {
    const run = async (): Promise<R> => {
      this.#requireActive();
      const result = operation(this.#control, this.#options.nowMs());
      const respond = (offset: number): R =>
        typeof result.response === "function" ? (result.response as AtOffset<R>)(offset) : (result.response as R);
      if (result.records.length === 0) return respond(this.#control.image.offset);
      const proposer = this.#proposer;
      if (proposer === undefined) throw new TributaryError("NOT_CONTROLLER", "the controller is not attached to Raft");
      const offset = await proposer.propose(encodeMetadataBatch(encodeRecordPayloads(result.records)));
      return respond(offset);
    };
    const turn = this.#queue.then(run, run);
    this.#queue = turn.catch(() => undefined);
    return this.#withTimeout(name, turn);
  }

  #requireActive(): void {
    if (this.isActive()) return;
    const leader = this.#leader();
    const leaderId = leader.isLeader ? undefined : leader.leaderId;
    throw new TributaryError(
      "NOT_CONTROLLER",
      leader.isLeader ? "this controller was just elected and is still catching up; retry shortly" : "this controller is not the active controller",
      leaderId === undefined ? undefined : { leaderHint: { nodeId: leaderId, epoch: leader.term } },
    );
  }

  #withTimeout<R>(name: string, operation: Promise<R>): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TributaryError("REQUEST_TIMED_OUT", `${name} did not commit within ${this.#options.operationTimeoutMs} ms; its outcome is unknown`)),
        this.#options.operationTimeoutMs,
      );
    });
    return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
  }
}
