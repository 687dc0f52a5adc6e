/**
 * Partition leadership on an in-memory log: the high watermark is the minimum durable end offset
 * over the maximal ISR and respects min.insync.replicas; the ISR shrinks and expands through the
 * controller one change at a time; a follower's divergence is found by epoch; a deposed leader
 * cannot complete acks=all writes.
 */
import { describe, expect, it } from "vitest";
import { makeBatch } from "../log/testing/make-batch.js";
import { testLogEnv } from "../log/testing/open-test-log.js";
import type { IsrChangeRequest, IsrChangeResult, PartitionRegistration } from "./partition-registration.js";
import { Partition } from "./partition.js";

class RecordingIsrSender {
  readonly requests: IsrChangeRequest[] = [];
  #answers: Array<(result: IsrChangeResult) => void> = [];
  send(request: IsrChangeRequest): Promise<IsrChangeResult> {
    this.requests.push(request);
    return new Promise((resolve) => this.#answers.push(resolve));
  }
  /** commit answers the oldest proposal as the controller would, bumping the partition epoch. */
  commit(): void {
    const request = this.requests[this.#answers.length === 0 ? -1 : this.requests.length - this.#answers.length]!;
    this.#answers.shift()!({ ok: true, leader: 1, leaderEpoch: request.leaderEpoch, partitionEpoch: request.partitionEpoch + 1, isr: request.newIsr.map((m) => m.brokerId) });
  }
}

async function leaderPartition(options: { minIsr?: number; isr?: number[]; flushBeforeAck?: boolean } = {}) {
  const env = testLogEnv();
  const log = await env.open();
  const isrSender = new RecordingIsrSender();
  const partition = new Partition({
    topic: "orders",
    partition: 0,
    log,
    brokerId: 1,
    clock: env.clock,
    settings: { minInsyncReplicas: () => options.minIsr ?? 2, replicaLagTimeMaxMs: 10_000, flushBeforeAck: options.flushBeforeAck ?? true },
    isrSender,
  });
  const registration: PartitionRegistration = { topicId: "t1", replicas: [1, 2, 3], isr: options.isr ?? [1, 2, 3], leader: 1, leaderEpoch: 5, partitionEpoch: 7 };
  await partition.applyRegistration(registration);
  return { env, log, partition, isrSender, registration };
}

function follow(partition: Partition, replicaId: number, offset: bigint, durable = offset, lastFetchedEpoch = -1) {
  return partition.readForFollower({
    replicaId,
    replicaEpoch: 100 + replicaId,
    fetchOffset: offset,
    durableEndOffset: durable,
    currentLeaderEpoch: 5,
    lastFetchedEpoch,
    maxBytes: 1 << 20,
  });
}

describe("Partition as leader", () => {
  it("advances the high watermark to the minimum durable end offset over the ISR", async () => {
    const { log, partition } = await leaderPartition();
    const info = await partition.appendAsLeader(makeBatch({ records: 10 }), -1);
    expect(info.lastOffset).toBe(9n);
    expect(log.highWatermark).toBe(0n);
    await follow(partition, 2, 10n, 10n);
    await follow(partition, 3, 10n, 4n);
    expect(log.highWatermark).toBe(0n); // the leader has not fsynced yet
    await log.flush();
    expect(log.highWatermark).toBe(4n); // follower 3 has fsynced only up to 4
    expect(partition.ackStatus(10n, 5)).toBe("waiting");
    await follow(partition, 3, 10n, 10n);
    expect(log.highWatermark).toBe(10n);
    expect(partition.ackStatus(10n, 5)).toBe("done");
  });

  it("counts log end offsets when flush-before-ack is off", async () => {
    const { log, partition } = await leaderPartition({ flushBeforeAck: false });
    await partition.appendAsLeader(makeBatch({ records: 3 }), -1);
    await follow(partition, 2, 3n, 0n);
    await follow(partition, 3, 3n, 0n);
    expect(log.highWatermark).toBe(3n);
  });

  it("refuses acks=all writes below min.insync.replicas and never advances the high watermark there", async () => {
    const { log, partition } = await leaderPartition({ minIsr: 2, isr: [1] });
    await expect(partition.appendAsLeader(makeBatch(), -1)).rejects.toMatchObject({ code: "NOT_ENOUGH_REPLICAS" });
    await partition.appendAsLeader(makeBatch(), 1);
    await log.flush();
    expect(log.highWatermark).toBe(0n);
  });

  it("shrinks the ISR of followers that stopped catching up, through the controller", async () => {
    const { env, log, partition, isrSender } = await leaderPartition();
    await partition.appendAsLeader(makeBatch({ records: 2 }), -1);
    await log.flush();
    await follow(partition, 2, 2n);
    env.clock.advanceMs(11_000);
    await follow(partition, 2, 2n);
    partition.maybeShrinkIsr();
    expect(isrSender.requests).toHaveLength(1);
    expect(isrSender.requests[0]!.newIsr.map((member) => member.brokerId)).toEqual([1, 2]);
    expect(isrSender.requests[0]!.newIsr[1]!.brokerEpoch).toBe(102);
    // While the change is pending the maximal ISR still includes 3: no advance without it.
    expect(log.highWatermark).toBe(0n);
    partition.maybeShrinkIsr();
    expect(isrSender.requests).toHaveLength(1); // one change in flight
    isrSender.commit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(partition.isr).toEqual([1, 2]);
    expect(log.highWatermark).toBe(2n);
  });

  it("expands the ISR once a follower has everything committed", async () => {
    const { log, partition, isrSender } = await leaderPartition({ isr: [1, 2] });
    await partition.appendAsLeader(makeBatch({ records: 4 }), -1);
    await log.flush();
    await follow(partition, 2, 4n);
    expect(log.highWatermark).toBe(4n);
    await follow(partition, 3, 2n);
    expect(isrSender.requests).toHaveLength(0);
    await follow(partition, 3, 4n);
    expect(isrSender.requests[0]!.newIsr.map((member) => member.brokerId)).toEqual([1, 2, 3]);
  });

  it("tells a follower where its log diverged by epoch", async () => {
    const { partition } = await leaderPartition();
    await partition.appendAsLeader(makeBatch({ records: 3 }), -1);
    // The follower holds 5 records of epoch 4, which this leader never had (it starts epoch 5 at 0).
    const result = await follow(partition, 2, 5n, 5n, 4);
    expect(result.read).toBeUndefined();
    expect(result.divergingEpoch).toEqual({ epoch: 4, endOffset: 0n });
  });

  it("as a deposed leader fails waiting acks=all writes instead of acknowledging them", async () => {
    const { partition, registration } = await leaderPartition();
    await partition.appendAsLeader(makeBatch(), -1);
    await partition.applyRegistration({ ...registration, leader: 2, leaderEpoch: 6, isr: [2, 3] });
    const status = partition.ackStatus(1n, 5);
    expect(status).not.toBe("done");
    expect(status).toMatchObject({ code: "NOT_LEADER_OR_FOLLOWER" });
    await expect(partition.appendAsLeader(makeBatch(), -1)).rejects.toMatchObject({ code: "NOT_LEADER_OR_FOLLOWER" });
  });

  it("rejects fetches with stale or unknown leader epochs", async () => {
    const { partition } = await leaderPartition();
    await expect(partition.readForConsumer(0n, 100, 4)).rejects.toMatchObject({ code: "FENCED_LEADER_EPOCH" });
    await expect(partition.readForConsumer(0n, 100, 6)).rejects.toMatchObject({ code: "UNKNOWN_LEADER_EPOCH" });
  });
});
