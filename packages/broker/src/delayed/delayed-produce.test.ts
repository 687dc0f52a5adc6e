/**
 * Goal: an acks=all produce is answered once: per partition, success when the high watermark
 * reaches its append, NOT_LEADER_OR_FOLLOWER when leadership of the append's epoch is lost,
 * REQUEST_TIMED_OUT when the timeout passes first, the cancel error when the broker stops waiting.
 * Method: a fake replication view (high watermark and leader epoch per partition) and a purgatory
 * on virtual time; the test moves high watermarks and calls checkAndComplete as the broker would.
 */
import { describe, expect, it } from "vitest";
import { TributaryError } from "@tributary/client/internal/errors";
import { Purgatory } from "../purgatory/purgatory.js";
import { FakeScheduler } from "../purgatory/testing/fake-scheduler.js";
import { DelayedProduce } from "./delayed-produce.js";
import type { AckStatus, ProducePartitionResult, ProduceWait, ReplicationProgress } from "./delayed-produce.js";

/** FakeReplication is each partition's high watermark and the epoch this broker leads it in (undefined: not leader). */
class FakeReplication implements ReplicationProgress<string> {
  readonly highWatermark = new Map<string, bigint>();
  readonly leaderEpoch = new Map<string, number | undefined>();

  ackStatus(partition: string, requiredOffset: bigint, leaderEpoch: number): AckStatus {
    if (this.leaderEpoch.get(partition) !== leaderEpoch) return new TributaryError("NOT_LEADER_OR_FOLLOWER", `not the leader of ${partition} in epoch ${leaderEpoch}`);
    return (this.highWatermark.get(partition) ?? 0n) >= requiredOffset ? "done" : "waiting";
  }
}

function setup() {
  const scheduler = new FakeScheduler();
  const purgatory = new Purgatory<string>({ name: "produce", scheduler, watchedOperationsMax: 100, onCallbackError: (error) => { throw error; } });
  const replication = new FakeReplication();
  for (const partition of ["a", "b"]) {
    replication.leaderEpoch.set(partition, 4);
    replication.highWatermark.set(partition, 0n);
  }
  const responses: Array<readonly ProducePartitionResult<string>[]> = [];
  const produce = (partitions: ProduceWait<string>[], timeoutMs = 1_000) => {
    const operation = new DelayedProduce<string>({ timeoutMs, partitions, progress: replication, respond: (results) => responses.push(results) });
    const done = purgatory.tryCompleteElseWatch(operation, partitions.map((wait) => wait.partition));
    return { operation, done };
  };
  const codes = () => responses.map((results) => results.map((result) => `${result.partition}:${result.error?.code ?? "OK"}`));
  return { scheduler, purgatory, replication, responses, produce, codes };
}

describe("DelayedProduce", () => {
  it("answers at once when the high watermark already covers every append", () => {
    const { replication, produce, codes } = setup();
    replication.highWatermark.set("a", 10n);
    expect(produce([{ partition: "a", requiredOffset: 10n, leaderEpoch: 4 }]).done).toBe(true);
    expect(codes()).toEqual([["a:OK"]]);
  });

  it("waits until every partition's high watermark reaches its append, then answers once", () => {
    const { replication, purgatory, produce, codes } = setup();
    produce([
      { partition: "a", requiredOffset: 10n, leaderEpoch: 4 },
      { partition: "b", requiredOffset: 3n, leaderEpoch: 4 },
    ]);
    replication.highWatermark.set("a", 9n);
    expect(purgatory.checkAndComplete("a")).toBe(0);
    replication.highWatermark.set("a", 10n);
    expect(purgatory.checkAndComplete("a")).toBe(0);
    replication.highWatermark.set("b", 5n);
    expect(purgatory.checkAndComplete("b")).toBe(1);
    expect(purgatory.checkAndComplete("b")).toBe(0);
    expect(codes()).toEqual([["a:OK", "b:OK"]]);
    expect(purgatory.watchedOperations).toBe(0);
  });

  it("fails a partition whose leadership was lost and answers once the others are settled", () => {
    const { replication, purgatory, produce, codes } = setup();
    produce([
      { partition: "a", requiredOffset: 10n, leaderEpoch: 4 },
      { partition: "b", requiredOffset: 3n, leaderEpoch: 4 },
    ]);
    replication.leaderEpoch.set("a", 5);
    expect(purgatory.checkAndComplete("a")).toBe(0);
    replication.highWatermark.set("b", 3n);
    purgatory.checkAndComplete("b");
    expect(codes()).toEqual([["a:NOT_LEADER_OR_FOLLOWER", "b:OK"]]);
  });

  it("does not acknowledge from a later epoch even if the high watermark passed the offset", () => {
    const { replication, purgatory, produce, codes } = setup();
    produce([{ partition: "a", requiredOffset: 10n, leaderEpoch: 4 }]);
    replication.leaderEpoch.set("a", 6);
    replication.highWatermark.set("a", 50n);
    purgatory.checkAndComplete("a");
    expect(codes()).toEqual([["a:NOT_LEADER_OR_FOLLOWER"]]);
  });

  it("times out the partitions still waiting at the deadline and keeps the ones that made it", () => {
    const { replication, purgatory, scheduler, produce, codes } = setup();
    produce([
      { partition: "a", requiredOffset: 10n, leaderEpoch: 4 },
      { partition: "b", requiredOffset: 3n, leaderEpoch: 4 },
    ], 2_000);
    replication.highWatermark.set("a", 10n);
    purgatory.checkAndComplete("a");
    scheduler.advanceMs(1_999);
    expect(codes()).toEqual([]);
    scheduler.advanceMs(1);
    expect(codes()).toEqual([["a:OK", "b:REQUEST_TIMED_OUT"]]);
    expect(purgatory.watchedOperations).toBe(0);
  });

  it("takes a last look at expiry, so a high watermark nobody announced still acknowledges", () => {
    const { replication, scheduler, produce, codes } = setup();
    produce([{ partition: "a", requiredOffset: 10n, leaderEpoch: 4 }], 100);
    replication.highWatermark.set("a", 12n);
    scheduler.advanceMs(100);
    expect(codes()).toEqual([["a:OK"]]);
  });

  it("answers the waiting partitions with the cancel error when the broker stops waiting", () => {
    const { purgatory, produce, codes } = setup();
    produce([{ partition: "a", requiredOffset: 10n, leaderEpoch: 4 }]);
    produce([{ partition: "b", requiredOffset: 10n, leaderEpoch: 4 }]);
    purgatory.cancelAll("a", new TributaryError("NOT_LEADER_OR_FOLLOWER", "replica stopped"));
    purgatory.shutdown();
    expect(codes()).toEqual([["a:NOT_LEADER_OR_FOLLOWER"], ["b:SHUTTING_DOWN"]]);
  });
});
