/** DurableEndOffsetListener hears every change of the durable end offset. It must not throw. */
export type DurableEndOffsetListener = (durableEndOffset: bigint) => void;

/**
 * DurableEndOffset holds the offset below which a log's records are on disk and tells listeners
 * of every change. The replication layer listens: a follower reports it in its next fetch, and
 * the leader's high watermark is the minimum over the ISR (DESIGN.md decision 3).
 */
export class DurableEndOffset {
  private offset: bigint;
  private readonly listeners = new Set<DurableEndOffsetListener>();

  constructor(offset: bigint) {
    this.offset = offset;
  }

  /** value is the current durable end offset. */
  get value(): bigint {
    return this.offset;
  }

  /** advance raises the offset to `offset` if that is higher. */
  advance(offset: bigint): void {
    if (offset > this.offset) this.set(offset);
  }

  /** lower drops the offset to `offset` if that is lower (a truncation). */
  lower(offset: bigint): void {
    if (offset < this.offset) this.set(offset);
  }

  /** set moves the offset either way and notifies listeners if it changed. */
  set(offset: bigint): void {
    if (offset === this.offset) return;
    this.offset = offset;
    for (const listener of this.listeners) {
      try {
        listener(offset);
      } catch (error) {
        // A listener bug must not undo a durable write; surface it like an unhandled 'error' event.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** subscribe adds a listener and returns a function that removes it. */
  subscribe(listener: DurableEndOffsetListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
