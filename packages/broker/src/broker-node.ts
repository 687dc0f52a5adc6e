import { Server, ServerCredentials } from "@grpc/grpc-js";
import type { AssertionError } from "@tributary/client/internal/assert";
import { CHANNEL_OPTIONS, loadProtos } from "@tributary/client/internal/wire";
import { checkDirectory } from "@tributary/controller/internal/node";
import type { MetadataImage } from "@tributary/controller/internal/metadata";
import type { BrokerConfig } from "./config/broker-config.js";
import { advertisedEndpoints, BrokerLifecycle } from "./control/broker-lifecycle.js";
import { ControllerChannel } from "./control/controller-channel.js";
import type { Logger } from "./control/logger.js";
import { MetadataListener } from "./control/metadata-listener.js";
import { brokerGroups } from "./group/broker-groups.js";
import type { GroupCoordinator } from "./group/group-coordinator.js";
import { systemClock } from "./log/clock.js";
import { ControllerIsrSender } from "./replica/controller-isr-sender.js";
import { FetcherManager } from "./replica/fetcher-manager.js";
import { LogManager } from "./replica/log-manager.js";
import { ReplicaManager } from "./replica/replica-manager.js";
import { logConfigOf, minInsyncReplicasOf } from "./replica/topic-settings.js";
import { brokerService } from "./service/broker-service.js";
import { PartitionWaiters } from "./service/partition-waiters.js";
import { ProducerIdManager } from "./service/producer-ids.js";

/** BrokerNodeOptions adds what the config file does not say to a broker's config. */
export interface BrokerNodeOptions {
  readonly config: BrokerConfig;
  readonly logger: Logger;
  /** Called when the broker cannot go on (a bug, or a fatal control-plane error). */
  readonly onFatal: (error: unknown) => void;
}

const RETENTION_CHECK_INTERVAL_MS = 60_000;

/** BrokerParts are the running components a broker stops in order. */
interface BrokerParts {
  readonly channel: ControllerChannel;
  readonly listener: MetadataListener;
  readonly lifecycle: BrokerLifecycle;
  readonly replicas: ReplicaManager;
  readonly servers: readonly Server[];
  readonly waiters: PartitionWaiters;
  readonly groups: GroupCoordinator;
  readonly timers: NodeJS.Timeout[];
}

/**
 * BrokerNode is one broker process's parts wired together: the control plane (controller
 * channel, metadata listener with its checkpoint, registration and heartbeats), the replica
 * manager with its logs and fetchers, and the Broker gRPC service. It serves requests once its
 * metadata has caught up; it asks to be unfenced only after its logs are open and its replicas
 * reconciled with the metadata.
 */
export class BrokerNode {
  readonly #options: BrokerNodeOptions;
  readonly #parts: BrokerParts;
  readonly clusterId: string;
  #serving = true;

  private constructor(options: BrokerNodeOptions, clusterId: string, parts: BrokerParts) {
    this.#options = options;
    this.clusterId = clusterId;
    this.#parts = parts;
  }

  /** start opens everything, binds the listeners and begins registration and heartbeats. */
  static async start(options: BrokerNodeOptions): Promise<BrokerNode> {
    const { config, logger } = options;
    const { clusterId } = await checkDirectory(config.logDirs[0]!, config.nodeId);
    for (const dir of config.logDirs.slice(1)) await checkDirectory(dir, config.nodeId, clusterId);
    const channel = new ControllerChannel({ voters: config.controllerVoters });
    const listener = await MetadataListener.open({
      brokerId: config.nodeId,
      clusterId,
      channel,
      checkpointDir: config.logDirs[0]!,
      logger,
      onFatal: options.onFatal,
    });
    const image = (): MetadataImage => listener.image;
    let brokerEpoch = -1;
    const interBroker = config.interBrokerListenerName;
    const fetchers = new FetcherManager({
      brokerId: config.nodeId,
      brokerEpoch: () => brokerEpoch,
      maxWaitMs: config.replicaFetchWaitMaxMs,
      partitionMaxBytes: config.replicaFetchMaxBytes,
      responseMaxBytes: config.replicaFetchResponseMaxBytes,
      backoffMs: 200,
      flushBeforeAck: config.flushBeforeAck,
      addressOf: (brokerId) => {
        const registration = image().cluster.broker(brokerId);
        const endpoint = registration?.endpoints.find((candidate) => candidate.listener === interBroker) ?? registration?.endpoints[0];
        return endpoint === undefined ? undefined : `${endpoint.host}:${endpoint.port}`;
      },
      onError: (message) => logger.warn(`replica fetcher: ${message}`),
    });
    const logManager = new LogManager({
      logDirs: config.logDirs,
      clock: systemClock,
      logConfigFor: (topic) => ({
        ...logConfigOf(image(), topic, config.logDefaults, config.messageBytesMax),
        fsyncPolicy: config.flushBeforeAck ? "on-flush" : "never",
      }),
    });
    const replicas = new ReplicaManager({
      brokerId: config.nodeId,
      clock: systemClock,
      logManager,
      fetchers,
      isrSender: new ControllerIsrSender(channel, config.nodeId, () => brokerEpoch),
      settingsFor: (topic) => ({
        minInsyncReplicas: () => minInsyncReplicasOf(image(), topic, config.logDefaults),
        replicaLagTimeMaxMs: config.replicaLagTimeMaxMs,
        flushBeforeAck: config.flushBeforeAck,
      }),
      onError: (message) => logger.warn(message),
      onLogOpened: (partition) => {
        const report = partition.log.recovery;
        const name = `${partition.topic}-${partition.partition}`;
        if (report.cleanShutdown) logger.info(`opened ${name} after a clean shutdown (offsets ${partition.log.logStartOffset}..${partition.log.logEndOffset})`);
        else logger.info(`recovered ${name} from offset ${report.recoveryPoint ?? 0n}: cut ${report.truncatedBytes} bytes, dropped ${report.droppedSegments} segments${report.problem === undefined ? "" : ` (${report.problem})`}`);
      },
    });
    const waiters = new PartitionWaiters();
    listener.onChange(() => void replicas.applyImage(listener.image));
    let unfenceReady: () => void = () => {};
    const readyToUnfence = new Promise<void>((resolve) => (unfenceReady = resolve));
    const lifecycle = new BrokerLifecycle({
      brokerId: config.nodeId,
      clusterId,
      endpoints: advertisedEndpoints(config.advertisedListeners),
      rack: config.rack,
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      channel,
      metadata: listener,
      readyToUnfence,
      logger,
      onFatal: options.onFatal,
    });
    lifecycle.onRegistered((epoch) => (brokerEpoch = epoch));
    const onBug = (error: AssertionError) => options.onFatal(error);
    let node: BrokerNode | undefined;
    const producerIds = new ProducerIdManager(channel, config.nodeId, () => brokerEpoch);
    const groups = brokerGroups({ config, image, replicas, ackWaiter: waiters, channel, isServing: () => node?.serving ?? false, logger, onBug });
    // One server per listener, so Metadata answers each client with the addresses of the listener
    // it came in on (an INTERNAL name inside a container network, EXTERNAL localhost from the host).
    const servers: Server[] = [];
    for (const listenerConfig of config.listeners) {
      const server = new Server(CHANNEL_OPTIONS);
      server.addService(loadProtos().proto.tributary.v1.Broker.service, {
        ...brokerService({
          clusterId,
          image,
          replicas,
          channel,
          producerIds,
          clientListener: listenerConfig.name,
          controllerId: () => channel.activeControllerId ?? -1,
          isServing: () => node?.serving ?? false,
          onBug,
          ackWaiter: waiters,
          dataWaiter: waiters,
          flushBeforeAck: config.flushBeforeAck,
          requestTimeoutMsMax: 120_000,
          responseBytesMax: config.fetchResponseBytesMax,
          maxWaitMsMax: 30_000,
        }),
        ...groups.handlersFor(listenerConfig.name),
      } as never);
      const address = `${listenerConfig.host}:${listenerConfig.port}`;
      await new Promise<void>((resolve, reject) => server.bindAsync(address, ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())));
      servers.push(server);
      logger.info(`broker ${config.nodeId} of cluster ${clusterId} listening on ${listenerConfig.name} ${address}`);
    }
    const timers = [
      setInterval(() => replicas.shrinkIsrs(), Math.max(100, Math.floor(config.replicaLagTimeMaxMs / 2))),
      setInterval(() => void replicas.enforceRetention(), RETENTION_CHECK_INTERVAL_MS),
    ];
    for (const timer of timers) timer.unref();
    node = new BrokerNode(options, clusterId, { channel, listener, lifecycle, replicas, servers, waiters, groups: groups.coordinator, timers });
    groups.coordinator.start();
    listener.start();
    lifecycle.start();
    void listener
      .caughtUp()
      .then(() => replicas.applyImage(listener.image))
      .then(() => {
        logger.info(`caught up with the metadata log at offset ${listener.appliedOffset}; hosting ${replicas.partitions().length} partitions`);
        unfenceReady();
      });
    return node;
  }

  /** serving is true until the broker starts to stop. */
  get serving(): boolean {
    return this.#serving;
  }

  /** replicas is the replica manager (for tests and status). */
  get replicas(): ReplicaManager {
    return this.#parts.replicas;
  }

  /** lifecycle is the registration and heartbeat state (for tests and status). */
  get lifecycle(): BrokerLifecycle {
    return this.#parts.lifecycle;
  }

  /**
   * stop shuts the broker down. A controlled stop first asks the controller to move this
   * broker's leaderships away, so clients fail over before the broker goes; then it stops serving,
   * closes every log cleanly (so the next start skips recovery) and checkpoints its metadata.
   */
  async stop(options: { controlled?: boolean } = {}): Promise<void> {
    const { lifecycle, listener, replicas, servers, channel, waiters, groups, timers } = this.#parts;
    if (options.controlled !== false) {
      const outcome = await lifecycle.beginControlledShutdown().catch(() => "failed");
      this.#options.logger.info(`controlled shutdown: ${outcome}`);
    }
    this.#serving = false;
    await groups.shutdown();
    for (const timer of timers) clearInterval(timer);
    waiters.shutdown();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            const force = setTimeout(() => {
              server.forceShutdown();
              resolve();
            }, 2_000);
            server.tryShutdown(() => {
              clearTimeout(force);
              resolve();
            });
          }),
      ),
    );
    await replicas.shutdown();
    await lifecycle.close();
    await listener.stop();
    channel.close();
  }
}
