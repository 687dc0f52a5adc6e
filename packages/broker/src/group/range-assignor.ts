import { assignmentOf } from "./assignment.js";
import type { AssignmentMemberSpec, AssignmentSpec, GroupAssignment, PartitionAssignor } from "./partition-assignor.js";

/**
 * rangeOrder sorts a topic's subscribers as Kafka's range assignor does, by instance id for static
 * members (so a restarted static member gets the same range back) and by member id otherwise.
 */
function rangeOrder(a: AssignmentMemberSpec, b: AssignmentMemberSpec): number {
  const keyA = a.instanceId ?? a.memberId;
  const keyB = b.instanceId ?? b.memberId;
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/**
 * RANGE_ASSIGNOR is Kafka's per-topic range assignment ("range"): for each topic, its subscribers in
 * order get consecutive ranges of partitions, the first `count % subscribers` one partition more.
 * Members subscribed to the same co-partitioned topics get the same partition numbers of each.
 */
export const RANGE_ASSIGNOR: PartitionAssignor = {
  name: "range",
  assign(spec: AssignmentSpec): GroupAssignment {
    const entries = new Map<string, [string, number[]][]>(spec.members.map((member) => [member.memberId, []]));
    for (const topicId of [...spec.partitionCounts.keys()].sort()) {
      const count = spec.partitionCounts.get(topicId)!;
      const subscribers = spec.members.filter((member) => member.subscribedTopicIds.has(topicId)).sort(rangeOrder);
      if (subscribers.length === 0) continue;
      const base = Math.floor(count / subscribers.length);
      const extra = count % subscribers.length;
      subscribers.forEach((member, index) => {
        const start = index * base + Math.min(index, extra);
        const length = base + (index < extra ? 1 : 0);
        if (length > 0) entries.get(member.memberId)!.push([topicId, Array.from({ length }, (_, offset) => start + offset)]);
      });
    }
    return new Map([...entries].map(([memberId, topics]) => [memberId, assignmentOf(topics)]));
  },
};
