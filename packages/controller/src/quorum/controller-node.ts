import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import type { AssertionError } from "@tributary/client/internal/assert";
import { CHANNEL_OPTIONS, loadProtos } from "@tributary/client/internal/wire";
import type { ControllerConfig } from "../config/controller-config.js";
import { raftConfig } from "../raft/config.js";
import { SeededRandom } from "../raft/random.js";
import type { Logger } from "../storage/console-logger.js";
import { checkDirectory } from "../storage/meta-properties.js";
import { controllerService } from "./controller-service.js";
import { LevelRaftStore } from "./level-raft-store.js";
import { MetadataFeed } from "./metadata-feed.js";
import { QuorumController } from "./quorum-controller.js";
import { RaftDriver } from "./raft-driver.js";
import { RaftTransport } from "./raft-transport.js";


/** ControllerNodeOptions adds what the config file does not say to a controller's config. */
export interface ControllerNodeOptions {
  readonly config: ControllerConfig;
  readonly logger: Logger;
  /** Called when the node cannot go on (a bug, or its storage failed); the process should exit. */
  readonly onFatal: (error: unknown) => void;
}

/**
 * ControllerNode is one controller process's parts wired together: the data directory check,
 * the LevelDB Raft store, the Raft driver and transport, the quorum controller with its metadata
 * feed, periodic leader duties (fencing brokers whose sessions expired, restoring preferred
 * leaders), and one gRPC server for the Raft and Controller services.
 */
export class ControllerNode {
  readonly #options: ControllerNodeOptions;
  readonly #driver: RaftDriver;
  readonly #store: LevelRaftStore;
  readonly #transport: RaftTransport;
  readonly #server: Server;
  readonly #controller: QuorumController;
  readonly #timers: NodeJS.Timeout[] = [];
  readonly clusterId: string;
  #lastRole = "follower";
  #lastLeader: number | undefined = undefined;
  #stopped = false;

  private constructor(
    options: ControllerNodeOptions,
    clusterId: string,
    parts: { driver: RaftDriver; store: LevelRaftStore; transport: RaftTransport; server: Server; controller: QuorumController },
  ) {
    this.#options = options;
    this.clusterId = clusterId;
    this.#driver = parts.driver;
    this.#store = parts.store;
    this.#transport = parts.transport;
    this.#server = parts.server;
    this.#controller = parts.controller;
  }

  /**
   * start checks the data directory, opens the Raft store, binds the listener and starts ticking.
   * It refuses an unformatted or foreign data directory (StorageFormatError).
   */
  static async start(options: ControllerNodeOptions): Promise<ControllerNode> {
    const { config, logger } = options;
    const { clusterId } = await checkDirectory(config.dataDir, config.nodeId);
    const store = await LevelRaftStore.open(join(config.dataDir, "raft"));
    const voters = new Map(config.voters.map((voter) => [voter.nodeId, `${voter.host}:${voter.port}`] as const));
    const onBug = (error: AssertionError) => options.onFatal(error);
    let feed: MetadataFeed | undefined;
    const controller = new QuorumController({
      control: {
        sessionTimeoutMs: config.brokerSessionTimeoutMs,
        newTopicId: () => randomUUID(),
        options: {
          defaultNumPartitions: config.defaultNumPartitions,
          defaultReplicationFactor: config.defaultReplicationFactor,
          staticBrokerConfigs: new Map([["min.insync.replicas", String(config.defaultMinInsyncReplicas)]]),
        },
      },
      nowMs: Date.now,
      operationTimeoutMs: 30_000,
      onBatch: (batch) => feed?.publish(batch),
      onRestore: (offset) => feed?.reset(offset),
    });
    const liveFeed = new MetadataFeed({ retainedBatchesMax: 10_000, snapshot: () => controller.snapshotRecords() }, store.snapshotMetadata().index);
    feed = liveFeed;
    let driver: RaftDriver | undefined;
    const transport = new RaftTransport({
      clusterId,
      nodeId: config.nodeId,
      peers: new Map([...voters].filter(([id]) => id !== config.nodeId)),
      onMessage: (message) => driver?.receive(message),
    });
    const tickMs = config.tickMs;
    let node: ControllerNode | undefined;
    driver = new RaftDriver({
      config: raftConfig(config.nodeId, [...voters.keys()], {
        electionTimeoutTicks: Math.max(2, Math.round(config.electionTimeoutMs / tickMs)),
        heartbeatIntervalTicks: Math.max(1, Math.round(config.heartbeatIntervalMs / tickMs)),
      }),
      store,
      sender: transport,
      stateMachine: controller,
      random: new SeededRandom(Date.now() ^ (config.nodeId * 0x9e3779b1)),
      snapshotIntervalEntries: config.snapshotIntervalRecords,
      onStatus: () => node?.noticeStatus(),
    });
    const liveDriver = driver;
    controller.attach(liveDriver, () => {
      const status = liveDriver.status();
      return { isLeader: status.role === "leader", term: status.term, leaderId: status.leader };
    });
    const server = new Server(CHANNEL_OPTIONS);
    const { proto } = loadProtos();
    server.addService(proto.tributary.v1.Raft.service, transport.handlers());
    server.addService(
      proto.tributary.v1.Controller.service,
      controllerService({
        clusterId,
        nodeId: config.nodeId,
        controller,
        feed: liveFeed,
        voters,
        raftStatus: () => liveDriver.fullStatus(),
        tickMs,
        streamBufferedBytesMax: 64 * 1024 * 1024,
        onBug,
      }),
    );
    const address = `${config.listener.host}:${config.listener.port}`;
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(address, ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())),
    );
    node = new ControllerNode(options, clusterId, { driver: liveDriver, store, transport, server, controller });
    logger.info(`controller ${config.nodeId} of cluster ${clusterId} listening on ${address}; log ${store.firstIndex()}..${store.lastIndex()}`);
    node.#startTimers();
    return node;
  }

  /** controller is the quorum controller (for tests and status). */
  get controller(): QuorumController {
    return this.#controller;
  }

  /** driver is the Raft driver (for tests and status). */
  get driver(): RaftDriver {
    return this.#driver;
  }

  #startTimers(): void {
    const { config } = this.#options;
    this.#timers.push(
      setInterval(() => {
        this.#driver.tick();
        if (this.#driver.failure !== undefined) this.#options.onFatal(this.#driver.failure);
      }, config.tickMs),
    );
    const sessionCheckMs = Math.max(100, Math.min(1_000, Math.floor(config.brokerSessionTimeoutMs / 4)));
    this.#timers.push(setInterval(() => this.#duty("check sessions", (control, nowMs) => control.cluster.checkSessions(nowMs)), sessionCheckMs));
    this.#timers.push(
      setInterval(() => this.#duty("balance leaders", (control) => control.replication.maybeBalanceLeaders()), config.leaderImbalanceCheckIntervalMs),
    );
    for (const timer of this.#timers) timer.unref();
  }

  #duty(name: string, operation: Parameters<QuorumController["write"]>[1]): void {
    if (this.#stopped || !this.#controller.isActive()) return;
    this.#controller.write(name, operation).catch((error: unknown) => {
      if (!this.#stopped) this.#options.logger.warn(`${name} failed: ${(error as Error).message}`);
    });
  }

  /** noticeStatus logs role and leader changes; the driver calls it after each Ready. */
  noticeStatus(): void {
    const status = this.#driver.status();
    if (status.role !== this.#lastRole || status.leader !== this.#lastLeader) {
      this.#options.logger.info(`term ${status.term}: ${status.role}${status.leader === undefined ? ", no leader known" : `, leader is ${status.leader}`}`);
      this.#lastRole = status.role;
      this.#lastLeader = status.leader;
    }
  }

  /**
   * stop shuts the node down. A clean stop first hands leadership to another voter, so a planned
   * restart costs no election timeout.
   */
  async stop(options: { transferLeadership?: boolean } = {}): Promise<void> {
    if (this.#stopped) return;
    if (options.transferLeadership !== false && this.#driver.status().role === "leader") {
      const moved = await this.#driver.transferLeadership(this.#options.config.electionTimeoutMs * 2);
      this.#options.logger.info(moved ? `handed leadership to ${this.#driver.status().leader}` : "leadership transfer did not complete; stopping anyway");
    }
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    this.#driver.stop();
    this.#transport.close();
    // Metadata streams never end by themselves: give in-flight calls a moment, then cut them off.
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        this.#server.forceShutdown();
        resolve();
      }, 1_000);
      this.#server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
    await this.#driver.whenIdle();
    await this.#store.close();
  }
}
