import { assert } from "@tributary/client/internal/assert";
import type { NodeId } from "./node-id.js";

/**
 * RaftConfig holds a node's identity, the fixed voter set and every limit of the core. Times are
 * logical ticks (the driver decides how long a tick is); sizes are bytes. Pre-vote (thesis §9.6) and
 * check-quorum (§6.2) are always on: they are what keeps a partitioned node from disrupting a
 * healthy leader and an isolated leader from lingering.
 */
export interface RaftConfig {
  /** This node's id; must be one of `voters`. */
  readonly id: NodeId;
  /** The voter set, fixed for the cluster's life (3 or 5 in production; 1 works for tests). */
  readonly voters: readonly NodeId[];
  /**
   * Ticks without hearing from a leader before a follower campaigns. The actual timeout is drawn
   * uniformly from `[electionTimeoutTicks, 2 * electionTimeoutTicks)` each time (thesis §3.4;
   * KRaft's randomized election timeout). Also the check-quorum period of a leader.
   */
  readonly electionTimeoutTicks: number;
  /** Ticks between a leader's heartbeats. Must be well below `electionTimeoutTicks`. */
  readonly heartbeatIntervalTicks: number;
  /** Append messages a leader keeps in flight to one follower in the replicate state. */
  readonly maxInflightAppends: number;
  /** Entry bytes per append message (at least one entry is always sent). */
  readonly maxAppendBytes: number;
  /** Bytes per InstallSnapshot chunk. */
  readonly snapshotChunkBytes: number;
  /** Bytes of proposed but uncommitted entries a leader accepts before dropping proposals. */
  readonly maxUncommittedBytes: number;
  /** Bytes of committed entries handed to the application in one Ready (at least one entry). */
  readonly maxApplyBytes: number;
}

/** RaftLimits is the tunable part of {@link RaftConfig}. */
export type RaftLimits = Omit<RaftConfig, "id" | "voters">;

/**
 * DEFAULT_RAFT_LIMITS suit a driver ticking every 100 ms: 1 s election timeout (KRaft's default),
 * 100 ms heartbeats, 8 MiB appends (KRaft's max batch), 1 MiB snapshot chunks.
 */
export const DEFAULT_RAFT_LIMITS: RaftLimits = {
  electionTimeoutTicks: 10,
  heartbeatIntervalTicks: 1,
  maxInflightAppends: 64,
  maxAppendBytes: 8 * 1024 * 1024,
  snapshotChunkBytes: 1024 * 1024,
  maxUncommittedBytes: 64 * 1024 * 1024,
  maxApplyBytes: 16 * 1024 * 1024,
};

/** raftConfig builds a checked config from an id, the voters and optional limit overrides. */
export function raftConfig(id: NodeId, voters: readonly NodeId[], limits: Partial<RaftLimits> = {}): RaftConfig {
  const config: RaftConfig = { ...DEFAULT_RAFT_LIMITS, ...limits, id, voters: [...voters] };
  validateRaftConfig(config);
  return config;
}

/** validateRaftConfig asserts the relations between the config's fields. */
export function validateRaftConfig(config: RaftConfig): void {
  assert(config.voters.length >= 1, "a quorum needs at least one voter");
  assert(new Set(config.voters).size === config.voters.length, `duplicate voter ids in [${config.voters.join(", ")}]`);
  assert(config.voters.includes(config.id), `node ${config.id} is not a voter of [${config.voters.join(", ")}]`);
  assert(config.heartbeatIntervalTicks >= 1, "heartbeatIntervalTicks must be >= 1");
  // A follower must hear several heartbeats per election timeout, or it campaigns against a live leader.
  assert(config.electionTimeoutTicks > config.heartbeatIntervalTicks, "electionTimeoutTicks must exceed heartbeatIntervalTicks");
  assert(config.maxInflightAppends >= 1, "maxInflightAppends must be >= 1");
  assert(config.maxAppendBytes >= 1, "maxAppendBytes must be >= 1");
  assert(config.snapshotChunkBytes >= 1, "snapshotChunkBytes must be >= 1");
  assert(config.maxUncommittedBytes >= 1, "maxUncommittedBytes must be >= 1");
  assert(config.maxApplyBytes >= 1, "maxApplyBytes must be >= 1");
}
