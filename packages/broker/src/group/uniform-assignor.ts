import { assignmentOf } from "./assignment.js";
import { compareMemberIds, type AssignmentMemberSpec, type AssignmentSpec, type GroupAssignment, type PartitionAssignor } from "./partition-assignor.js";

/** Holding is one member's partitions while the uniform assignor works. */
interface Holding {
  readonly spec: AssignmentMemberSpec;
  /** topic id -> partitions. */
  readonly partitions: Map<string, Set<number>>;
  count: number;
}

function give(holding: Holding, topicId: string, partition: number): void {
  let set = holding.partitions.get(topicId);
  if (set === undefined) holding.partitions.set(topicId, (set = new Set()));
  set.add(partition);
  holding.count++;
}

function take(holding: Holding, topicId: string, partition: number): void {
  const set = holding.partitions.get(topicId)!;
  set.delete(partition);
  if (set.size === 0) holding.partitions.delete(topicId);
  holding.count--;
}

/** leastLoaded is the candidate with the fewest partitions, ties to the smallest member id (candidates are sorted). */
function leastLoaded(candidates: readonly Holding[]): Holding | undefined {
  let best: Holding | undefined;
  for (const candidate of candidates) if (best === undefined || candidate.count < best.count) best = candidate;
  return best;
}

/**
 * moveOne moves one partition from the most loaded member that has one a member with at least two
 * fewer partitions can take, to the least loaded such member. It returns false when no such move
 * exists. Taking from the most loaded first keeps balanced members out of it: when a member joins a
 * balanced group, only the joining member receives.
 */
function moveOne(holdings: readonly Holding[], subscribers: ReadonlyMap<string, readonly Holding[]>, owners: ReadonlyMap<string, (Holding | undefined)[]>): boolean {
  let minimum = Infinity;
  let top: Holding | undefined;
  for (const holding of holdings) {
    minimum = Math.min(minimum, holding.count);
    if (top === undefined || holding.count > top.count) top = holding;
  }
  if (top === undefined || top.count - minimum < 2) return false;
  // Usually the most loaded member can give; only with different subscriptions may it not.
  if (tryMove(top, subscribers, owners)) return true;
  const byLoad = [...holdings].sort((a, b) => b.count - a.count || compareMemberIds(a.spec, b.spec));
  for (const donor of byLoad) {
    if (donor.count - minimum < 2) return false;
    if (donor !== top && tryMove(donor, subscribers, owners)) return true;
  }
  return false;
}

/** tryMove moves one of `donor`'s partitions to the least loaded subscriber of its topic, if that one has at least two fewer. */
function tryMove(donor: Holding, subscribers: ReadonlyMap<string, readonly Holding[]>, owners: ReadonlyMap<string, (Holding | undefined)[]>): boolean {
  for (const topicId of [...donor.partitions.keys()].sort()) {
    const receiver = leastLoaded(subscribers.get(topicId)!)!;
    if (donor.count - receiver.count < 2) continue;
    let partition = -1;
    for (const candidate of donor.partitions.get(topicId)!) partition = Math.max(partition, candidate);
    take(donor, topicId, partition);
    give(receiver, topicId, partition);
    owners.get(topicId)![partition] = receiver;
    return true;
  }
  return false;
}

/**
 * UNIFORM_ASSIGNOR spreads partitions evenly over the members ("uniform", KIP-848's default),
 * sticking to each member's previous target where it can:
 * 1. every member keeps the partitions of its previous target that still exist and that it still
 *    subscribes to (each partition once);
 * 2. partitions nobody kept go, one at a time, to the least-loaded member subscribed to their topic
 *    (topics with the fewest subscribers first, since they have the fewest choices);
 * 3. while some member holds at least two partitions more than a member that could take one of
 *    them, one moves over, always from the most loaded member that can give one, to the least
 *    loaded member that can take it. Each move lowers the sum of squared loads, so this ends.
 *
 * When every member subscribes to the same topics, step 3 ends with loads within one of each other;
 * with different subscriptions no single move can improve the balance. A member joining a balanced
 * group only takes partitions (nobody else trades), and a member leaving only gives them away.
 * Ties break by member id, so the result is a function of the spec.
 */
export const UNIFORM_ASSIGNOR: PartitionAssignor = {
  name: "uniform",
  assign(spec: AssignmentSpec): GroupAssignment {
    const holdings: Holding[] = [...spec.members].sort(compareMemberIds).map((member) => ({ spec: member, partitions: new Map(), count: 0 }));
    const subscribers = new Map<string, Holding[]>();
    const owners = new Map<string, (Holding | undefined)[]>();
    for (const [topicId, count] of spec.partitionCounts) {
      subscribers.set(topicId, holdings.filter((holding) => holding.spec.subscribedTopicIds.has(topicId)));
      owners.set(topicId, new Array<Holding | undefined>(count).fill(undefined));
    }

    for (const holding of holdings) {
      for (const [topicId, partitions] of holding.spec.currentTarget) {
        const topicOwners = owners.get(topicId);
        if (topicOwners === undefined || !holding.spec.subscribedTopicIds.has(topicId)) continue;
        for (const partition of [...partitions].sort((a, b) => a - b)) {
          if (partition >= topicOwners.length || topicOwners[partition] !== undefined) continue;
          topicOwners[partition] = holding;
          give(holding, topicId, partition);
        }
      }
    }

    const topicOrder = [...spec.partitionCounts.keys()].sort((a, b) => subscribers.get(a)!.length - subscribers.get(b)!.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const topicId of topicOrder) {
      const candidates = subscribers.get(topicId)!;
      const topicOwners = owners.get(topicId)!;
      for (let partition = 0; partition < topicOwners.length; partition++) {
        if (topicOwners[partition] !== undefined) continue;
        const receiver = leastLoaded(candidates);
        if (receiver === undefined) break;
        topicOwners[partition] = receiver;
        give(receiver, topicId, partition);
      }
    }

    while (moveOne(holdings, subscribers, owners));

    return new Map(holdings.map((holding) => [holding.spec.memberId, assignmentOf(holding.partitions)]));
  },
};
