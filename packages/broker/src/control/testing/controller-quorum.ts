import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { QuorumVoter } from "@tributary/client/internal/config";
import { formatDirectory } from "@tributary/controller/internal/node";

/** ControllerImageView is the part of a controller's metadata image a test compares with a broker's. */
export interface ControllerImageView {
  readonly offset: number;
  toSnapshotRecords(): unknown[];
}

/**
 * InProcessController is what the tests need of a running ControllerNode. (The broker package does
 * not build against the controller's node, so test files pass in a factory that starts one.)
 */
export interface InProcessController {
  readonly controller: {
    isActive(): boolean;
    whenActive(): Promise<void>;
    readonly image: ControllerImageView;
  };
  stop(options?: { transferLeadership?: boolean }): Promise<void>;
}

/** StartController starts one controller node from its config properties. */
export type StartController = (properties: ReadonlyMap<string, string>) => Promise<InProcessController>;

/** ControllerQuorumOptions shapes a test quorum. */
export interface ControllerQuorumOptions {
  readonly voterCount: number;
  readonly clusterId: string;
  /** Extra controller properties (timeouts). */
  readonly properties?: Readonly<Record<string, string>>;
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<import("node:net").Server>((resolve, reject) => {
          const server = createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Fast Raft timings for loopback tests on a busy 2-core machine. */
const TEST_TIMINGS: Readonly<Record<string, string>> = {
  "controller.quorum.tick.ms": "20",
  "controller.quorum.election.timeout.ms": "400",
  "controller.quorum.heartbeat.interval.ms": "100",
  "default.replication.factor": "1",
};

/**
 * ControllerQuorum runs a controller quorum inside the test process, on loopback ports, with data
 * directories in a fresh temporary directory that {@link ControllerQuorum.stop} removes.
 */
export class ControllerQuorum {
  readonly clusterId: string;
  readonly voters: readonly QuorumVoter[];
  readonly dir: string;
  readonly #start: StartController;
  readonly #properties: Readonly<Record<string, string>>;
  readonly #nodes = new Map<number, InProcessController>();

  private constructor(start: StartController, options: ControllerQuorumOptions, voters: QuorumVoter[], dir: string) {
    this.#start = start;
    this.clusterId = options.clusterId;
    this.voters = voters;
    this.dir = dir;
    this.#properties = { ...TEST_TIMINGS, ...options.properties };
  }

  /** start formats and starts every voter. */
  static async start(start: StartController, options: ControllerQuorumOptions): Promise<ControllerQuorum> {
    const dir = mkdtempSync(join(tmpdir(), "tributary-broker-control-"));
    const ports = await freePorts(options.voterCount);
    const voters = ports.map((port, index) => ({ nodeId: index + 1, host: "127.0.0.1", port }));
    const quorum = new ControllerQuorum(start, options, voters, dir);
    await Promise.all(voters.map((voter) => quorum.startNode(voter.nodeId)));
    return quorum;
  }

  /** node returns a running voter. */
  node(nodeId: number): InProcessController {
    const node = this.#nodes.get(nodeId);
    if (node === undefined) throw new Error(`controller ${nodeId} is not running`);
    return node;
  }

  /** runningIds lists the voters that are running. */
  runningIds(): number[] {
    return [...this.#nodes.keys()];
  }

  /** dataDir is where voter `nodeId` keeps its Raft log. */
  dataDir(nodeId: number): string {
    return join(this.dir, `controller-${nodeId}`);
  }

  /** startNode starts (or restarts) one voter. */
  async startNode(nodeId: number): Promise<void> {
    const voter = this.voters.find((candidate) => candidate.nodeId === nodeId);
    if (voter === undefined) throw new Error(`controller ${nodeId} is not a voter`);
    await formatDirectory(this.dataDir(nodeId), { clusterId: this.clusterId, nodeId });
    const properties = new Map(
      Object.entries({
        ...this.#properties,
        "node.id": String(nodeId),
        "controller.quorum.voters": this.voters.map((v) => `${v.nodeId}@${v.host}:${v.port}`).join(","),
        listeners: `CONTROLLER://${voter.host}:${voter.port}`,
        "metadata.log.dir": this.dataDir(nodeId),
      }),
    );
    this.#nodes.set(nodeId, await this.#start(properties));
  }

  /** active waits until a running voter is the active controller and returns its id. */
  async active(): Promise<number> {
    const running = [...this.#nodes.entries()];
    return Promise.any(running.map(async ([nodeId, node]) => {
      await node.controller.whenActive();
      return nodeId;
    }));
  }

  /** stopNode stops one voter (handing leadership over first, as a clean stop does). */
  async stopNode(nodeId: number, options?: { transferLeadership?: boolean }): Promise<void> {
    const node = this.node(nodeId);
    this.#nodes.delete(nodeId);
    await node.stop(options);
  }

  /** stop stops every voter and removes the data directories. */
  async stop(): Promise<void> {
    for (const nodeId of [...this.#nodes.keys()]) await this.stopNode(nodeId, { transferLeadership: false });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
