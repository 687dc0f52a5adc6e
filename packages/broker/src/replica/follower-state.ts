/**
 * FollowerState is what a partition leader knows about one follower replica, learned from its
 * fetches (Kafka's Replica). Offsets are -1n until the follower's first fetch in this leader epoch.
 */
export interface FollowerState {
  readonly brokerId: number;
  /** The broker epoch the follower fetched with: ISR proposals carry it (KIP-903). */
  brokerEpoch: number;
  /** The follower's log end offset: the offset it asked to fetch from. */
  logEndOffset: bigint;
  /** The offset below which the follower has fsynced its log (DESIGN.md decision 3). */
  durableEndOffset: bigint;
  /** The last time the follower's fetch reached the leader's log end offset. */
  lastCaughtUpTimeMs: number;
  /** The last time the follower fetched at all. */
  lastFetchTimeMs: number;
}

/** newFollowerState is a follower not yet heard from in this leader epoch. */
export function newFollowerState(brokerId: number, nowMs: number): FollowerState {
  return { brokerId, brokerEpoch: -1, logEndOffset: -1n, durableEndOffset: -1n, lastCaughtUpTimeMs: nowMs, lastFetchTimeMs: -1 };
}
