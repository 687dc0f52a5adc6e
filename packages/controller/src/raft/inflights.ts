import { assert } from "@tributary/client/internal/assert";

/**
 * Inflights bounds the append messages a leader has outstanding to one follower (etcd
 * `tracker.Inflights`): each send records the last index it carried; an acknowledgement up to index
 * `i` frees every record at or below `i`. When full, the leader stops sending to that follower, so a
 * slow follower cannot make it buffer without bound (thesis §10.2.1 pipelining, KRaft's fetch caps).
 *
 * Invariant: `count() <= capacity` and the recorded indexes strictly increase.
 */
export class Inflights {
  readonly capacity: number;
  #lastIndexes: number[] = [];

  /** Creates an empty window of `capacity` messages. */
  constructor(capacity: number) {
    assert(capacity >= 1, `inflight capacity must be >= 1, got ${capacity}`);
    this.capacity = capacity;
  }

  /** add records a sent append that ended at `lastIndex`. */
  add(lastIndex: number): void {
    assert(!this.full(), `inflight window of ${this.capacity} is full`);
    const previous = this.#lastIndexes[this.#lastIndexes.length - 1];
    assert(previous === undefined || lastIndex > previous, `inflight index ${lastIndex} does not follow ${previous}`);
    this.#lastIndexes.push(lastIndex);
  }

  /** freeLE releases every append that ended at or below `index` (it was acknowledged). */
  freeLE(index: number): void {
    let n = 0;
    while (n < this.#lastIndexes.length && this.#lastIndexes[n]! <= index) n++;
    if (n > 0) this.#lastIndexes.splice(0, n);
  }

  /**
   * freeFirstOne releases the oldest record. A heartbeat response proves the follower is alive while
   * the window is full, so one of the appends was probably lost; this lets one more through.
   */
  freeFirstOne(): void {
    this.#lastIndexes.shift();
  }

  /** full is true when no more appends may be sent. */
  full(): boolean {
    return this.#lastIndexes.length >= this.capacity;
  }

  /** count is the number of appends in flight. */
  count(): number {
    return this.#lastIndexes.length;
  }

  /** reset forgets every record. */
  reset(): void {
    this.#lastIndexes = [];
  }
}
