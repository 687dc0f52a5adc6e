import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { credentials } from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, loadProtos, unaryCall } from "@tributary/client/internal/wire";
import type { ControllerClient } from "@tributary/client/internal/generated/tributary/v1/Controller";
import type { BrokerClient } from "@tributary/client/internal/generated/tributary/v1/Broker";
import { NodeProcess } from "./node-process.js";
import { freePorts } from "./ports.js";
import { waitFor } from "./wait.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** CONTROLLER_BIN is the built controller program the harness runs (`npm run build` first). */
export const CONTROLLER_BIN = join(repoRoot, "packages/controller/dist/bin/tributary-controller.js");

/** BROKER_BIN is the built broker program. */
export const BROKER_BIN = join(repoRoot, "packages/broker/dist/bin/tributary-broker.js");

/** BrokerHandle is one broker of a test cluster. */
export interface BrokerHandle {
  readonly nodeId: number;
  readonly address: string;
  readonly logDir: string;
  readonly configFile: string;
  readonly process: NodeProcess;
  readonly client: BrokerClient;
}

/** ControllerHandle is one controller of a test cluster. */
export interface ControllerHandle {
  readonly nodeId: number;
  readonly address: string;
  readonly dataDir: string;
  readonly configFile: string;
  readonly process: NodeProcess;
  readonly client: ControllerClient;
}

/** ClusterOptions configures a {@link TestCluster}. */
export interface ClusterOptions {
  readonly controllers?: number;
  /** Brokers to start (ids 101, 102, ...); none by default. */
  readonly brokers?: number;
  /** Extra broker properties. */
  readonly brokerProperties?: Readonly<Record<string, string>>;
  /** Extra controller properties, e.g. shorter session timeouts for fault tests. */
  readonly controllerProperties?: Readonly<Record<string, string>>;
}

/**
 * TestCluster starts a real Tributary cluster as separate processes for end-to-end tests, in a
 * temporary directory: it writes each node's config, formats its data directory, and lets a test
 * kill (-9), stop, pause, resume and restart any node, and find the active controller.
 */
export class TestCluster {
  readonly clusterId: string;
  readonly root: string;
  readonly controllers: ControllerHandle[];
  readonly brokers: BrokerHandle[];

  private constructor(clusterId: string, root: string, controllers: ControllerHandle[], brokers: BrokerHandle[]) {
    this.clusterId = clusterId;
    this.root = root;
    this.controllers = controllers;
    this.brokers = brokers;
  }

  /** start launches the cluster and waits until the controller quorum has a leader. */
  static async start(options: ClusterOptions = {}): Promise<TestCluster> {
    const count = options.controllers ?? 3;
    const root = mkdtempSync(join(tmpdir(), "tributary-e2e-"));
    const brokerCount = options.brokers ?? 0;
    const allPorts = await freePorts(count + brokerCount);
    const ports = allPorts.slice(0, count);
    const brokerPorts = allPorts.slice(count);
    const voters = ports.map((port, index) => `${index + 1}@127.0.0.1:${port}`).join(",");
    const clusterId = `e2e-${Date.now().toString(36)}`;
    const { proto } = loadProtos();
    const controllers: ControllerHandle[] = [];
    for (let index = 0; index < count; index++) {
      const nodeId = index + 1;
      const dataDir = join(root, `controller-${nodeId}`);
      mkdirSync(dataDir, { recursive: true });
      const configFile = join(root, `controller-${nodeId}.properties`);
      const properties: Record<string, string> = {
        "process.roles": "controller",
        "node.id": String(nodeId),
        listeners: `CONTROLLER://127.0.0.1:${ports[index]}`,
        "controller.quorum.voters": voters,
        "metadata.log.dir": dataDir,
        "controller.quorum.election.timeout.ms": "1000",
        "controller.quorum.heartbeat.interval.ms": "100",
        ...options.controllerProperties,
      };
      writeFileSync(configFile, Object.entries(properties).map(([name, value]) => `${name}=${value}`).join("\n") + "\n");
      const process = new NodeProcess({ name: `controller-${nodeId}`, program: CONTROLLER_BIN, args: ["--config", configFile], logFile: join(root, `controller-${nodeId}.log`) });
      const address = `127.0.0.1:${ports[index]}`;
      const client = new proto.tributary.v1.Controller(address, credentials.createInsecure(), { ...CHANNEL_OPTIONS, "grpc.initial_reconnect_backoff_ms": 100, "grpc.max_reconnect_backoff_ms": 500 });
      controllers.push({ nodeId, address, dataDir, configFile, process, client });
    }
    const brokers: BrokerHandle[] = [];
    for (let index = 0; index < brokerCount; index++) {
      const nodeId = 101 + index;
      const logDir = join(root, `broker-${nodeId}`);
      const configFile = join(root, `broker-${nodeId}.properties`);
      const address = `127.0.0.1:${brokerPorts[index]}`;
      const properties: Record<string, string> = {
        "process.roles": "broker",
        "node.id": String(nodeId),
        listeners: `PLAINTEXT://${address}`,
        "controller.quorum.voters": voters,
        "log.dirs": logDir,
        "broker.heartbeat.interval.ms": "500",
        "replica.lag.time.max.ms": "5000",
        "replica.fetch.wait.max.ms": "200",
        ...options.brokerProperties,
      };
      writeFileSync(configFile, Object.entries(properties).map(([name, value]) => `${name}=${value}`).join("\n") + "\n");
      const process = new NodeProcess({ name: `broker-${nodeId}`, program: BROKER_BIN, args: ["--config", configFile], logFile: join(root, `broker-${nodeId}.log`) });
      const client = new proto.tributary.v1.Broker(address, credentials.createInsecure(), { ...CHANNEL_OPTIONS, "grpc.initial_reconnect_backoff_ms": 100, "grpc.max_reconnect_backoff_ms": 500 });
      brokers.push({ nodeId, address, logDir, configFile, process, client });
    }
    const cluster = new TestCluster(clusterId, root, controllers, brokers);
    for (const controller of controllers) await cluster.formatNode(CONTROLLER_BIN, `controller-${controller.nodeId}`, controller.configFile);
    for (const broker of brokers) await cluster.formatNode(BROKER_BIN, `broker-${broker.nodeId}`, broker.configFile);
    for (const controller of controllers) controller.process.start();
    await cluster.activeController();
    for (const broker of brokers) broker.process.start();
    await cluster.waitForBrokers(brokers.map((broker) => broker.nodeId));
    return cluster;
  }

  /** formatNode formats a node's data directories for this cluster. */
  async formatNode(program: string, name: string, configFile: string): Promise<void> {
    const formatter = new NodeProcess({ name: `format-${name}`, program, args: ["format", "--config", configFile, "--cluster-id", this.clusterId], logFile: join(this.root, `format-${name}.log`) });
    formatter.start();
    const code = await formatter.exited();
    if (code !== 0) throw new Error(`formatting ${name} failed: ${formatter.output}`);
  }

  /** broker returns the handle of broker `nodeId`. */
  broker(nodeId: number): BrokerHandle {
    const handle = this.brokers.find((broker) => broker.nodeId === nodeId);
    if (handle === undefined) throw new Error(`no broker ${nodeId}`);
    return handle;
  }

  /** waitForBrokers waits until the given brokers are registered and unfenced. */
  async waitForBrokers(nodeIds: readonly number[], timeoutMs = 60_000): Promise<void> {
    await waitFor(`brokers ${nodeIds.join(", ")} to be unfenced`, async () => {
      const leader = await this.activeController();
      const cluster = await unaryCall(leader.client, "DescribeCluster", {}, 2_000);
      const unfenced = new Set(cluster.brokers.filter((broker) => broker.state === "BROKER_STATE_UNFENCED").map((broker) => broker.brokerId));
      return nodeIds.every((id) => unfenced.has(id)) ? true : undefined;
    }, timeoutMs);
  }

  /** anyBroker returns a running broker's client. */
  anyBroker(): BrokerHandle {
    const broker = this.brokers.find((candidate) => candidate.process.responsive);
    if (broker === undefined) throw new Error("no broker is running");
    return broker;
  }

  /** partitionLeader waits until a running broker leads `topic`-`partition` and returns it. */
  async partitionLeader(topic: string, partition: number, timeoutMs = 30_000): Promise<BrokerHandle> {
    return waitFor(`a leader for ${topic}-${partition}`, async () => {
      for (const broker of this.brokers) {
        if (!broker.process.responsive) continue;
        const metadata = await unaryCall(broker.client, "Metadata", { topics: [topic] }, 2_000).catch(() => undefined);
        const state = metadata?.topics[0]?.partitions.find((candidate) => candidate.partition === partition);
        if (state === undefined || state.leader < 0) continue;
        const leader = this.brokers.find((candidate) => candidate.nodeId === state.leader);
        if (leader?.process.responsive) return leader;
      }
      return undefined;
    }, timeoutMs);
  }

  /** controller returns the handle of controller `nodeId`. */
  controller(nodeId: number): ControllerHandle {
    const handle = this.controllers.find((controller) => controller.nodeId === nodeId);
    if (handle === undefined) throw new Error(`no controller ${nodeId}`);
    return handle;
  }

  /**
   * activeController waits until a running controller reports itself the quorum leader (through
   * DescribeQuorum, which only the leader answers) and returns it.
   */
  async activeController(timeoutMs = 30_000): Promise<ControllerHandle> {
    return waitFor("an active controller", async () => {
      for (const controller of this.controllers) {
        if (!controller.process.responsive) continue;
        try {
          const quorum = await unaryCall(controller.client, "DescribeQuorum", {}, 1_000);
          if (quorum.leaderId === controller.nodeId) return controller;
        } catch {
          // Not the leader, or not up yet.
        }
      }
      return undefined;
    }, timeoutMs);
  }

  /** stop stops every node (SIGTERM), closes clients and removes the cluster's files. */
  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    await Promise.all(this.brokers.map((broker) => broker.process.kill9()));
    await Promise.all(this.controllers.map((controller) => controller.process.stop()));
    for (const controller of this.controllers) controller.client.close();
    for (const broker of this.brokers) broker.client.close();
    if (!options.keepFiles) rmSync(this.root, { recursive: true, force: true });
  }
}
