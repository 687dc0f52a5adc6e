import { assert } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import { DelayedOperation } from "../purgatory/delayed-operation.js";
import type { CompletionReason } from "../purgatory/delayed-operation.js";

/**
 * AckStatus is one partition's answer to "is this acks=all append replicated?": `done` once the
 * high watermark reached it, `waiting` until then, or the error the producer gets for this
 * partition (NOT_LEADER_OR_FOLLOWER once this broker no longer leads in the append's epoch).
 */
export type AckStatus = "done" | "waiting" | TributaryError;

/**
 * ReplicationProgress is what a delayed produce reads of the partitions it waits on; the broker
 * wires it to its partitions (Partition.ackStatus has this shape). It must be synchronous and
 * cheap: it runs on every high-watermark change of the partition.
 */
export interface ReplicationProgress<P> {
  /**
   * ackStatus tells whether the high watermark reached `requiredOffset` while this broker still
   * leads `partition` in `leaderEpoch`, the epoch the records were appended in. A leader that lost
   * its epoch must not acknowledge: the new leader may have truncated the records (KIP-101).
   */
  ackStatus(partition: P, requiredOffset: bigint, leaderEpoch: number): AckStatus;
}

/** ProduceWait is one partition of an acks=all produce request: what its append needs to be acknowledged. */
export interface ProduceWait<P> {
  readonly partition: P;
  /** requiredOffset is the appended last offset + 1: the high watermark that acknowledges the append. */
  readonly requiredOffset: bigint;
  /** leaderEpoch is the leader epoch the records were appended in. */
  readonly leaderEpoch: number;
}

/** ProducePartitionResult is the outcome for one partition: undefined error means acknowledged. */
export interface ProducePartitionResult<P> {
  readonly partition: P;
  readonly error: TributaryError | undefined;
}

/** DelayedProduceOptions describe one waiting acks=all produce request. */
export interface DelayedProduceOptions<P> {
  /** timeoutMs is the request's timeout (Kafka's produce `timeout.ms`): after it, unacknowledged partitions get REQUEST_TIMED_OUT. */
  readonly timeoutMs: number;
  /** partitions are the appended partitions awaiting replication, each once. */
  readonly partitions: readonly ProduceWait<P>[];
  readonly progress: ReplicationProgress<P>;
  /** respond answers the request, once, with one result per partition in `partitions` order. */
  readonly respond: (results: readonly ProducePartitionResult<P>[]) => void;
}

/**
 * DelayedProduce is an acks=all produce whose records are appended on the leader and wait for the
 * high watermark (Kafka's DelayedProduce). It completes when every partition is acknowledged or
 * failed; on expiry (or cancellation) each partition is looked at once more, and those still
 * waiting get REQUEST_TIMED_OUT (or the cancel error). Both say the outcome is unknown: the
 * records are in the leader's log and may yet be committed, which is why producers retry with
 * idempotence on. Watch it under the keys of its partitions; call checkAndComplete for a key when
 * that partition's high watermark or leadership changes.
 */
export class DelayedProduce<P> extends DelayedOperation {
  readonly #options: DelayedProduceOptions<P>;
  /** #outcomes holds each partition's outcome once known: null for acknowledged. Invariant: an index absent here is still waiting. */
  readonly #outcomes = new Map<number, TributaryError | null>();

  constructor(options: DelayedProduceOptions<P>) {
    super(options.timeoutMs);
    assert(options.partitions.length > 0, "a delayed produce waits on at least one partition");
    this.#options = options;
  }

  /** tryComplete asks each partition still waiting for its status, and completes once none waits. */
  tryComplete(): boolean {
    this.#refresh();
    return this.#outcomes.size === this.#options.partitions.length ? this.forceComplete() : false;
  }

  protected onComplete(reason: CompletionReason): void {
    this.#refresh();
    const results = this.#options.partitions.map((wait, index): ProducePartitionResult<P> => {
      const outcome = this.#outcomes.get(index);
      if (outcome !== undefined) return { partition: wait.partition, error: outcome ?? undefined };
      assert(reason.kind !== "satisfied", "a satisfied delayed produce has a partition still waiting");
      const error = reason.kind === "cancelled" ? reason.error : new TributaryError("REQUEST_TIMED_OUT", `not replicated to the in-sync replicas within ${this.timeoutMs} ms; the records may still be committed`);
      return { partition: wait.partition, error };
    });
    this.#options.respond(results);
  }

  #refresh(): void {
    this.#options.partitions.forEach((wait, index) => {
      if (this.#outcomes.has(index)) return;
      const status = this.#options.progress.ackStatus(wait.partition, wait.requiredOffset, wait.leaderEpoch);
      if (status === "waiting") return;
      this.#outcomes.set(index, status === "done" ? null : status);
    });
  }
}
