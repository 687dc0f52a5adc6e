import { assert } from "@tributary/client/internal/assert";
import { partitionShapeProblem, sameMembers, type PartitionState } from "./partition-state.js";
import { NO_LEADER, type PartitionChangeRecord } from "./records.js";

/** ElectionRules are what an election needs to know beyond the partition itself. */
export interface ElectionRules {
  /**
   * isActive tells whether a broker may lead and sit in an ISR (registered, unfenced, not shutting
   * down) as of the end of the batch being built, which may differ from the image (a broker being
   * fenced in the same batch is already inactive).
   */
  readonly isActive: (brokerId: number) => boolean;
  /** uncleanAllowed is the topic's unclean.leader.election.enable (default false). */
  readonly uncleanAllowed: boolean;
}

/** PartitionTarget is the change a caller wants; the leader follows from it. */
export interface PartitionTarget {
  /** isr is the ISR wanted; absent keeps the current one. */
  readonly isr?: readonly number[];
  /** preferred asks to move leadership to the preferred replica (replicas[0]) if it may lead. */
  readonly preferred?: boolean;
}

/**
 * buildPartitionChange returns the record that moves a partition to `target` with a valid leader,
 * or null when nothing changes (Kafka's PartitionChangeBuilder). The leader is, in order
 * (replication notes §2.7):
 * 1. the preferred replica, when `preferred` is asked and it is in the ISR and active;
 * 2. the current leader, if still in the ISR and active;
 * 3. the first replica in assignment order that is in the ISR and active;
 * 4. with unclean election allowed, the first active replica at all: the ISR becomes just it,
 *    accepting the loss of what only the old ISR had (KIP-966's trade-off, off by default);
 * 5. otherwise no leader, and the ISR is left as it is, so that its last member can lead again
 *    without loss when it returns.
 */
export function buildPartitionChange(partition: PartitionState, target: PartitionTarget, rules: ElectionRules): PartitionChangeRecord | null {
  let isr = target.isr ?? partition.isr;
  const shape = partitionShapeProblem(partition.replicas, isr, NO_LEADER);
  assert(shape === null, `target ISR of ${partition.topicId}/${partition.partition}: ${shape}`);
  const canLead = (brokerId: number): boolean => isr.includes(brokerId) && rules.isActive(brokerId);
  const preferred = partition.replicas[0];
  let leader: number;
  if (target.preferred === true && preferred !== undefined && canLead(preferred)) {
    leader = preferred;
  } else if (partition.leader !== NO_LEADER && canLead(partition.leader)) {
    leader = partition.leader;
  } else {
    leader = partition.replicas.find(canLead) ?? NO_LEADER;
    if (leader === NO_LEADER && rules.uncleanAllowed) {
      const survivor = partition.replicas.find((brokerId) => rules.isActive(brokerId));
      if (survivor !== undefined) {
        leader = survivor;
        isr = [survivor];
      }
    }
  }
  const isrChanged = !sameMembers(isr, partition.isr);
  const leaderChanged = leader !== partition.leader;
  if (!isrChanged && !leaderChanged) return null;
  return {
    type: "partition-change",
    topicId: partition.topicId,
    partition: partition.partition,
    ...(isrChanged ? { isr: [...isr] } : {}),
    ...(leaderChanged ? { leader } : {}),
  };
}
