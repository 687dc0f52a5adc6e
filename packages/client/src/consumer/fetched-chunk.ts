import type { ConsumerMessage } from "./consumer-types.js";

/**
 * FetchedChunk is what one fetch returned for one partition, waiting to be handed out. `next` is
 * the index of the first message not yet handed out for good. Invariant: 0 <= next <= length.
 */
export class FetchedChunk {
  readonly messages: readonly ConsumerMessage[];
  /** highWatermark is the partition's high watermark in the fetch response. */
  readonly highWatermark: bigint;
  /** bytes are the fetched bytes this chunk holds on to, counted against the prefetch bound. */
  readonly bytes: number;
  private nextIndex = 0;

  constructor(messages: readonly ConsumerMessage[], highWatermark: bigint, bytes: number) {
    this.messages = messages;
    this.highWatermark = highWatermark;
    this.bytes = bytes;
  }

  /** next is the index of the first message not handed out yet. */
  get next(): number {
    return this.nextIndex;
  }

  /** isExhausted tells whether every message was handed out. */
  get isExhausted(): boolean {
    return this.nextIndex >= this.messages.length;
  }

  /** peek returns up to `limit` messages from `next` (0: no limit), without handing them out. */
  peek(limit: number): readonly ConsumerMessage[] {
    const end = limit > 0 ? Math.min(this.messages.length, this.nextIndex + limit) : this.messages.length;
    return this.messages.slice(this.nextIndex, end);
  }

  /** advance hands `count` more messages out for good. */
  advance(count: number): void {
    this.nextIndex = Math.min(this.messages.length, this.nextIndex + count);
  }
}
