import { assert } from "@tributary/client/internal/assert";
import { EMPTY_ASSIGNMENT, forEachPartition, type Assignment } from "./assignment.js";
import { NEW_MEMBER_ASSIGNMENT, type ConsumerGroupMember } from "./consumer-group-member.js";
import type { CurrentAssignmentValue, MemberSubscriptionValue } from "./group-records.js";
import type { TopicMetadata } from "./topics-view.js";

/** GroupState is a consumer group's state as DescribeGroups and ListGroups report it (KIP-848). */
export type GroupState = "Empty" | "Assigning" | "Reconciling" | "Stable" | "Dead";

/** DEFAULT_SUBSCRIPTION is the subscription of a member known only from its current-assignment record. */
const DEFAULT_SUBSCRIPTION: MemberSubscriptionValue = {
  instanceId: undefined,
  rackId: undefined,
  clientId: "",
  clientHost: "",
  subscribedTopicNames: [],
  subscribedTopicRegex: undefined,
  serverAssignor: undefined,
  rebalanceTimeoutMs: 0,
  sessionTimeoutMs: 0,
};

/** ConsumerGroupView is the read side of a {@link ConsumerGroup}: what request handlers may look at. */
export interface ConsumerGroupView {
  readonly groupId: string;
  readonly groupEpoch: number;
  readonly assignmentEpoch: number;
  readonly members: ReadonlyMap<string, ConsumerGroupMember>;
  /** The subscribed topics as of the last group epoch bump, by name. */
  readonly subscriptionMetadata: ReadonlyMap<string, TopicMetadata>;
  /** targetOf is the member's target assignment (empty when it has none). */
  targetOf(memberId: string): Assignment;
  /** staticMember is the member holding `instanceId`, if any. */
  staticMember(instanceId: string): ConsumerGroupMember | undefined;
  /** ownerOf is the member that owns a partition (assigned or pending revocation), if any. */
  ownerOf(topicId: string, partition: number): string | undefined;
  state(): GroupState;
}

/**
 * ConsumerGroup is one KIP-848 consumer group as its coordinator holds it. Only the replay methods
 * change it, and only {@link GroupCoordinatorShard.replay} calls them, so the group is always
 * exactly what its records in the log say.
 *
 * Invariants (asserted on replay):
 * - a partition is owned (assigned or pending revocation) by at most one member: the hand-over
 *   rule of KIP-848, which the reconciliation never breaks, so a violation is a bug;
 * - an instance id belongs to at most one member.
 */
export class ConsumerGroup implements ConsumerGroupView {
  readonly groupId: string;
  groupEpoch = 0;
  assignmentEpoch = 0;
  readonly #members = new Map<string, ConsumerGroupMember>();
  readonly #targets = new Map<string, Assignment>();
  #subscriptionMetadata: ReadonlyMap<string, TopicMetadata> = new Map();
  readonly #staticMembers = new Map<string, string>();
  /** topic id -> partition -> owning member id: derived from the members' current assignments. */
  readonly #owners = new Map<string, Map<number, string>>();

  constructor(groupId: string) {
    this.groupId = groupId;
  }

  get members(): ReadonlyMap<string, ConsumerGroupMember> {
    return this.#members;
  }

  get subscriptionMetadata(): ReadonlyMap<string, TopicMetadata> {
    return this.#subscriptionMetadata;
  }

  targetOf(memberId: string): Assignment {
    return this.#targets.get(memberId) ?? EMPTY_ASSIGNMENT;
  }

  /** targets lists every member's target assignment (for describing and tests). */
  targets(): ReadonlyMap<string, Assignment> {
    return this.#targets;
  }

  staticMember(instanceId: string): ConsumerGroupMember | undefined {
    const memberId = this.#staticMembers.get(instanceId);
    return memberId === undefined ? undefined : this.#members.get(memberId);
  }

  ownerOf(topicId: string, partition: number): string | undefined {
    return this.#owners.get(topicId)?.get(partition);
  }

  /**
   * state derives the group state (Kafka's ConsumerGroup.maybeUpdateGroupState): Empty without
   * members; Assigning while the target assignment lags the group epoch; Reconciling while some
   * member is not yet stable at the assignment epoch; Stable otherwise.
   */
  state(): GroupState {
    if (this.#members.size === 0) return "Empty";
    if (this.groupEpoch > this.assignmentEpoch) return "Assigning";
    for (const member of this.#members.values()) {
      if (member.memberEpoch !== this.assignmentEpoch || member.state !== "stable") return "Reconciling";
    }
    return "Stable";
  }

  /** replaySubscriptionMetadata sets the subscribed topics. */
  replaySubscriptionMetadata(topics: readonly TopicMetadata[]): void {
    this.#subscriptionMetadata = new Map(topics.map((topic) => [topic.name, topic]));
  }

  /** replayMemberSubscription creates or updates a member's subscription; null removes the member. */
  replayMemberSubscription(memberId: string, value: MemberSubscriptionValue | null): void {
    const existing = this.#members.get(memberId);
    if (value === null) {
      if (existing === undefined) return;
      this.#setOwnership(existing, undefined);
      if (existing.instanceId !== undefined && this.#staticMembers.get(existing.instanceId) === memberId) this.#staticMembers.delete(existing.instanceId);
      this.#members.delete(memberId);
      return;
    }
    if (existing?.instanceId !== undefined && existing.instanceId !== value.instanceId) this.#staticMembers.delete(existing.instanceId);
    if (value.instanceId !== undefined) {
      const holder = this.#staticMembers.get(value.instanceId);
      assert(holder === undefined || holder === memberId, `group ${this.groupId}: instance id ${value.instanceId} is held by ${holder} and ${memberId}`);
      this.#staticMembers.set(value.instanceId, memberId);
    }
    this.#members.set(memberId, { ...(existing ?? { memberId, ...NEW_MEMBER_ASSIGNMENT }), ...value, memberId });
  }

  /** replayCurrentAssignment sets where a member's reconciliation stands; null resets it to a new member's. */
  replayCurrentAssignment(memberId: string, value: CurrentAssignmentValue | null): void {
    const existing = this.#members.get(memberId);
    if (value === null && existing === undefined) return;
    const updated: ConsumerGroupMember = { ...(existing ?? { memberId, ...DEFAULT_SUBSCRIPTION }), ...(value ?? NEW_MEMBER_ASSIGNMENT), memberId };
    this.#setOwnership(existing, updated);
    this.#members.set(memberId, updated);
  }

  /** replayTarget sets one member's target assignment; null removes it. */
  replayTarget(memberId: string, assignment: Assignment | null): void {
    if (assignment === null) this.#targets.delete(memberId);
    else this.#targets.set(memberId, assignment);
  }

  /** #setOwnership moves the partitions `before` owned to what `after` owns, asserting single ownership. */
  #setOwnership(before: ConsumerGroupMember | undefined, after: ConsumerGroupMember | undefined): void {
    if (before !== undefined) {
      const release = (topicId: string, partition: number) => {
        const owners = this.#owners.get(topicId);
        if (owners?.get(partition) !== before.memberId) return;
        owners.delete(partition);
        if (owners.size === 0) this.#owners.delete(topicId);
      };
      forEachPartition(before.assigned, release);
      forEachPartition(before.pendingRevocation, release);
    }
    if (after !== undefined) {
      const claim = (topicId: string, partition: number) => {
        let owners = this.#owners.get(topicId);
        if (owners === undefined) this.#owners.set(topicId, (owners = new Map()));
        const owner = owners.get(partition);
        assert(owner === undefined || owner === after.memberId, `group ${this.groupId}: partition ${topicId}-${partition} owned by ${owner} is also given to ${after.memberId}`);
        owners.set(partition, after.memberId);
      };
      forEachPartition(after.assigned, claim);
      forEachPartition(after.pendingRevocation, claim);
    }
  }
}
