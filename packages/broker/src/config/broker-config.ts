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
 * BrokerConfig is everything a broker process is configured with. Property names are Kafka's
 * where Kafka has the setting, so a Kafka operator can read a Tributary broker config.
 */
export interface BrokerConfig {
  /** node.id: this broker's id; distinct from every controller's and other broker's. */
  readonly nodeId: number;
  /** listeners: where the broker's gRPC server listens. */
  readonly listeners: readonly Listener[];
  /** advertised.listeners: the addresses clients and other brokers are told to use. */
  readonly advertisedListeners: readonly Listener[];
  /** inter.broker.listener.name: the listener followers fetch through. */
  readonly interBrokerListenerName: string;
  /** controller.quorum.voters: the controllers, as id@host:port. */
  readonly controllerVoters: readonly QuorumVoter[];
  /** log.dirs: where partitions live; the first also holds the metadata checkpoint. */
  readonly logDirs: readonly string[];
  /** broker.rack: the rack, for rack-aware replica placement; undefined when unset. */
  readonly rack: string | undefined;
  /** broker.heartbeat.interval.ms: how often the broker heartbeats the active controller. */
  readonly heartbeatIntervalMs: number;
  /** replica.lag.time.max.ms: a follower not caught up for this long leaves the ISR. */
  readonly replicaLagTimeMaxMs: number;
  /** replica.fetch.max.bytes / replica.fetch.response.max.bytes: follower fetch bounds. */
  readonly replicaFetchMaxBytes: number;
  readonly replicaFetchResponseMaxBytes: number;
  /** replica.fetch.wait.max.ms: how long a follower's fetch long-polls at the leader. */
  readonly replicaFetchWaitMaxMs: number;
  /** message.max.bytes: the largest record batch a producer may send. */
  readonly messageBytesMax: number;
  /** fetch.max.bytes: the cap on one fetch response. */
  readonly fetchResponseBytesMax: number;
  /** log.flush.before.ack: acks=all waits for fsync on every ISR member (DESIGN.md decision 3). */
  readonly flushBeforeAck: boolean;
  /** Log defaults for topics that do not override them. */
  readonly logDefaults: LogDefaults;
  /** offsets.topic.num.partitions / offsets.topic.replication.factor: `__consumer_offsets`. */
  readonly offsetsTopicPartitions: number;
  readonly offsetsTopicReplicationFactor: number;
  /** group.consumer.session.timeout.ms / group.consumer.heartbeat.interval.ms. */
  readonly groupSessionTimeoutMs: number;
  readonly groupHeartbeatIntervalMs: number;
}

/** LogDefaults are the broker-wide defaults of per-topic log settings. */
export interface LogDefaults {
  /** log.segment.bytes */
  readonly segmentBytesMax: number;
  /** log.roll.ms (or log.roll.hours) */
  readonly segmentMsMax: number;
  /** log.retention.ms (or log.retention.hours); -1 keeps forever. */
  readonly retentionMs: number;
  /** log.retention.bytes; -1 for no size limit. */
  readonly retentionBytes: number;
  /** log.index.interval.bytes */
  readonly indexIntervalBytes: number;
  /** min.insync.replicas */
  readonly minInsyncReplicas: number;
  /** unclean.leader.election.enable */
  readonly uncleanLeaderElection: boolean;
}

const HOUR_MS = 3_600_000;

function readLogDefaults(reader: ConfigReader): LogDefaults {
  const rollHours = reader.integer("log.roll.hours", 168, 1, 100_000);
  const retentionHours = reader.integer("log.retention.hours", 168, -1, 1_000_000);
  return {
    segmentBytesMax: reader.integer("log.segment.bytes", 1024 ** 3, 14, 2 ** 31 - 1),
    segmentMsMax: reader.integer("log.roll.ms", rollHours * HOUR_MS, 1, Number.MAX_SAFE_INTEGER),
    retentionMs: reader.integer("log.retention.ms", retentionHours < 0 ? -1 : retentionHours * HOUR_MS, -1, Number.MAX_SAFE_INTEGER),
    retentionBytes: reader.integer("log.retention.bytes", -1, -1, Number.MAX_SAFE_INTEGER),
    indexIntervalBytes: reader.integer("log.index.interval.bytes", 4096, 1, 2 ** 31 - 1),
    minInsyncReplicas: reader.integer("min.insync.replicas", 1, 1, 32),
    uncleanLeaderElection: reader.boolean("unclean.leader.election.enable", false),
  };
}

/** brokerConfigFromProperties validates raw properties into a {@link BrokerConfig}. */
export function brokerConfigFromProperties(properties: ReadonlyMap<string, string>): BrokerConfig {
  const reader = new ConfigReader(properties);
  const roles = reader.list("process.roles", ["broker"]);
  if (roles.length !== 1 || roles[0] !== "broker") {
    throw new ConfigError(`process.roles must be "broker" for a broker, got "${roles.join(",")}"`);
  }
  const nodeId = reader.integer("node.id", undefined, 0, 2 ** 31 - 1);
  const listeners = parseListeners(reader.list("listeners", ["PLAINTEXT://0.0.0.0:9092"]), "listeners");
  const advertised = reader.list("advertised.listeners");
  const advertisedListeners = advertised.length === 0 ? listeners : parseListeners(advertised, "advertised.listeners");
  for (const listener of advertisedListeners) {
    if (!listeners.some((candidate) => candidate.name === listener.name)) {
      throw new ConfigError(`advertised.listeners names ${listener.name}, which is not in listeners`);
    }
  }
  const interBrokerListenerName = reader.string("inter.broker.listener.name", listeners[0]?.name ?? "PLAINTEXT").toUpperCase();
  if (!advertisedListeners.some((listener) => listener.name === interBrokerListenerName)) {
    throw new ConfigError(`inter.broker.listener.name ${interBrokerListenerName} is not an advertised listener`);
  }
  const logDirs = reader.list("log.dirs");
  if (logDirs.length === 0) throw new ConfigError("log.dirs is required");
  const config: BrokerConfig = {
    nodeId,
    listeners,
    advertisedListeners,
    interBrokerListenerName,
    controllerVoters: parseQuorumVoters(reader.list("controller.quorum.voters")),
    logDirs,
    rack: reader.optionalString("broker.rack"),
    heartbeatIntervalMs: reader.integer("broker.heartbeat.interval.ms", 2_000, 10, 600_000),
    replicaLagTimeMaxMs: reader.integer("replica.lag.time.max.ms", 10_000, 100, 3_600_000),
    replicaFetchMaxBytes: reader.integer("replica.fetch.max.bytes", 1024 * 1024, 1024, 2 ** 30),
    replicaFetchResponseMaxBytes: reader.integer("replica.fetch.response.max.bytes", 10 * 1024 * 1024, 1024, 2 ** 30),
    replicaFetchWaitMaxMs: reader.integer("replica.fetch.wait.max.ms", 500, 0, 60_000),
    messageBytesMax: reader.integer("message.max.bytes", 1024 * 1024 + 12, 1024, 2 ** 30),
    fetchResponseBytesMax: reader.integer("fetch.max.bytes", 50 * 1024 * 1024, 1024, 2 ** 30),
    flushBeforeAck: reader.boolean("log.flush.before.ack", true),
    logDefaults: readLogDefaults(reader),
    offsetsTopicPartitions: reader.integer("offsets.topic.num.partitions", 16, 1, 1_000),
    offsetsTopicReplicationFactor: reader.integer("offsets.topic.replication.factor", 3, 1, 32),
    groupSessionTimeoutMs: reader.integer("group.consumer.session.timeout.ms", 45_000, 1_000, 3_600_000),
    groupHeartbeatIntervalMs: reader.integer("group.consumer.heartbeat.interval.ms", 5_000, 100, 3_600_000),
  };
  if (config.heartbeatIntervalMs * 2 > config.replicaLagTimeMaxMs) {
    throw new ConfigError("replica.lag.time.max.ms must be at least twice broker.heartbeat.interval.ms");
  }
  if (config.groupHeartbeatIntervalMs >= config.groupSessionTimeoutMs) {
    throw new ConfigError("group.consumer.heartbeat.interval.ms must be below group.consumer.session.timeout.ms");
  }
  reader.rejectUnknown();
  return config;
}

/**
 * loadBrokerConfig reads a properties file, lets `TRIBUTARY_*` environment variables override it
 * (for containers), and validates the result.
 */
export async function loadBrokerConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<BrokerConfig> {
  return brokerConfigFromProperties(await readNodeProperties(path, env));
}
