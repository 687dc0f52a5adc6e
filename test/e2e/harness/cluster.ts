import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { credentials } from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, loadProtos, unaryCall } from "@tributary/client/internal/wire";
import type { ControllerClient } from "@tributary/client/internal/generated/tributary/v1/Controller";
import { NodeProcess } from "./node-process.js";
import { freePorts } from "./ports.js";
import { waitFor } from "./wait.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** CONTROLLER_BIN is the built controller program the harness runs (`npm run build` first). */
export const CONTROLLER_BIN = join(repoRoot, "packages/controller/dist/bin/tributary-controller.js");

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

  private constructor(clusterId: string, root: string, controllers: ControllerHandle[]) {
    this.clusterId = clusterId;
    this.root = root;
    this.controllers = controllers;
  }

  /** start launches the cluster and waits until the controller quorum has a leader. */
  static async start(options: ClusterOptions = {}): Promise<TestCluster> {
    const count = options.controllers ?? 3;
    const root = mkdtempSync(join(tmpdir(), "tributary-e2e-"));
    const ports = await freePorts(count);
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
    const cluster = new TestCluster(clusterId, root, controllers);
    for (const controller of controllers) await cluster.formatController(controller);
    for (const controller of controllers) controller.process.start();
    await cluster.activeController();
    return cluster;
  }

  /** formatController formats a controller's data directory for this cluster. */
  async formatController(controller: ControllerHandle): Promise<void> {
    const formatter = new NodeProcess({
      name: `format-${controller.nodeId}`,
      program: CONTROLLER_BIN,
      args: ["format", "--config", controller.configFile, "--cluster-id", this.clusterId],
      logFile: join(this.root, `format-${controller.nodeId}.log`),
    });
    formatter.start();
    const code = await formatter.exited();
    if (code !== 0) throw new Error(`formatting controller ${controller.nodeId} failed: ${formatter.output}`);
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
        if (!controller.process.running) continue;
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
    await Promise.all(this.controllers.map((controller) => controller.process.stop()));
    for (const controller of this.controllers) controller.client.close();
    if (!options.keepFiles) rmSync(this.root, { recursive: true, force: true });
  }
}
