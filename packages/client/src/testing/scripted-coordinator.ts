import { partitionKey } from "../cluster/route-to-leaders.js";
import { TributaryError } from "../errors/tributary-error.js";
import { NO_ERROR, errorToWire } from "../wire/wire-errors.js";
import type { FakeBroker, FakeRequest, FakeResponse } from "./fake-broker.js";

/** ScriptedMember is one member as the scripted coordinator tracks it. */
export interface ScriptedMember {
  readonly memberId: string;
  epoch: number;
  /** assigned are the partitions the member was told to own ("topic-partition"). */
  assigned: Set<string>;
  /** revoking are the partitions it was told to give up and has not reported released yet. */
  revoking: Set<string>;
  /** target is what the test wants the member to end up with. */
  target: Set<string>;
}

/** CommitRecord is one accepted offset commit. */
export interface CommitRecord {
  readonly memberId: string;
  readonly memberEpoch: number;
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
}

/** HeartbeatScript may fail a heartbeat before the coordinator looks at it. */
export type HeartbeatScript = (request: FakeRequest<"ConsumerGroupHeartbeat">, coordinator: ScriptedCoordinator) => TributaryError | undefined;

/**
 * ScriptedCoordinator answers ConsumerGroupHeartbeat, OffsetCommit and OffsetFetch on a fake
 * broker with a small KIP-848 model the test steers: it assigns each member its `target`
 * (setTarget), and takes partitions away the KIP-848 way: first an answer without them at the
 * same epoch, then, once a heartbeat shows the member no longer owns them, a bumped epoch with
 * the rest of the target. It fences stale epochs (FENCED_MEMBER_EPOCH) and unknown members
 * (UNKNOWN_MEMBER_ID), and checks commit epochs as the real coordinator does. `script` injects
 * heartbeat failures. Stands in for the broker's coordinator in unit tests of the consumer.
 */
export class ScriptedCoordinator {
  readonly broker: FakeBroker;
  readonly members = new Map<string, ScriptedMember>();
  readonly offsets = new Map<string, bigint>();
  readonly commits: CommitRecord[] = [];
  readonly heartbeats: FakeRequest<"ConsumerGroupHeartbeat">[] = [];
  heartbeatIntervalMs = 20;
  script: HeartbeatScript | undefined;
  /** initialTarget is the target of members that join. */
  initialTarget: readonly string[] = [];
  private nextEpoch = 1;
  private nextMemberId = 1;
  private heartbeatWaiters: { predicate: (request: FakeRequest<"ConsumerGroupHeartbeat">) => boolean; resolve: (request: FakeRequest<"ConsumerGroupHeartbeat">) => void }[] = [];

  private constructor(broker: FakeBroker) {
    this.broker = broker;
    broker.handle("ConsumerGroupHeartbeat", (request) => this.heartbeat(request));
    broker.handle("OffsetCommit", (request) => this.commit(request));
    broker.handle("OffsetFetch", (request) => this.fetchOffsets(request));
  }

  /** install makes `broker` answer the group calls; point FindCoordinator at it (FakeCluster.coordinatorId). */
  static install(broker: FakeBroker): ScriptedCoordinator {
    return new ScriptedCoordinator(broker);
  }

  /** member returns the only member, or the one named. */
  member(memberId?: string): ScriptedMember {
    const found = memberId === undefined ? [...this.members.values()][0] : this.members.get(memberId);
    if (found === undefined) throw new Error(`no scripted member ${memberId ?? ""}`);
    return found;
  }

  /** setTarget sets what a member (the only one by default) should own, as "topic-partition" keys. */
  setTarget(keys: readonly string[], memberId?: string): void {
    this.member(memberId).target = new Set(keys);
  }

  /** commit sets a committed offset directly. */
  setCommitted(topic: string, partition: number, offset: bigint): void {
    this.offsets.set(partitionKey(topic, partition), offset);
  }

  /** nextHeartbeat resolves with the next heartbeat that arrives and satisfies `predicate` (before it is answered). */
  nextHeartbeat(predicate: (request: FakeRequest<"ConsumerGroupHeartbeat">) => boolean = () => true): Promise<FakeRequest<"ConsumerGroupHeartbeat">> {
    return new Promise((resolve) => this.heartbeatWaiters.push({ predicate, resolve }));
  }

  private heartbeat(request: FakeRequest<"ConsumerGroupHeartbeat">): FakeResponse<"ConsumerGroupHeartbeat"> {
    this.heartbeats.push(request);
    const matched = this.heartbeatWaiters.filter((waiter) => waiter.predicate(request));
    this.heartbeatWaiters = this.heartbeatWaiters.filter((waiter) => !matched.includes(waiter));
    for (const waiter of matched) waiter.resolve(request);
    try {
      const scripted = this.script?.(request, this);
      if (scripted !== undefined) throw scripted;
      const member = this.step(request);
      if (member === undefined) return { error: NO_ERROR, memberId: request.memberId, memberEpoch: request.memberEpoch, heartbeatIntervalMs: 0, assignment: null };
      return { error: NO_ERROR, memberId: member.memberId, memberEpoch: member.epoch, heartbeatIntervalMs: this.heartbeatIntervalMs, assignment: { partitions: toTopicPartitions(member.assigned) } };
    } catch (error) {
      return { error: errorToWire(TributaryError.from(error)), memberId: request.memberId, memberEpoch: request.memberEpoch, heartbeatIntervalMs: 0, assignment: null };
    }
  }

  /** step applies a heartbeat to the model; undefined for a leave. */
  private step(request: FakeRequest<"ConsumerGroupHeartbeat">): ScriptedMember | undefined {
    if (request.memberEpoch < 0) {
      this.members.delete(request.memberId);
      return undefined;
    }
    if (request.memberEpoch === 0) {
      const memberId = request.memberId === "" ? `member-${this.nextMemberId++}` : request.memberId;
      const target = new Set(this.members.get(memberId)?.target ?? this.initialTarget);
      const member: ScriptedMember = { memberId, epoch: this.nextEpoch++, assigned: new Set(target), revoking: new Set(), target };
      this.members.set(memberId, member);
      return member;
    }
    const member = this.members.get(request.memberId);
    if (member === undefined) throw new TributaryError("UNKNOWN_MEMBER_ID", `no member ${request.memberId}`);
    if (member.epoch !== request.memberEpoch) throw new TributaryError("FENCED_MEMBER_EPOCH", `member ${member.memberId} is at epoch ${member.epoch}, not ${request.memberEpoch}`);
    const owned = new Set(request.ownedPartitions.flatMap((topic) => topic.partitions.map((partition) => partitionKey(topic.topic, partition))));
    if (member.revoking.size > 0) {
      if ([...member.revoking].some((key) => owned.has(key))) return member;
      member.revoking = new Set();
      member.assigned = new Set(member.target);
      member.epoch = this.nextEpoch++;
      return member;
    }
    const revoke = [...member.assigned].filter((key) => !member.target.has(key));
    if (revoke.length > 0) {
      member.revoking = new Set(revoke);
      member.assigned = new Set([...member.assigned].filter((key) => member.target.has(key)));
    } else if ([...member.target].some((key) => !member.assigned.has(key))) {
      member.assigned = new Set(member.target);
      member.epoch = this.nextEpoch++;
    }
    return member;
  }

  private commit(request: FakeRequest<"OffsetCommit">): FakeResponse<"OffsetCommit"> {
    const fail = (error: TributaryError) => ({ error: errorToWire(error), topics: [] });
    if (request.memberId === "") {
      if (this.members.size > 0) return fail(new TributaryError("NON_EMPTY_GROUP", "the group has members"));
    } else {
      const member = this.members.get(request.memberId);
      if (member === undefined) return fail(new TributaryError("UNKNOWN_MEMBER_ID", `no member ${request.memberId}`));
      if (member.epoch !== request.memberEpoch) return fail(new TributaryError("FENCED_MEMBER_EPOCH", `member ${member.memberId} is at epoch ${member.epoch}, not ${request.memberEpoch}`));
    }
    for (const topic of request.topics) {
      for (const partition of topic.partitions) {
        const offset = BigInt(partition.committedOffset);
        this.offsets.set(partitionKey(topic.name, partition.partition), offset);
        this.commits.push({ memberId: request.memberId, memberEpoch: request.memberEpoch, topic: topic.name, partition: partition.partition, offset });
      }
    }
    return { error: NO_ERROR, topics: request.topics.map((topic) => ({ name: topic.name, partitions: topic.partitions.map((partition) => ({ partition: partition.partition, error: NO_ERROR })) })) };
  }

  private fetchOffsets(request: FakeRequest<"OffsetFetch">): FakeResponse<"OffsetFetch"> {
    return {
      error: NO_ERROR,
      topics: request.topics.map((topic) => ({
        name: topic.topic,
        partitions: topic.partitions.map((partition) => ({
          partition,
          error: NO_ERROR,
          committedOffset: String(this.offsets.get(partitionKey(topic.topic, partition)) ?? -1n),
          committedLeaderEpoch: -1,
        })),
      })),
    };
  }
}

function toTopicPartitions(keys: ReadonlySet<string>): { topicId: string; topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const key of keys) {
    const split = key.lastIndexOf("-");
    const topic = key.slice(0, split);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), Number(key.slice(split + 1))]);
  }
  return [...byTopic].map(([topic, partitions]) => ({ topicId: `id-${topic}`, topic, partitions: partitions.sort((a, b) => a - b) }));
}
