import { assert } from "@tributary/client/internal/assert";
import { DelayedOperation } from "../purgatory/delayed-operation.js";
import type { CompletionReason } from "../purgatory/delayed-operation.js";

/**
 * FetchAvailability is what one partition of a waiting fetch offers now: `bytes` readable from
 * the fetch offset up to the fetch's bound (the high watermark for consumers, the log end for
 * followers), or `answer-now` when the fetch must be answered at once whatever its byte count
 * because the answer for this partition changed (see {@link FetchProgress}).
 */
export type FetchAvailability = { readonly kind: "bytes"; readonly bytes: number } | { readonly kind: "answer-now" };

/**
 * FetchProgress is what a delayed fetch reads of the partitions it waits on; the broker wires it
 * to its partitions, and `P` can carry whatever it needs (topic partition, isolation, the
 * fetcher's current leader epoch). Synchronous and cheap: it runs on every append and
 * high-watermark change of the partition. Kafka's DelayedFetch answers at once when this broker
 * no longer leads the partition or the fetcher's epoch is fenced, when the fetch offset left the
 * log (truncation below it, log start past it), or when a follower's log diverged; an
 * implementation reports those as `answer-now`, and the read that answers the fetch turns them
 * into errors.
 */
export interface FetchProgress<P> {
  /** availability says how many bytes `partition` can return from `fetchOffset`, or that the fetch must be answered now. */
  availability(partition: P, fetchOffset: bigint): FetchAvailability;
}

/** FetchWait is one partition of a waiting fetch. */
export interface FetchWait<P> {
  readonly partition: P;
  readonly fetchOffset: bigint;
  /** partitionMaxBytes caps what this partition counts toward minBytes, as it caps what it may return. */
  readonly partitionMaxBytes: number;
}

/** DelayedFetchOptions describe one waiting fetch request. */
export interface DelayedFetchOptions<P> {
  /** maxWaitMs is the fetch's max wait: it is answered then with whatever is there. */
  readonly maxWaitMs: number;
  /** minBytes is how many bytes, summed over partitions, answer the fetch before maxWaitMs. */
  readonly minBytes: number;
  readonly partitions: readonly FetchWait<P>[];
  readonly progress: FetchProgress<P>;
  /**
   * respond answers the fetch, once: the broker reads the partitions again and replies. `reason`
   * says why: enough data or a changed partition (`satisfied`), max wait (`expired`, not an error
   * for a fetch), or `cancelled` with the error to answer with.
   */
  readonly respond: (reason: CompletionReason) => void;
}

/**
 * DelayedFetch is a long-poll fetch that found fewer than minBytes (Kafka's DelayedFetch): it waits
 * until the partitions hold at least minBytes between them, until one of them must be answered at
 * once, or until maxWaitMs. It holds no data: the answer is read when it completes, so the reply
 * has the latest records and nothing is buffered while it waits. Watch it under the keys of its
 * partitions; call checkAndComplete for a key when that partition gets data (leader: an append
 * for followers' fetches, a high-watermark increase for consumers') or changes leadership.
 */
export class DelayedFetch<P> extends DelayedOperation {
  readonly #options: DelayedFetchOptions<P>;

  constructor(options: DelayedFetchOptions<P>) {
    super(options.maxWaitMs);
    assert(Number.isSafeInteger(options.minBytes), `minBytes ${options.minBytes} must be an integer`);
    assert(options.partitions.every((wait) => Number.isSafeInteger(wait.partitionMaxBytes) && wait.partitionMaxBytes >= 0), "partitionMaxBytes must be non-negative integers");
    this.#options = options;
  }

  /** tryComplete sums each partition's available bytes (capped per partition) and completes at minBytes or on any `answer-now`. */
  tryComplete(): boolean {
    let accumulatedBytes = 0;
    for (const wait of this.#options.partitions) {
      const availability = this.#options.progress.availability(wait.partition, wait.fetchOffset);
      if (availability.kind === "answer-now") return this.forceComplete();
      assert(availability.bytes >= 0, `partition availability ${availability.bytes} is negative`);
      accumulatedBytes += Math.min(availability.bytes, wait.partitionMaxBytes);
    }
    return accumulatedBytes >= this.#options.minBytes ? this.forceComplete() : false;
  }

  protected onComplete(reason: CompletionReason): void {
    this.#options.respond(reason);
  }
}
