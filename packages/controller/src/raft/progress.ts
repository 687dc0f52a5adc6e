import { assert } from "@tributary/client/internal/assert";
import { Inflights } from "./inflights.js";
import type { Snapshot } from "./snapshot.js";

/**
 * SnapshotTransfer is a leader's record of the snapshot it is streaming to one follower.
 * Invariant: `0 <= ackedBytes < snapshot.data.length` unless the data is empty (the last chunk is
 * answered by an append acknowledgement, not a chunk acknowledgement).
 */
export interface SnapshotTransfer {
  readonly snapshot: Snapshot;
  /** Bytes the follower confirmed; the next chunk starts here. */
  ackedBytes: number;
  /** True when a chunk was acknowledged since the last heartbeat response (no resend needed). */
  progressed: boolean;
}

/**
 * FlowState is how a leader sends to one follower (etcd `tracker.StateType`; design in etcd's
 * design.md). In-flight conditions are states, not flags:
 * - `probe`: the leader does not know where the logs match; it sends one append at a time and
 *   waits (`paused`) for the answer or a heartbeat response.
 * - `replicate`: the logs match up to `match`; appends are pipelined, bounded by `inflights`.
 * - `snapshot`: the follower is behind the log start and receives a snapshot; appends stop.
 */
export type FlowState =
  | { readonly kind: "probe"; paused: boolean }
  | { readonly kind: "replicate"; readonly inflights: Inflights }
  | { readonly kind: "snapshot"; readonly transfer: SnapshotTransfer };

/** FlowStateKind names a {@link FlowState}. */
export type FlowStateKind = FlowState["kind"];

/**
 * Progress is a leader's view of one voter (itself included): how far its log matches, where the
 * next append starts, how to send, and when it was last heard from.
 *
 * Invariant: `match < next`.
 */
export class Progress {
  /** Highest index known to be persisted on the follower and equal to the leader's. */
  match = 0;
  /** Index of the next entry to send. */
  next: number;
  flow: FlowState = { kind: "probe", paused: false };
  /** True when the follower was heard from during the current check-quorum period (thesis §6.2). */
  recentActive = false;
  /** The leader's tick count when the follower was last heard from (for DescribeQuorum). */
  lastContactTick: number;
  readonly #maxInflight: number;

  /** Creates the progress of a follower whose log is not known yet: probe from `next`. */
  constructor(next: number, maxInflight: number, nowTick: number) {
    this.next = next;
    this.#maxInflight = maxInflight;
    this.lastContactTick = nowTick;
  }

  /** markContact records that the follower answered at tick `nowTick`. */
  markContact(nowTick: number): void {
    this.recentActive = true;
    this.lastContactTick = nowTick;
  }

  /** becomeProbe goes back to one-at-a-time appends from just after `match`. */
  becomeProbe(): void {
    if (this.flow.kind === "snapshot") {
      // The follower restored the snapshot: continue after whichever is further.
      const snapshotIndex = this.flow.transfer.snapshot.metadata.index;
      this.next = Math.max(this.match + 1, snapshotIndex + 1);
    } else {
      this.next = this.match + 1;
    }
    this.flow = { kind: "probe", paused: false };
  }

  /** becomeReplicate starts pipelining appends after `match`. */
  becomeReplicate(): void {
    this.next = this.match + 1;
    this.flow = { kind: "replicate", inflights: new Inflights(this.#maxInflight) };
  }

  /** becomeSnapshot starts streaming `snapshot` from byte 0. */
  becomeSnapshot(snapshot: Snapshot): void {
    this.flow = { kind: "snapshot", transfer: { snapshot, ackedBytes: 0, progressed: true } };
  }

  /**
   * maybeUpdate records an acknowledgement up to `index`. Returns true when `match` grew; a probe
   * is then unpaused, since the follower answered it.
   */
  maybeUpdate(index: number): boolean {
    if (index <= this.match) return false;
    this.match = index;
    // Invariant: match < next.
    this.next = Math.max(this.next, index + 1);
    if (this.flow.kind === "probe") this.flow.paused = false;
    return true;
  }

  /**
   * maybeDecrTo handles a rejection of the append whose prevIndex was `rejected`. `matchHint` is the
   * leader's estimate of the last index that may match (from the follower's reject hint). Returns
   * false when the rejection is stale (etcd `MaybeDecrTo`).
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.flow.kind === "replicate") {
      // Appends were sent optimistically after `match`; a rejection at or below it is stale.
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    // In probe (or snapshot) only the latest probe's rejection counts.
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    if (this.flow.kind === "probe") this.flow.paused = false;
    return true;
  }

  /** sentEntries records an append of `count` entries ending at `lastIndex`. */
  sentEntries(count: number, lastIndex: number): void {
    switch (this.flow.kind) {
      case "replicate":
        if (count > 0) {
          this.next = lastIndex + 1;
          this.flow.inflights.add(lastIndex);
        }
        return;
      case "probe":
        this.flow.paused = true;
        return;
      case "snapshot":
        assert(false, "append sent to a follower receiving a snapshot");
    }
  }

  /** isPaused is true when the leader must not send another append now. */
  isPaused(): boolean {
    switch (this.flow.kind) {
      case "probe":
        return this.flow.paused;
      case "replicate":
        return this.flow.inflights.full();
      case "snapshot":
        return true;
    }
  }
}
