import type { ClusterView } from "./cluster-image.js";
import type { PartitionState } from "./partition-state.js";
import { partitionShapeProblem } from "./partition-state.js";
import { NO_LEADER } from "./records.js";
import type { TopicsView } from "./topics-image.js";

/**
 * The invariants that tie partitions to broker states (KIP-631, KIP-841):
 * - a partition's leader is an active (registered, unfenced, not shutting down) broker, or NO_LEADER;
 * - an inactive broker is in no ISR, except as the only member of a leaderless partition. That member
 *   is kept so that the partition can come back without losing committed data when it returns
 *   (Kafka keeps the last ISR member for the same reason).
 * These functions return a description of the first violation, or null; replay asserts them on what
 * each record touched, and tests check the whole image.
 */

/** partitionBrokerProblem checks one partition against the broker states. */
export function partitionBrokerProblem(partition: PartitionState, cluster: ClusterView): string | null {
  const name = `${partition.topicId}/${partition.partition}`;
  if (partition.leader !== NO_LEADER && !cluster.isActive(partition.leader)) {
    return `${name}: leader ${partition.leader} is ${describeBroker(partition.leader, cluster)}`;
  }
  const keptLastMember = partition.leader === NO_LEADER && partition.isr.length === 1;
  for (const brokerId of partition.isr) {
    if (!cluster.isActive(brokerId) && !keptLastMember) {
      return `${name}: ISR member ${brokerId} is ${describeBroker(brokerId, cluster)}`;
    }
  }
  return null;
}

/** inactiveBrokerProblem checks that a broker that just stopped being active holds no leadership or ISR seat it may not hold. */
export function inactiveBrokerProblem(brokerId: number, cluster: ClusterView, topics: TopicsView): string | null {
  for (const partition of topics.allPartitions()) {
    if (partition.leader !== brokerId && !partition.isr.includes(brokerId)) continue;
    const problem = partitionBrokerProblem(partition, cluster);
    if (problem !== null) return problem;
  }
  return null;
}

/** imageInvariantProblems checks every partition of the image, shape and broker states; empty means sound. */
export function imageInvariantProblems(cluster: ClusterView, topics: TopicsView): string[] {
  const problems: string[] = [];
  for (const topic of topics.topics()) {
    topic.partitions.forEach((partition, index) => {
      if (partition.partition !== index) problems.push(`${topic.name}: partition ${partition.partition} at index ${index}`);
      const shape = partitionShapeProblem(partition.replicas, partition.isr, partition.leader);
      if (shape !== null) problems.push(`${topic.name}/${index}: ${shape}`);
      const brokers = partitionBrokerProblem(partition, cluster);
      if (brokers !== null) problems.push(brokers);
    });
  }
  return problems;
}

function describeBroker(brokerId: number, cluster: ClusterView): string {
  return cluster.broker(brokerId)?.state ?? "not registered";
}
