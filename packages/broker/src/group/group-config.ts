import { assert } from "@tributary/client/internal/assert";

/** GroupConfig holds the group coordinator's limits and defaults. */
export interface GroupConfig {
  /** group.consumer.session.timeout.ms: a member that does not heartbeat for this long is removed. */
  readonly sessionTimeoutMs: number;
  /** Bounds on a member's own session_timeout_ms (outside them: INVALID_SESSION_TIMEOUT). */
  readonly sessionTimeoutMsMin: number;
  readonly sessionTimeoutMsMax: number;
  /** group.consumer.heartbeat.interval.ms: how often members are told to heartbeat. */
  readonly heartbeatIntervalMs: number;
  /** The rebalance timeout of a member that joins without one (Kafka's max.poll.interval.ms default). */
  readonly rebalanceTimeoutMsDefault: number;
  /** group.consumer.max.size: members beyond it get GROUP_MAX_SIZE_REACHED. */
  readonly groupMembersMax: number;
  /** offset.metadata.max.bytes: longer commit metadata gets INVALID_COMMIT_OFFSET_SIZE. */
  readonly offsetMetadataBytesMax: number;
}

/** groupConfig fills in Kafka's defaults around the two settings a broker config carries. */
export function groupConfig(settings: Pick<GroupConfig, "sessionTimeoutMs" | "heartbeatIntervalMs"> & Partial<GroupConfig>): GroupConfig {
  const config: GroupConfig = {
    sessionTimeoutMsMin: Math.min(1_000, settings.sessionTimeoutMs),
    sessionTimeoutMsMax: Math.max(1_800_000, settings.sessionTimeoutMs),
    rebalanceTimeoutMsDefault: 300_000,
    groupMembersMax: 10_000,
    offsetMetadataBytesMax: 4_096,
    ...settings,
  };
  assert(config.sessionTimeoutMsMin <= config.sessionTimeoutMs && config.sessionTimeoutMs <= config.sessionTimeoutMsMax, "the session timeout default must lie within its bounds");
  assert(config.heartbeatIntervalMs > 0 && config.heartbeatIntervalMs < config.sessionTimeoutMs, "the heartbeat interval must be below the session timeout");
  return config;
}
