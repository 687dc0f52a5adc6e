import { TributaryError } from "@tributary/client/internal/errors";
import type { ConsumerGroup, GroupState } from "./consumer-group.js";
import type { GroupRecord } from "./group-records.js";
import { preferredAssignor } from "./group-subscriptions.js";
import type { OffsetStore } from "./offset-store.js";
import type { GroupDescription, ItemErrors, ShardResult } from "./shard-types.js";

/** describeGroup describes a group that has members or offsets; undefined when it has neither. */
export function describeGroup(group: ConsumerGroup | undefined, groupId: string, offsets: OffsetStore): GroupDescription | undefined {
  if (group === undefined) {
    if (!offsets.hasGroup(groupId)) return undefined;
    return { groupId, state: "Empty", assignor: preferredAssignor([]).name, groupEpoch: 0, assignmentEpoch: 0, members: [] };
  }
  return {
    groupId,
    state: group.state(),
    assignor: preferredAssignor(group.members.values()).name,
    groupEpoch: group.groupEpoch,
    assignmentEpoch: group.assignmentEpoch,
    members: [...group.members.values()]
      .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
      .map((member) => ({
        memberId: member.memberId,
        instanceId: member.instanceId,
        clientId: member.clientId,
        clientHost: member.clientHost,
        memberEpoch: member.memberEpoch,
        subscribedTopicNames: member.subscribedTopicNames,
        subscribedTopicRegex: member.subscribedTopicRegex,
        assignment: member.assigned,
        targetAssignment: group.targetOf(member.memberId),
      })),
  };
}

/** listGroups lists every group with members or offsets and its state. */
export function listGroups(groups: ReadonlyMap<string, ConsumerGroup>, offsets: OffsetStore): { readonly groupId: string; readonly state: GroupState }[] {
  const listed = new Map<string, GroupState>();
  for (const groupId of offsets.groupIds()) listed.set(groupId, "Empty");
  for (const [groupId, group] of groups) listed.set(groupId, group.state());
  return [...listed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([groupId, state]) => ({ groupId, state }));
}

/**
 * deleteGroups deletes empty groups with tombstones for every offset and every group record (Kafka
 * deletes only groups without members: NON_EMPTY_GROUP otherwise; GROUP_ID_NOT_FOUND for none).
 */
export function deleteGroups(groups: ReadonlyMap<string, ConsumerGroup>, offsets: OffsetStore, groupIds: readonly string[]): ShardResult<ItemErrors> {
  const records: GroupRecord[] = [];
  const deleted = new Set<string>();
  const errors = groupIds.map((groupId): TributaryError | null => {
    const group = groups.get(groupId);
    if (deleted.has(groupId)) return null;
    if (group === undefined && !offsets.hasGroup(groupId)) return new TributaryError("GROUP_ID_NOT_FOUND", `no group ${groupId}`);
    if (group !== undefined && group.members.size > 0) return new TributaryError("NON_EMPTY_GROUP", `group ${groupId} has ${group.members.size} members`);
    deleted.add(groupId);
    for (const { topic, partition } of offsets.offsetsOf(groupId)) records.push({ type: "offset-commit", groupId, topic, partition, value: null });
    if (group !== undefined) {
      for (const memberId of group.targets().keys()) records.push({ type: "target-assignment-member", groupId, memberId, value: null });
      records.push(
        { type: "target-assignment-metadata", groupId, value: null },
        { type: "subscription-metadata", groupId, value: null },
        { type: "group-metadata", groupId, value: null },
      );
    }
    return null;
  });
  return { records, response: errors, timers: [] };
}
