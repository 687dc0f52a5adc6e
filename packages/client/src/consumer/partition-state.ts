import { partitionKey } from "../cluster/route-to-leaders.js";
import { assert } from "../util/assert.js";
import type { FetchedChunk } from "./fetched-chunk.js";

/**
 * PartitionStatus is where a consumed partition stands:
 * - "starting": assigned; its start offset (committed, or by reset policy) is being looked up;
 * - "active": fetched and handed out;
 * - "revoking": being released: no longer fetched or handed out, while a handler call already
 *   running on it finishes and its offsets are committed;
 * - "gone": released or lost; nothing of it is fetched, handed out or committed any more.
 * Transitions: starting -> active | revoking | gone; active -> revoking | gone; revoking -> gone.
 */
export type PartitionStatus = "starting" | "active" | "revoking" | "gone";

const TRANSITIONS: Readonly<Record<PartitionStatus, readonly PartitionStatus[]>> = {
  starting: ["active", "revoking", "gone"],
  active: ["revoking", "gone"],
  revoking: ["gone"],
  gone: [],
};

/**
 * PartitionState is the consumer's state of one partition it consumes: status, fetch position,
 * prefetched messages and the offsets processed and committed. One object per assignment: a
 * partition assigned again gets a new one, so stale work can compare identities.
 */
export class PartitionState {
  readonly topic: string;
  readonly partition: number;
  /** key is "topic-partition". */
  readonly key: string;
  /** fromBeginning is the reset policy of this partition: earliest (true) or latest. */
  readonly fromBeginning: boolean;
  private statusValue: PartitionStatus = "starting";
  /**
   * generation changes whenever the position moves by other means than consuming (seek, reset,
   * restart after a failure): fetch results and batches handed out under an older generation are
   * stale and dropped.
   */
  generation = 0;
  /** fetchOffset is the next offset to fetch, -1n before the start offset is known. */
  fetchOffset = -1n;
  /** resolvedOffset is the next offset to commit (last processed + 1), -1n when nothing was processed. */
  resolvedOffset = -1n;
  /** resolvedLeaderEpoch is the leader epoch of the last processed message, committed with it. */
  resolvedLeaderEpoch = -1;
  /** committedOffset is the last offset this consumer committed or found committed, -1n when none. */
  committedOffset = -1n;
  /** highWatermark as the last fetch reported it, -1n before any. */
  highWatermark = -1n;
  /** fetchInFlight is set while a Fetch carrying this partition is outstanding. Invariant: at most one. */
  fetchInFlight = false;
  /** fetchRetryAtMs: after a partition error, it is not fetched before this time. */
  fetchRetryAtMs = 0;
  /** fetchFailures counts partition errors in a row, for backoff. */
  fetchFailures = 0;
  private readonly chunks: FetchedChunk[] = [];
  private bufferedBytesValue = 0;

  constructor(topic: string, partition: number, fromBeginning: boolean) {
    this.topic = topic;
    this.partition = partition;
    this.key = partitionKey(topic, partition);
    this.fromBeginning = fromBeginning;
  }

  /** status is where the partition stands; see {@link PartitionStatus}. */
  get status(): PartitionStatus {
    return this.statusValue;
  }

  /** bufferedBytes are the fetched bytes held by undelivered messages. */
  get bufferedBytes(): number {
    return this.bufferedBytesValue;
  }

  /** isOwned tells whether the partition still belongs to this consumer (not gone). */
  get isOwned(): boolean {
    return this.statusValue !== "gone";
  }

  /** transitionTo moves the status; leaving "active" drops prefetched messages. */
  transitionTo(next: PartitionStatus): void {
    assert(TRANSITIONS[this.statusValue].includes(next), `partition ${this.key} cannot go from ${this.statusValue} to ${next}`);
    this.statusValue = next;
    if (next !== "active") this.clearBuffer();
  }

  /** start sets the start offset and makes the partition active. */
  start(offset: bigint): void {
    assert(offset >= 0n, `start offset of ${this.key} must not be negative`);
    this.fetchOffset = offset;
    this.transitionTo("active");
  }

  /** moveTo moves the position to `offset` (seek, reset): prefetched messages and fetches in flight become stale. */
  moveTo(offset: bigint): void {
    assert(offset >= 0n, `position of ${this.key} must not be negative`);
    this.generation++;
    this.fetchOffset = offset;
    this.fetchRetryAtMs = 0;
    this.clearBuffer();
  }

  /** append buffers a fetched chunk. */
  append(chunk: FetchedChunk): void {
    assert(this.statusValue === "active", `only an active partition buffers messages (${this.key} is ${this.statusValue})`);
    this.chunks.push(chunk);
    this.bufferedBytesValue += chunk.bytes;
  }

  /** headChunk is the oldest chunk with messages left to hand out, or undefined. */
  headChunk(): FetchedChunk | undefined {
    this.dropExhausted();
    return this.chunks[0];
  }

  /** advance hands `count` messages of `chunk` out for good, releasing its bytes once it is exhausted. */
  advance(chunk: FetchedChunk, count: number): void {
    chunk.advance(count);
    this.dropExhausted();
  }

  /** resolve marks everything before `nextOffset` processed; commits go up to it. */
  resolve(nextOffset: bigint, leaderEpoch: number): void {
    this.resolvedOffset = nextOffset;
    this.resolvedLeaderEpoch = leaderEpoch;
  }

  /** uncommitted tells whether a processed offset waits to be committed. */
  get uncommitted(): boolean {
    return this.resolvedOffset >= 0n && this.resolvedOffset !== this.committedOffset;
  }

  private dropExhausted(): void {
    while (this.chunks[0]?.isExhausted === true) this.bufferedBytesValue -= this.chunks.shift()!.bytes;
  }

  private clearBuffer(): void {
    this.chunks.length = 0;
    this.bufferedBytesValue = 0;
  }
}
