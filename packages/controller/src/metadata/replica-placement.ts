import { assert } from "@tributary/client/internal/assert";

/** PlacementBroker is a broker replicas may be placed on. */
export interface PlacementBroker {
  readonly brokerId: number;
  readonly rack: string | null;
}

/** PlacementRequest says how many partitions to place, and where the rotation starts. */
export interface PlacementRequest {
  /** firstPartition is the number of the first partition placed (non-zero when a topic grows). */
  readonly firstPartition: number;
  readonly partitions: number;
  readonly replicationFactor: number;
  /**
   * startIndex rotates where the first partition's preferred leader lands. Kafka picks it at random;
   * the caller passes something that changes from topic to topic (the cluster's partition count), so
   * placement is deterministic and still spreads leaders over all brokers.
   */
  readonly startIndex: number;
}

/**
 * placeReplicas assigns replicas the way Kafka's rack-aware AdminUtils.assignReplicasToBrokers does
 * (KIP-36): brokers are listed rack by rack in alternation, partition p's preferred leader is broker
 * (p + startIndex) of that list, so leaders stripe evenly over brokers and racks, and each further
 * replica goes on the next broker (after a shift that grows every full round, to spread followers)
 * whose rack holds no replica yet, until every rack holds one. A null rack counts as one rack.
 * Returns replicas[partition - firstPartition], preferred leader first.
 */
export function placeReplicas(brokers: readonly PlacementBroker[], request: PlacementRequest): number[][] {
  const { replicationFactor } = request;
  assert(replicationFactor >= 1 && replicationFactor <= brokers.length, `cannot place ${replicationFactor} replicas on ${brokers.length} brokers`);
  const arranged = rackAlternatedBrokers(brokers);
  const brokerCount = arranged.length;
  const rackOf = new Map(brokers.map((b) => [b.brokerId, b.rack]));
  const rackCount = new Set(brokers.map((b) => b.rack)).size;
  const startIndex = request.startIndex % brokerCount;
  const placements: number[][] = [];
  for (let i = 0; i < request.partitions; i++) {
    const partition = request.firstPartition + i;
    // The follower shift grows by one every time the leaders have gone round all brokers.
    const shift = startIndex + Math.floor(partition / brokerCount);
    const first = (partition + startIndex) % brokerCount;
    const replicas = [at(arranged, first)];
    const racks = new Set([rackOf.get(at(arranged, first)) ?? null]);
    for (let k = 0; replicas.length < replicationFactor; k++) {
      assert(k < brokerCount * brokerCount, "replica placement did not converge");
      const candidate = at(arranged, followerIndex(first, shift * rackCount, k, brokerCount));
      const rack = rackOf.get(candidate) ?? null;
      if (replicas.includes(candidate)) continue;
      if (racks.has(rack) && racks.size < rackCount) continue;
      replicas.push(candidate);
      racks.add(rack);
    }
    placements.push(replicas);
  }
  return placements;
}

/** followerIndex is Kafka's replicaIndex: the k-th candidate after `first`, never `first` itself. */
function followerIndex(first: number, shift: number, k: number, brokerCount: number): number {
  if (brokerCount === 1) return first;
  return (first + 1 + ((shift + k) % (brokerCount - 1))) % brokerCount;
}

/** rackAlternatedBrokers lists brokers taking one from each rack in turn: racks sorted, brokers by id within a rack. */
function rackAlternatedBrokers(brokers: readonly PlacementBroker[]): number[] {
  const byRack = new Map<string | null, number[]>();
  for (const broker of [...brokers].sort((a, b) => a.brokerId - b.brokerId)) {
    const list = byRack.get(broker.rack) ?? [];
    list.push(broker.brokerId);
    byRack.set(broker.rack, list);
  }
  // The null rack sorts first; the others by name, so placement never depends on a locale.
  const racks = [...byRack.keys()].sort((a, b) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
  const lists = racks.map((rack) => byRack.get(rack) ?? []);
  const arranged: number[] = [];
  for (let round = 0; arranged.length < brokers.length; round++) {
    for (const list of lists) {
      const brokerId = list[round];
      if (brokerId !== undefined) arranged.push(brokerId);
    }
  }
  return arranged;
}

function at(list: readonly number[], index: number): number {
  const value = list[index];
  assert(value !== undefined, `index ${index} outside a list of ${list.length}`);
  return value;
}
