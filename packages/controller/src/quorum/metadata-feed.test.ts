import { describe, expect, it } from "vitest";
import { MetadataFeed, type FeedSink } from "./metadata-feed.js";
import type { CommittedBatch } from "./quorum-controller.js";

function recorder(): FeedSink & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    snapshot: (offset) => log.push(`snapshot@${offset}`),
    batches: (batches: readonly CommittedBatch[]) => batches.forEach((batch) => log.push(`batch@${batch.offset}`)),
  };
}

describe("MetadataFeed", () => {
  const batch = (offset: number): CommittedBatch => ({ offset, records: [] });

  it("replays retained batches from the requested offset, then streams", () => {
    const feed = new MetadataFeed({ retainedBatchesMax: 10, snapshot: () => ({ offset: 3, records: [] }) }, 0);
    [1, 2, 3].forEach((offset) => feed.publish(batch(offset)));
    const sink = recorder();
    feed.subscribe(2, sink);
    feed.publish(batch(4));
    expect(sink.log).toEqual(["batch@2", "batch@3", "batch@4"]);
  });

  it("sends a snapshot when the requested offset is older than what is retained", () => {
    let imageOffset = 0;
    const feed = new MetadataFeed({ retainedBatchesMax: 2, snapshot: () => ({ offset: imageOffset, records: [] }) }, 0);
    for (const offset of [1, 2, 3, 4]) {
      feed.publish(batch(offset));
      imageOffset = offset;
    }
    const sink = recorder();
    const unsubscribe = feed.subscribe(1, sink);
    feed.publish(batch(5));
    unsubscribe();
    feed.publish(batch(6));
    expect(sink.log).toEqual(["snapshot@4", "batch@5"]);
  });

  it("sends only new batches to a subscriber that is already caught up", () => {
    const feed = new MetadataFeed({ retainedBatchesMax: 5, snapshot: () => ({ offset: 2, records: [] }) }, 0);
    feed.publish(batch(1));
    feed.publish(batch(2));
    const sink = recorder();
    feed.subscribe(3, sink);
    feed.publish(batch(3));
    expect(sink.log).toEqual(["batch@3"]);
  });
});
