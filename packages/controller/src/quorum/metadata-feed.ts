import type { CommittedBatch } from "./quorum-controller.js";

/** FeedSink receives what a metadata stream subscriber should send, in order. */
export interface FeedSink {
  /** snapshot replaces the subscriber's image with `records` as of `offset`. */
  snapshot(offset: number, records: readonly Uint8Array[]): void;
  /** batches delivers committed batches in offset order. */
  batches(batches: readonly CommittedBatch[]): void;
}

/** MetadataFeedOptions configures a {@link MetadataFeed}. */
export interface MetadataFeedOptions {
  /** Recent batches kept for subscribers that resume from an offset; older ones get a snapshot. */
  readonly retainedBatchesMax: number;
  /** The current image as records, with its offset. */
  readonly snapshot: () => { offset: number; records: Uint8Array[] };
}

/**
 * MetadataFeed fans committed metadata batches out to streaming subscribers (brokers following
 * the metadata log). A subscriber asking for offset N first gets what it missed: the retained
 * batches from N when they reach back that far, otherwise a snapshot of the current image; then
 * every batch as it is applied. Catch-up and subscription happen in one synchronous step, so no
 * batch falls between them.
 */
export class MetadataFeed {
  readonly #options: MetadataFeedOptions;
  #retained: CommittedBatch[] = [];
  /** The offset from which `#retained` is complete: every applied batch after it is retained. */
  #retainedAfter = 0;
  readonly #sinks = new Set<FeedSink>();

  constructor(options: MetadataFeedOptions, initialOffset: number) {
    this.#options = options;
    this.#retainedAfter = initialOffset;
  }

  /** publish records an applied batch and sends it to every subscriber. */
  publish(batch: CommittedBatch): void {
    this.#retained.push(batch);
    const excess = this.#retained.length - this.#options.retainedBatchesMax;
    if (excess > 0) {
      this.#retainedAfter = this.#retained[excess - 1]!.offset;
      this.#retained = this.#retained.slice(excess);
    }
    for (const sink of this.#sinks) sink.batches([batch]);
  }

  /** reset forgets retained batches after a snapshot replaced the image at `offset`. */
  reset(offset: number): void {
    this.#retained = [];
    this.#retainedAfter = offset;
  }

  /**
   * subscribe sends `sink` everything from `fromOffset` on (the first offset it wants) and then
   * every new batch, until the returned function is called.
   */
  subscribe(fromOffset: number, sink: FeedSink): () => void {
    if (fromOffset > this.#retainedAfter) {
      sink.batches(this.#retained.filter((batch) => batch.offset >= fromOffset));
    } else {
      const { offset, records } = this.#options.snapshot();
      sink.snapshot(offset, records);
      sink.batches(this.#retained.filter((batch) => batch.offset > offset));
    }
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  /** subscriberCount is the number of live subscriptions. */
  get subscriberCount(): number {
    return this.#sinks.size;
  }
}
