import { TributaryError } from "@tributary/client/internal/errors";
import { assignmentOf, assignmentsEqual, EMPTY_ASSIGNMENT, isSubset, type Assignment } from "./assignment.js";
import { ASSIGNORS } from "./assignors.js";
import {
  JOIN_MEMBER_EPOCH,
  LEAVE_MEMBER_EPOCH,
  LEAVE_STATIC_MEMBER_EPOCH,
  NEW_MEMBER_ASSIGNMENT,
  currentAssignmentOf,
  currentAssignmentsEqual,
  subscriptionOf,
  subscriptionsEqual,
  type ConsumerGroupMember,
} from "./consumer-group-member.js";
import {
  currentAssignmentRecord,
  fenceMemberRecords,
  groupEpochRecord,
  memberRemovalRecords,
  memberSubscriptionRecord,
  subscriptionMetadataRecord,
  targetAssignmentRecord,
} from "./consumer-group-records.js";
import type { ConsumerGroupView } from "./consumer-group.js";
import type { GroupConfig } from "./group-config.js";
import type { GroupRecord, MemberSubscriptionValue } from "./group-records.js";
import { preferredAssignor, subscribedTopics, subscriptionMetadataEqual, subscriptionMetadataOf, subscriptionsDiffer } from "./group-subscriptions.js";
import { reconcileMember } from "./member-reconciliation.js";
import type { HeartbeatRequest, HeartbeatResponse, OwnedTopicPartitions, ShardResult, TimerChange } from "./shard-types.js";
import { compileTopicRegex, type TopicRegexCache } from "./topic-regex.js";
import type { TopicsView } from "./topics-view.js";

/** HeartbeatEnv is what a heartbeat is computed against besides the group. */
export interface HeartbeatEnv {
  readonly config: GroupConfig;
  readonly topics: TopicsView;
  readonly regexes: TopicRegexCache;
  /** newMemberId makes the id of a member that joins without one. */
  readonly newMemberId: () => string;
  /**
   * checkedMetadata remembers, per group, the group epoch and topics version at which the stored
   * subscription metadata was last found current. Subscription changes always bump the epoch, so
   * while neither moves the metadata cannot have changed and the per-heartbeat recomputation over
   * every member is skipped. A cache, not state: losing it only costs a recomputation.
   */
  readonly checkedMetadata: Map<string, { readonly groupEpoch: number; readonly topicsVersion: number }>;
}

/** IDENTIFIER_CHARS_MAX bounds group, member and instance ids and topic names in a request. */
const IDENTIFIER_CHARS_MAX = 1_024;
/** SUBSCRIBED_TOPICS_MAX bounds the topic names one member may subscribe to by name. */
const SUBSCRIBED_TOPICS_MAX = 10_000;

/**
 * consumerGroupHeartbeat computes a ConsumerGroupHeartbeat (Kafka's GroupMetadataManager
 * consumerGroupHeartbeat, KIP-848), without changing anything:
 * 1. find the member (join, rejoin, static replacement) and fence stale epochs;
 * 2. record its subscription if it changed, restate the subscribed topics, and bump the group
 *    epoch if either changed;
 * 3. if the group epoch passed the target assignment's, run the assignor and record the targets
 *    that changed;
 * 4. move the member one step toward its target (see {@link reconcileMember}) and record where it
 *    stands if that changed.
 * Leaves (epoch -1 and -2) are handled by {@link leaveGroup}.
 */
export function consumerGroupHeartbeat(group: ConsumerGroupView | undefined, request: HeartbeatRequest, env: HeartbeatEnv): ShardResult<HeartbeatResponse> {
  validateHeartbeat(request, env.config);
  if (request.memberEpoch === LEAVE_MEMBER_EPOCH || request.memberEpoch === LEAVE_STATIC_MEMBER_EPOCH) return leaveGroup(group, request, env);
  const groupId = request.groupId;
  if (group === undefined && request.memberEpoch !== JOIN_MEMBER_EPOCH) {
    throw new TributaryError("UNKNOWN_MEMBER_ID", `group ${groupId} has no member ${request.memberId}; rejoin with epoch 0`);
  }
  const view = group ?? emptyGroup(groupId);
  const owned = request.ownedPartitions === undefined ? undefined : resolveOwned(request.ownedPartitions, env.topics);
  const found = findMember(view, request, owned, env);
  const { stored, replaced } = found;
  const member = { ...found.member, ...updatedSubscription(found.member, request) };
  const memberId = member.memberId;

  const records: GroupRecord[] = [];
  const timers: TimerChange[] = [];
  const members = new Map(view.members);
  if (replaced !== undefined) members.delete(replaced.memberId);
  members.set(memberId, member);
  let bumpEpoch = false;
  if (replaced !== undefined) {
    // A static member returns under a new member id: the new id takes over the old one's target
    // and current assignment as they are, so nobody else's assignment moves (KIP-345, KIP-848).
    records.push(...memberRemovalRecords(groupId, replaced.memberId));
    records.push(memberSubscriptionRecord(groupId, member), targetAssignmentRecord(groupId, memberId, view.targetOf(replaced.memberId)));
    timers.push({ kind: "cancel-all", groupId, memberId: replaced.memberId });
    bumpEpoch = subscriptionsDiffer(subscriptionOf(replaced), subscriptionOf(member));
  } else if (stored === undefined || !subscriptionsEqual(subscriptionOf(stored), subscriptionOf(member))) {
    records.push(memberSubscriptionRecord(groupId, member));
    bumpEpoch = stored === undefined || subscriptionsDiffer(subscriptionOf(stored), subscriptionOf(member));
  }

  const checked = env.checkedMetadata.get(groupId);
  const metadataCurrent = !bumpEpoch && checked?.groupEpoch === view.groupEpoch && checked.topicsVersion === env.topics.version;
  const metadata = metadataCurrent ? [...view.subscriptionMetadata.values()] : subscriptionMetadataOf(members.values(), env.topics, env.regexes);
  if (!metadataCurrent) {
    if (!subscriptionMetadataEqual(metadata, view.subscriptionMetadata)) {
      records.push(subscriptionMetadataRecord(groupId, metadata));
      bumpEpoch = true;
    } else if (!bumpEpoch) {
      env.checkedMetadata.set(groupId, { groupEpoch: view.groupEpoch, topicsVersion: env.topics.version });
    }
  }
  let groupEpoch = view.groupEpoch;
  if (bumpEpoch) {
    groupEpoch++;
    records.push(groupEpochRecord(groupId, groupEpoch));
  }

  const targetOf = (id: string): Assignment => view.targetOf(replaced !== undefined && id === memberId ? replaced.memberId : id);
  let targetEpoch = view.assignmentEpoch;
  let target = targetOf(memberId);
  if (groupEpoch > targetEpoch) {
    const assignor = preferredAssignor(members.values());
    const partitionCounts = new Map(metadata.map((topic) => [topic.topicId, topic.partitionCount]));
    const result = assignor.assign({
      partitionCounts,
      members: [...members.values()].map((each) => ({
        memberId: each.memberId,
        instanceId: each.instanceId,
        rackId: each.rackId,
        subscribedTopicIds: new Set(subscribedTopics(each, env.topics, env.regexes).map((topic) => topic.topicId)),
        currentTarget: targetOf(each.memberId),
      })),
    });
    for (const each of members.values()) {
      const next = result.get(each.memberId) ?? EMPTY_ASSIGNMENT;
      if (!assignmentsEqual(next, targetOf(each.memberId))) records.push(targetAssignmentRecord(groupId, each.memberId, next));
    }
    records.push({ type: "target-assignment-metadata", groupId, value: { assignmentEpoch: groupEpoch } });
    targetEpoch = groupEpoch;
    target = result.get(memberId) ?? EMPTY_ASSIGNMENT;
  }

  const reconciled = reconcileMember(currentAssignmentOf(member), {
    memberId,
    targetEpoch,
    target,
    owned,
    ownerOf: (topicId, partition) => {
      const owner = view.ownerOf(topicId, partition);
      return replaced !== undefined && owner === replaced.memberId ? memberId : owner;
    },
  });
  if (stored === undefined || !currentAssignmentsEqual(reconciled, currentAssignmentOf(stored))) {
    records.push(currentAssignmentRecord(groupId, memberId, reconciled));
    // The rebalance timeout runs from the moment a member is asked to revoke (Kafka schedules it
    // whenever it writes a current assignment in UNREVOKED_PARTITIONS).
    if (reconciled.state === "unrevoked-partitions") timers.push({ kind: "rebalance", groupId, memberId, memberEpoch: reconciled.memberEpoch, timeoutMs: member.rebalanceTimeoutMs });
    else timers.push({ kind: "cancel-rebalance", groupId, memberId });
  }
  timers.push({ kind: "session", groupId, memberId, timeoutMs: member.sessionTimeoutMs });

  // The assignment goes out whenever the member may not know it: on a join, when it reported what
  // it owns, when its epoch moves (a lost response is answered again) or when the assignment changed.
  const assignmentChanged = stored === undefined || !assignmentsEqual(stored.assigned, reconciled.assigned);
  const mayNotKnow = request.memberEpoch === JOIN_MEMBER_EPOCH || request.ownedPartitions !== undefined || request.memberEpoch !== reconciled.memberEpoch;
  return {
    records,
    timers,
    response: {
      memberId,
      memberEpoch: reconciled.memberEpoch,
      heartbeatIntervalMs: Math.max(1, Math.min(env.config.heartbeatIntervalMs, Math.floor(member.sessionTimeoutMs / 3))),
      assignment: assignmentChanged || mayNotKnow ? reconciled.assigned : undefined,
    },
  };
}

/** FoundMember is the member a heartbeat is about. */
interface FoundMember {
  /** The member to update: as stored, or new, or a static member's replacement. */
  readonly member: ConsumerGroupMember;
  /** The member as stored under this id, undefined when there is none yet. */
  readonly stored: ConsumerGroupMember | undefined;
  /** The static member this heartbeat replaces under a new member id. */
  readonly replaced: ConsumerGroupMember | undefined;
}

function findMember(group: ConsumerGroupView, request: HeartbeatRequest, owned: Assignment | undefined, env: HeartbeatEnv): FoundMember {
  const { memberId, memberEpoch, instanceId } = request;
  const joining = memberEpoch === JOIN_MEMBER_EPOCH;
  const byId = memberId === "" ? undefined : group.members.get(memberId);
  const holder = instanceId === undefined ? undefined : group.staticMember(instanceId);
  if (!joining) {
    if (instanceId !== undefined) {
      if (holder === undefined) throw new TributaryError("UNKNOWN_MEMBER_ID", `group ${group.groupId} has no static member ${instanceId}; rejoin with epoch 0`);
      if (holder.memberId !== memberId) throw new TributaryError("FENCED_INSTANCE_ID", `instance id ${instanceId} of group ${group.groupId} now belongs to member ${holder.memberId}, not ${memberId}`);
    }
    if (byId === undefined) throw new TributaryError("UNKNOWN_MEMBER_ID", `group ${group.groupId} has no member ${memberId}; rejoin with epoch 0`);
    checkMemberEpoch(byId, memberEpoch, owned, group.groupId);
    return { member: byId, stored: byId, replaced: undefined };
  }
  if (holder !== undefined && holder.memberId !== memberId) {
    // KIP-848: a static member's instance id is taken over only once its previous holder left with
    // epoch -2; while that one is alive the newcomer must wait (UNRELEASED_INSTANCE_ID, retriable).
    if (holder.memberEpoch !== LEAVE_STATIC_MEMBER_EPOCH) {
      throw new TributaryError("UNRELEASED_INSTANCE_ID", `instance id ${instanceId} of group ${group.groupId} is still held by live member ${holder.memberId}`);
    }
    const newId = memberId === "" ? env.newMemberId() : memberId;
    if (group.members.has(newId)) throw new TributaryError("INVALID_REQUEST", `member id ${newId} of group ${group.groupId} is already in use`);
    return { member: { ...holder, ...NEW_MEMBER_ASSIGNMENT, assigned: holder.assigned, memberId: newId }, stored: undefined, replaced: holder };
  }
  if (byId !== undefined) {
    // A member rejoining under its own id (after being fenced, or a static member returning with
    // the same id) starts over at epoch 0 but keeps what it was assigned.
    const restart = byId.memberEpoch === LEAVE_STATIC_MEMBER_EPOCH ? { ...NEW_MEMBER_ASSIGNMENT, assigned: byId.assigned } : {};
    return { member: { ...byId, ...restart }, stored: byId, replaced: undefined };
  }
  if (group.members.size >= env.config.groupMembersMax) {
    throw new TributaryError("GROUP_MAX_SIZE_REACHED", `group ${group.groupId} has ${group.members.size} members, its maximum`);
  }
  const id = memberId === "" ? env.newMemberId() : memberId;
  if (group.members.has(id)) throw new TributaryError("INVALID_REQUEST", `member id ${id} of group ${group.groupId} is already in use`);
  return { member: { memberId: id, ...NEW_MEMBER_ASSIGNMENT, ...defaultSubscription(env.config) }, stored: undefined, replaced: undefined };
}

/**
 * checkMemberEpoch fences stale members (Kafka's throwIfMemberEpochIsInvalid): a heartbeat must
 * carry the member's epoch, or its previous epoch together with owned partitions within its current
 * assignment — the member did not get the response that moved its epoch, and owns nothing it should
 * not. Anything else is a zombie: FENCED_MEMBER_EPOCH, and it must rejoin with epoch 0.
 */
function checkMemberEpoch(member: ConsumerGroupMember, received: number, owned: Assignment | undefined, groupId: string): void {
  if (received === member.memberEpoch) return;
  const lostResponse = received < member.memberEpoch && received === member.previousMemberEpoch && owned !== undefined && isSubset(owned, member.assigned);
  if (!lostResponse) {
    throw new TributaryError("FENCED_MEMBER_EPOCH", `member ${member.memberId} of group ${groupId} sent epoch ${received}, but its epoch is ${member.memberEpoch}`);
  }
}

/**
 * leaveGroup handles epoch -1 (leave: the member is removed and the group epoch bumped) and -2 (a
 * static member stops but will return: it keeps its assignment, minus anything it was revoking,
 * until it rejoins or its session times out). Leaving twice is not an error.
 */
function leaveGroup(group: ConsumerGroupView | undefined, request: HeartbeatRequest, env: HeartbeatEnv): ShardResult<HeartbeatResponse> {
  const { groupId, memberId, memberEpoch, instanceId } = request;
  const response: HeartbeatResponse = { memberId, memberEpoch, heartbeatIntervalMs: 0, assignment: undefined };
  const done: ShardResult<HeartbeatResponse> = { records: [], timers: [], response };
  if (group === undefined) return done;
  let member = group.members.get(memberId);
  if (instanceId !== undefined) {
    const holder = group.staticMember(instanceId);
    if (holder === undefined) return done;
    if (holder.memberId !== memberId) throw new TributaryError("FENCED_INSTANCE_ID", `instance id ${instanceId} of group ${groupId} now belongs to member ${holder.memberId}, not ${memberId}`);
    member = holder;
  }
  if (member === undefined) return done;
  if (memberEpoch === LEAVE_MEMBER_EPOCH) {
    return { records: fenceMemberRecords(group, member.memberId, env.topics, env.regexes), timers: [{ kind: "cancel-all", groupId, memberId }], response };
  }
  const left = { memberEpoch: LEAVE_STATIC_MEMBER_EPOCH, previousMemberEpoch: member.memberEpoch, state: "stable" as const, assigned: member.assigned, pendingRevocation: EMPTY_ASSIGNMENT };
  return {
    records: [currentAssignmentRecord(groupId, memberId, left)],
    timers: [
      { kind: "cancel-rebalance", groupId, memberId },
      { kind: "session", groupId, memberId, timeoutMs: member.sessionTimeoutMs },
    ],
    response,
  };
}

function defaultSubscription(config: GroupConfig): MemberSubscriptionValue {
  return {
    instanceId: undefined,
    rackId: undefined,
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    subscribedTopicRegex: undefined,
    serverAssignor: undefined,
    rebalanceTimeoutMs: config.rebalanceTimeoutMsDefault,
    sessionTimeoutMs: config.sessionTimeoutMs,
  };
}

/** updatedSubscription applies what a heartbeat says to a member's subscription; absent fields keep their value. */
function updatedSubscription(member: ConsumerGroupMember, request: HeartbeatRequest): MemberSubscriptionValue {
  const subscription = request.subscription;
  const assignor = request.serverAssignor;
  return {
    instanceId: request.instanceId ?? member.instanceId,
    rackId: request.rackId ?? member.rackId,
    clientId: request.clientId === "" ? member.clientId : request.clientId,
    clientHost: request.clientHost === "" ? member.clientHost : request.clientHost,
    subscribedTopicNames: subscription === undefined ? member.subscribedTopicNames : [...new Set(subscription.topicNames)].sort(),
    subscribedTopicRegex: subscription === undefined ? member.subscribedTopicRegex : subscription.topicRegex,
    serverAssignor: assignor === undefined ? member.serverAssignor : assignor === "" ? undefined : assignor,
    rebalanceTimeoutMs: request.rebalanceTimeoutMs ?? member.rebalanceTimeoutMs,
    sessionTimeoutMs: request.sessionTimeoutMs ?? member.sessionTimeoutMs,
  };
}

/** resolveOwned turns reported partitions into an assignment by topic id; unknown topics are dropped (they cannot be owned). */
function resolveOwned(owned: readonly OwnedTopicPartitions[], topics: TopicsView): Assignment {
  return assignmentOf(
    owned.flatMap((topic) => {
      const topicId = topic.topicId !== "" ? topic.topicId : topics.byName(topic.topicName)?.topicId;
      return topicId === undefined ? [] : [[topicId, topic.partitions] as const];
    }),
  );
}

function emptyGroup(groupId: string): ConsumerGroupView {
  return {
    groupId,
    groupEpoch: 0,
    assignmentEpoch: 0,
    members: new Map(),
    subscriptionMetadata: new Map(),
    targetOf: () => EMPTY_ASSIGNMENT,
    staticMember: () => undefined,
    ownerOf: () => undefined,
    state: () => "Empty",
  };
}

/** validateHeartbeat rejects malformed heartbeats (Kafka's throwIfConsumerGroupHeartbeatRequestIsInvalid). */
function validateHeartbeat(request: HeartbeatRequest, config: GroupConfig): void {
  const invalid = (message: string) => new TributaryError("INVALID_REQUEST", message);
  if (request.groupId === "" || request.groupId.length > IDENTIFIER_CHARS_MAX) throw invalid("group_id must be 1 to 1024 characters");
  if (request.memberId.length > IDENTIFIER_CHARS_MAX) throw invalid("member_id is longer than 1024 characters");
  if (!Number.isInteger(request.memberEpoch) || request.memberEpoch < LEAVE_STATIC_MEMBER_EPOCH) throw invalid(`member_epoch ${request.memberEpoch} is invalid`);
  if (request.memberEpoch !== JOIN_MEMBER_EPOCH && request.memberId === "") throw invalid("member_id is required unless joining with epoch 0");
  if (request.instanceId !== undefined && (request.instanceId === "" || request.instanceId.length > IDENTIFIER_CHARS_MAX)) throw invalid("instance_id must be 1 to 1024 characters");
  if (request.memberEpoch === LEAVE_STATIC_MEMBER_EPOCH && request.instanceId === undefined) throw invalid("member_epoch -2 is for static members; set instance_id");
  if (request.rebalanceTimeoutMs !== undefined && (!Number.isInteger(request.rebalanceTimeoutMs) || request.rebalanceTimeoutMs <= 0)) throw invalid("rebalance_timeout_ms must be positive");
  const sessionTimeoutMs = request.sessionTimeoutMs;
  if (sessionTimeoutMs !== undefined && (!Number.isInteger(sessionTimeoutMs) || sessionTimeoutMs < config.sessionTimeoutMsMin || sessionTimeoutMs > config.sessionTimeoutMsMax)) {
    throw new TributaryError("INVALID_SESSION_TIMEOUT", `session_timeout_ms ${sessionTimeoutMs} is outside [${config.sessionTimeoutMsMin}, ${config.sessionTimeoutMsMax}]`);
  }
  if (request.serverAssignor !== undefined && request.serverAssignor !== "" && !ASSIGNORS.has(request.serverAssignor)) {
    throw new TributaryError("UNSUPPORTED_ASSIGNOR", `server_assignor ${request.serverAssignor} is not one of ${[...ASSIGNORS.keys()].join(", ")}`);
  }
  const subscription = request.subscription;
  if (subscription !== undefined) {
    if (subscription.topicNames.length > SUBSCRIBED_TOPICS_MAX) throw invalid(`a member may subscribe to at most ${SUBSCRIBED_TOPICS_MAX} topics by name`);
    if (subscription.topicNames.some((name) => name === "" || name.length > IDENTIFIER_CHARS_MAX)) throw invalid("subscribed topic names must be 1 to 1024 characters");
    if (subscription.topicRegex !== undefined) compileTopicRegex(subscription.topicRegex);
  }
}
