import { randomUUID } from "node:crypto";
import { fenceMemberRecords } from "./consumer-group-records.js";
import { consumerGroupHeartbeat, type HeartbeatEnv } from "./consumer-group-heartbeat.js";
import { ConsumerGroup, type GroupState } from "./consumer-group.js";
import { deleteGroups, describeGroup, listGroups } from "./group-admin.js";
import type { GroupConfig } from "./group-config.js";
import type { GroupRecord } from "./group-records.js";
import { offsetCommit, offsetFetch } from "./offset-handlers.js";
import { OffsetStore } from "./offset-store.js";
import type {
  FetchedOffset,
  GroupDescription,
  HeartbeatRequest,
  HeartbeatResponse,
  ItemErrors,
  OffsetCommitRequest,
  OffsetFetchRequest,
  ShardResult,
  TimerChange,
} from "./shard-types.js";
import { TopicRegexCache } from "./topic-regex.js";
import type { TopicsView } from "./topics-view.js";

/** GroupCoordinatorShardOptions configures a {@link GroupCoordinatorShard}. */
export interface GroupCoordinatorShardOptions {
  readonly config: GroupConfig;
  /** Makes member ids for members that join without one (random UUIDs unless a test says otherwise). */
  readonly newMemberId?: () => string;
}

/**
 * GroupCoordinatorShard is the group state of one `__consumer_offsets` partition: its consumer
 * groups and committed offsets, as a pure state machine (KIP-848 runs one per partition "to simplify
 * concurrency and enable simulation testing"; DESIGN.md decision 5 is the same pattern).
 *
 * The `handle*` methods compute `{ records, response, timers }` and change nothing; a TributaryError
 * they throw is the request's answer. {@link GroupCoordinatorShard.replay} is the only mutation: the
 * runtime replays a result's records once they are committed, and a new leader replays the
 * partition's log, so every replica that replays the same records holds the same state. It holds no
 * clock: timeouts come back as {@link TimerChange}s for the runtime to schedule.
 *
 * Not safe for concurrent use; the runtime runs one operation at a time per shard.
 */
export class GroupCoordinatorShard {
  readonly #config: GroupConfig;
  readonly #groups = new Map<string, ConsumerGroup>();
  readonly #offsets = new OffsetStore();
  readonly #regexes = new TopicRegexCache();
  readonly #checkedMetadata = new Map<string, { readonly groupEpoch: number; readonly topicsVersion: number }>();
  readonly #newMemberId: () => string;

  constructor(options: GroupCoordinatorShardOptions) {
    this.#config = options.config;
    this.#newMemberId = options.newMemberId ?? (() => randomUUID());
  }

  /** group returns a group's state, for reads and tests. */
  group(groupId: string): ConsumerGroup | undefined {
    return this.#groups.get(groupId);
  }

  /** groupIds lists the groups with members or group records. */
  groupIds(): string[] {
    return [...this.#groups.keys()];
  }

  /** handleHeartbeat computes a ConsumerGroupHeartbeat (see consumerGroupHeartbeat). */
  handleHeartbeat(request: HeartbeatRequest, topics: TopicsView): ShardResult<HeartbeatResponse> {
    return consumerGroupHeartbeat(this.#groups.get(request.groupId), request, this.#env(topics));
  }

  /** handleOffsetCommit computes an OffsetCommit; `nowMs` is the wall-clock commit time. */
  handleOffsetCommit(request: OffsetCommitRequest, topics: TopicsView, nowMs: number): ShardResult<ItemErrors> {
    return offsetCommit(this.#groups.get(request.groupId), request, topics, { offsetMetadataBytesMax: this.#config.offsetMetadataBytesMax, nowMs });
  }

  /**
   * handleSessionTimeout removes a member whose session expired (no heartbeat within its session
   * timeout, or a static member that left and did not return in time), bumping the group epoch.
   * Nothing happens if the member is already gone.
   */
  handleSessionTimeout(groupId: string, memberId: string, topics: TopicsView): ShardResult<boolean> {
    const group = this.#groups.get(groupId);
    if (group?.members.has(memberId) !== true) return { records: [], response: false, timers: [] };
    return { records: fenceMemberRecords(group, memberId, topics, this.#regexes), response: true, timers: [{ kind: "cancel-all", groupId, memberId }] };
  }

  /**
   * handleRebalanceTimeout removes a member that was asked at `memberEpoch` to revoke partitions and
   * still has not (KIP-848: the rebalance timeout bounds how long others wait for a partition).
   * Nothing happens if the member moved on meanwhile.
   */
  handleRebalanceTimeout(groupId: string, memberId: string, memberEpoch: number, topics: TopicsView): ShardResult<boolean> {
    const group = this.#groups.get(groupId);
    const member = group?.members.get(memberId);
    if (group === undefined || member === undefined || member.state !== "unrevoked-partitions" || member.memberEpoch !== memberEpoch) {
      return { records: [], response: false, timers: [] };
    }
    return { records: fenceMemberRecords(group, memberId, topics, this.#regexes), response: true, timers: [{ kind: "cancel-all", groupId, memberId }] };
  }

  /** handleDeleteGroups deletes empty groups and their offsets. */
  handleDeleteGroups(groupIds: readonly string[]): ShardResult<ItemErrors> {
    return deleteGroups(this.#groups, this.#offsets, groupIds);
  }

  /** fetchOffsets reads committed offsets (a read: no records). */
  fetchOffsets(request: OffsetFetchRequest): FetchedOffset[] {
    return offsetFetch(this.#groups.get(request.groupId), this.#offsets, request);
  }

  /** describeGroup describes one group, or undefined when it does not exist. */
  describeGroup(groupId: string): GroupDescription | undefined {
    return describeGroup(this.#groups.get(groupId), groupId, this.#offsets);
  }

  /** listGroups lists every group of this shard. */
  listGroups(): { readonly groupId: string; readonly state: GroupState }[] {
    return listGroups(this.#groups, this.#offsets);
  }

  /**
   * memberTimers are the timers every member needs after a load: a full session from now (members
   * get time to find the new coordinator) and, for members revoking, a full rebalance timeout.
   */
  memberTimers(): TimerChange[] {
    const timers: TimerChange[] = [];
    for (const [groupId, group] of this.#groups) {
      for (const member of group.members.values()) {
        timers.push({ kind: "session", groupId, memberId: member.memberId, timeoutMs: member.sessionTimeoutMs });
        if (member.state === "unrevoked-partitions") {
          timers.push({ kind: "rebalance", groupId, memberId: member.memberId, memberEpoch: member.memberEpoch, timeoutMs: member.rebalanceTimeoutMs });
        }
      }
    }
    return timers;
  }

  /**
   * replay applies one committed record. Records of a group that does not exist yet create it, so
   * replay does not depend on the order of records with different keys (what compaction keeps);
   * tombstones of entries that do not exist are ignored. A record that would give a partition two
   * owners throws an AssertionError: the state machine never writes one.
   */
  replay(record: GroupRecord): void {
    if (record.type === "offset-commit") {
      this.#offsets.replay(record.groupId, record.topic, record.partition, record.value);
      return;
    }
    const existing = this.#groups.get(record.groupId);
    if (record.value === null && existing === undefined) return;
    const group = existing ?? new ConsumerGroup(record.groupId);
    if (existing === undefined) this.#groups.set(record.groupId, group);
    switch (record.type) {
      case "group-metadata":
        if (record.value === null) {
          this.#groups.delete(record.groupId);
          this.#checkedMetadata.delete(record.groupId);
        } else group.groupEpoch = record.value.groupEpoch;
        return;
      case "subscription-metadata":
        group.replaySubscriptionMetadata(record.value?.topics ?? []);
        return;
      case "member-subscription":
        group.replayMemberSubscription(record.memberId, record.value);
        return;
      case "target-assignment-metadata":
        group.assignmentEpoch = record.value?.assignmentEpoch ?? 0;
        return;
      case "target-assignment-member":
        group.replayTarget(record.memberId, record.value?.assignment ?? null);
        return;
      case "current-assignment":
        group.replayCurrentAssignment(record.memberId, record.value);
        return;
    }
  }

  #env(topics: TopicsView): HeartbeatEnv {
    return { config: this.#config, topics, regexes: this.#regexes, newMemberId: this.#newMemberId, checkedMetadata: this.#checkedMetadata };
  }
}
