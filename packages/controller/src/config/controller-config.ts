import {
  ConfigError,
  ConfigReader,
  parseListeners,
  parseQuorumVoters,
  readNodeProperties,
  type Listener,
  type QuorumVoter,
} from "@tributary/client/internal/config";

/**
 * ControllerConfig is everything a controller process is configured with. Property names are
 * Kafka's where Kafka has the setting (`node.id`, `controller.quorum.voters`, ...), so a Kafka
 * operator can read a Tributary config file.
 */
export interface ControllerConfig {
  /** node.id: this controller's id; must be one of the voters. */
  readonly nodeId: number;
  /** listeners: where the controller's gRPC server listens (the CONTROLLER listener). */
  readonly listener: Listener;
  /** controller.quorum.voters: every voter as id@host:port. */
  readonly voters: readonly QuorumVoter[];
  /** metadata.log.dir (or the first of log.dirs): the Raft log, hard state and snapshots. */
  readonly dataDir: string;
  /** controller.quorum.tick.ms: the length of one Raft tick. */
  readonly tickMs: number;
  /** controller.quorum.election.timeout.ms: the base election timeout, randomized up to twice it. */
  readonly electionTimeoutMs: number;
  /** controller.quorum.heartbeat.interval.ms: how often a leader heartbeats its followers. */
  readonly heartbeatIntervalMs: number;
  /** broker.session.timeout.ms: a broker that has not heartbeated for this long is fenced. */
  readonly brokerSessionTimeoutMs: number;
  /** metadata.snapshot.interval.records: committed records between two snapshots. */
  readonly snapshotIntervalRecords: number;
  /** num.partitions: partitions of a topic created without a count. */
  readonly defaultNumPartitions: number;
  /** default.replication.factor: replication factor of a topic created without one. */
  readonly defaultReplicationFactor: number;
  /** min.insync.replicas: the cluster default for topics. */
  readonly defaultMinInsyncReplicas: number;
  /** leader.imbalance.check.interval.ms: how often preferred leaders are restored. */
  readonly leaderImbalanceCheckIntervalMs: number;
}

/** controllerConfigFromProperties validates raw properties into a {@link ControllerConfig}. */
export function controllerConfigFromProperties(properties: ReadonlyMap<string, string>): ControllerConfig {
  const reader = new ConfigReader(properties);
  const roles = reader.list("process.roles", ["controller"]);
  if (roles.length !== 1 || roles[0] !== "controller") {
    throw new ConfigError(`process.roles must be "controller" for a controller, got "${roles.join(",")}"`);
  }
  const nodeId = reader.integer("node.id", undefined, 0, 2 ** 31 - 1);
  const listeners = parseListeners(reader.list("listeners", ["CONTROLLER://0.0.0.0:9191"]), "listeners");
  const listenerName = reader.string("controller.listener.names", "CONTROLLER").toUpperCase();
  const listener = listeners.find((candidate) => candidate.name === listenerName);
  if (listener === undefined) throw new ConfigError(`listeners has no ${listenerName} listener`);
  const voters = parseQuorumVoters(reader.list("controller.quorum.voters"));
  if (!voters.some((voter) => voter.nodeId === nodeId)) {
    throw new ConfigError(`node.id ${nodeId} is not among controller.quorum.voters (${voters.map((voter) => voter.nodeId).join(", ")})`);
  }
  const logDirs = reader.list("log.dirs");
  const dataDir = reader.optionalString("metadata.log.dir") ?? logDirs[0];
  if (dataDir === undefined) throw new ConfigError("metadata.log.dir (or log.dirs) is required");
  const tickMs = reader.integer("controller.quorum.tick.ms", 50, 1, 10_000);
  const electionTimeoutMs = reader.integer("controller.quorum.election.timeout.ms", 1_000, 10, 600_000);
  const heartbeatIntervalMs = reader.integer("controller.quorum.heartbeat.interval.ms", 150, 1, 600_000);
  if (electionTimeoutMs < 2 * tickMs || heartbeatIntervalMs < tickMs || heartbeatIntervalMs * 2 > electionTimeoutMs) {
    throw new ConfigError(
      "controller.quorum.election.timeout.ms must be at least two ticks and twice controller.quorum.heartbeat.interval.ms, which must be at least one tick",
    );
  }
  const config: ControllerConfig = {
    nodeId,
    listener,
    voters,
    dataDir,
    tickMs,
    electionTimeoutMs,
    heartbeatIntervalMs,
    brokerSessionTimeoutMs: reader.integer("broker.session.timeout.ms", 9_000, 100, 3_600_000),
    snapshotIntervalRecords: reader.integer("metadata.snapshot.interval.records", 10_000, 1, 100_000_000),
    defaultNumPartitions: reader.integer("num.partitions", 1, 1, 10_000),
    defaultReplicationFactor: reader.integer("default.replication.factor", 3, 1, 32),
    defaultMinInsyncReplicas: reader.integer("min.insync.replicas", 1, 1, 32),
    leaderImbalanceCheckIntervalMs: reader.integer("leader.imbalance.check.interval.ms", 30_000, 100, 86_400_000),
  };
  reader.rejectUnknown();
  return config;
}

/**
 * loadControllerConfig reads a properties file, lets `TRIBUTARY_*` environment variables override
 * it (for containers), and validates the result.
 */
export async function loadControllerConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<ControllerConfig> {
  return controllerConfigFromProperties(await readNodeProperties(path, env));
}
