import { throwIfCoordinatorMoved, withCoordinator } from "../admin/admin-calls.js";
import { TributaryAggregateError, type ItemFailure } from "../cluster/aggregate-error.js";
import type { Cluster } from "../cluster/cluster.js";
import { partitionKey, type PartitionItem } from "../cluster/route-to-leaders.js";
import type { ErrorName } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { InstrumentationEmitter } from "../instrumentation/instrumentation-emitter.js";
import { errorFromWire } from "../wire/wire-errors.js";
import { CommitRejectedError } from "./consumer-errors.js";
import type { ConsumerEvents } from "./consumer-events.js";
import { groupOffsetsByTopic, groupByTopic } from "./topic-partitions.js";

/** MemberIdentity is who commits: a group member (id and epoch), or nobody ("" and -1) outside group management. */
export interface MemberIdentity {
  readonly memberId: string;
  readonly memberEpoch: number;
}

/** NO_MEMBER commits as an administrator would: allowed only while the group has no members. */
export const NO_MEMBER: MemberIdentity = { memberId: "", memberEpoch: -1 };

/** CommitEntry is one offset to commit: the next offset to read, and the leader epoch of the last record read. */
export interface CommitEntry extends PartitionItem {
  readonly offset: bigint;
  readonly leaderEpoch: number;
}

/** CommittedOffset is an offset the group committed. */
export interface CommittedOffset {
  readonly offset: bigint;
  readonly leaderEpoch: number;
}

/** FENCING_ERRORS mean the coordinator does not know this member as it presents itself: it must rejoin. */
export const FENCING_ERRORS: ReadonlySet<ErrorName> = new Set(["FENCED_MEMBER_EPOCH", "UNKNOWN_MEMBER_ID", "FENCED_INSTANCE_ID"]);

/** OffsetCommitterDeps are what an {@link OffsetCommitter} works with. */
export interface OffsetCommitterDeps {
  readonly cluster: Cluster;
  readonly groupId: string;
  /** identity is read when a commit is sent, so it carries the member's current epoch. */
  readonly identity: () => MemberIdentity;
  readonly events: InstrumentationEmitter<ConsumerEvents>;
}

/**
 * OffsetCommitter commits and reads a group's offsets on its coordinator (found with
 * FindCoordinator, found again after NOT_COORDINATOR). Commits run one at a time, in the order
 * they were asked for, so an older commit never lands after a newer one, and {@link drain} tells
 * when every commit asked for so far has finished: partitions are released only after that.
 *
 * A commit refused for fencing is retried once when the member's epoch moved while it was in
 * flight (a heartbeat answer crossed it: the member is not a zombie); otherwise it fails with
 * CommitRejectedError.
 */
export class OffsetCommitter {
  private readonly deps: OffsetCommitterDeps;
  private tail: Promise<void> = Promise.resolve();

  constructor(deps: OffsetCommitterDeps) {
    this.deps = deps;
  }

  /** commit commits `entries` after every commit asked for before. */
  commit(entries: readonly CommitEntry[]): Promise<void> {
    const run = this.tail.then(() => this.commitNow(entries));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** drain resolves once every commit asked for so far has finished, whatever its outcome. */
  drain(): Promise<void> {
    return this.tail;
  }

  /**
   * fetchCommitted reads the group's committed offsets of `items`; partitions without one are
   * absent from the result.
   */
  async fetchCommitted(items: readonly PartitionItem[]): Promise<Map<string, CommittedOffset>> {
    const { cluster, groupId } = this.deps;
    if (items.length === 0) return new Map();
    return withCoordinator(cluster, groupId, "OffsetFetch", async (connection) => {
      // Without a member id: the coordinator then skips the epoch check, which a heartbeat moving
      // the epoch meanwhile would fail. Reading offsets cannot harm anyone.
      const topics = groupByTopic(items).map((entry) => ({ topic: entry.topic, partitions: [...entry.partitions] }));
      const response = await connection.offsetFetch({ groupId, memberId: "", memberEpoch: -1, topics });
      const error = errorFromWire(response.error);
      throwIfCoordinatorMoved(error);
      if (error !== null) throw error;
      const offsets = new Map<string, CommittedOffset>();
      const failures: ItemFailure[] = [];
      for (const topic of response.topics) {
        for (const partition of topic.partitions) {
          const partitionError = errorFromWire(partition.error);
          throwIfCoordinatorMoved(partitionError);
          const key = partitionKey(topic.name, partition.partition);
          if (partitionError !== null) failures.push({ item: key, error: partitionError });
          else if (BigInt(partition.committedOffset) >= 0n) offsets.set(key, { offset: BigInt(partition.committedOffset), leaderEpoch: partition.committedLeaderEpoch });
        }
      }
      if (failures.length > 0) throw TributaryAggregateError.of("OffsetFetch", failures);
      return offsets;
    });
  }

  private async commitNow(entries: readonly CommitEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const sentAs = this.deps.identity();
    try {
      await this.send(entries, sentAs);
    } catch (error) {
      const typed = TributaryError.from(error);
      if (!FENCING_ERRORS.has(typed.code)) throw typed;
      const now = this.deps.identity();
      const moved = now.memberId === sentAs.memberId && now.memberEpoch > sentAs.memberEpoch;
      if (!moved) throw new CommitRejectedError(typed.code, groupOffsetsByTopic(entries), typed);
      try {
        await this.send(entries, now);
      } catch (retryError) {
        const retryTyped = TributaryError.from(retryError);
        throw FENCING_ERRORS.has(retryTyped.code) ? new CommitRejectedError(retryTyped.code, groupOffsetsByTopic(entries), retryTyped) : retryTyped;
      }
    }
  }

  private async send(entries: readonly CommitEntry[], identity: MemberIdentity): Promise<void> {
    const { cluster, groupId, events } = this.deps;
    const byTopic = new Map<string, CommitEntry[]>();
    for (const entry of entries) byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry]);
    await withCoordinator(cluster, groupId, "OffsetCommit", async (connection) => {
      const response = await connection.offsetCommit({
        groupId,
        memberId: identity.memberId,
        memberEpoch: identity.memberEpoch,
        topics: [...byTopic].map(([name, list]) => ({
          name,
          partitions: list.map((entry) => ({ partition: entry.partition, committedOffset: String(entry.offset), committedLeaderEpoch: entry.leaderEpoch })),
        })),
      });
      const error = errorFromWire(response.error);
      throwIfCoordinatorMoved(error);
      if (error !== null) throw error;
      const failures: ItemFailure[] = [];
      for (const topic of response.topics) {
        for (const partition of topic.partitions) {
          const partitionError = errorFromWire(partition.error);
          throwIfCoordinatorMoved(partitionError);
          if (partitionError !== null && FENCING_ERRORS.has(partitionError.code)) throw partitionError;
          if (partitionError !== null) failures.push({ item: partitionKey(topic.name, partition.partition), error: partitionError });
        }
      }
      if (failures.length > 0) throw TributaryAggregateError.of("OffsetCommit", failures);
    });
    events.emit("consumer.commit_offsets", { groupId, memberId: identity.memberId, memberEpoch: identity.memberEpoch, topics: groupOffsetsByTopic(entries) });
  }
}
