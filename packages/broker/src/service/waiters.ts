import type { TributaryError } from "@tributary/client/internal/errors";
import type { Partition } from "../replica/partition.js";

/** AckWait is one partition of an acks=all produce waiting for its records to be committed. */
export interface AckWait {
  readonly partition: Partition;
  /** The high watermark must reach this offset (one past the last appended record). */
  readonly requiredOffset: bigint;
  /** The leader epoch the records were appended in; a change fails the wait. */
  readonly leaderEpoch: number;
}

/** AckWaiter holds acks=all produce responses until the high watermark passes their records. */
export interface AckWaiter {
  /**
   * waitForAcks resolves, per entry, with null once committed, or with the error to answer:
   * NOT_LEADER_OR_FOLLOWER (leadership moved), NOT_ENOUGH_REPLICAS_AFTER_APPEND (timed out with
   * the ISR below min.insync.replicas) or REQUEST_TIMED_OUT.
   */
  waitForAcks(waits: readonly AckWait[], timeoutMs: number): Promise<(TributaryError | null)[]>;
}

/** DataWait is one partition of a long-poll fetch: where the fetcher reads from and how far it may read. */
export interface DataWait {
  readonly partition: Partition;
  readonly fetchOffset: bigint;
  /** Followers may read to the log end; consumers only below the high watermark. */
  readonly follower: boolean;
}

/** DataWaiter holds long-poll fetches until data arrives past their fetch offsets. */
export interface DataWaiter {
  /**
   * waitForData resolves once any of `waits` has data past its fetch offset, any partition stops
   * being led here, or `maxWaitMs` passes, whichever is first.
   */
  waitForData(waits: readonly DataWait[], maxWaitMs: number): Promise<void>;
}
