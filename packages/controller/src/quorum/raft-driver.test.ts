/**
 * The Raft driver over real LevelDB stores and the real gRPC transport, three voters on loopback:
 * a leader is elected, proposals commit and apply everywhere in the same order, a restarted voter
 * recovers its log from disk and catches up, and a snapshot lets a wiped-behind follower resume.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, loadProtos } from "@tributary/client/internal/wire";
import { afterEach, describe, expect, it } from "vitest";
import { raftConfig } from "../raft/config.js";
import type { Entry } from "../raft/entry.js";
import { SeededRandom } from "../raft/random.js";
import type { Snapshot } from "../raft/snapshot.js";
import type { BasicStatus } from "../raft/status.js";
import { LevelRaftStore } from "./level-raft-store.js";
import { RaftDriver, type ReplicatedStateMachine } from "./raft-driver.js";
import { RaftTransport } from "./raft-transport.js";

class LogMachine implements ReplicatedStateMachine {
  applied: string[] = [];
  apply(entry: Entry): void {
    if (entry.type === "normal") this.applied.push(new TextDecoder().decode(entry.data));
  }
  restore(snapshot: Snapshot): void {
    this.applied = JSON.parse(new TextDecoder().decode(snapshot.data)) as string[];
  }
  snapshotData(): Uint8Array {
    return new TextEncoder().encode(JSON.stringify(this.applied));
  }
}

interface TestNode {
  id: number;
  driver: RaftDriver;
  machine: LogMachine;
  store: LevelRaftStore;
  transport: RaftTransport;
  server: Server;
  timer: NodeJS.Timeout;
  statusListeners: Array<(status: BasicStatus) => void>;
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    const server = new Server();
    ports.push(await new Promise((resolve, reject) => server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)))));
    server.forceShutdown();
  }
  return ports;
}

async function startNode(id: number, ports: number[], dir: string, snapshotIntervalEntries = 1_000): Promise<TestNode> {
  const voters = [1, 2, 3];
  const store = await LevelRaftStore.open(join(dir, `node-${id}`));
  const machine = new LogMachine();
  const statusListeners: Array<(status: BasicStatus) => void> = [];
  let driver: RaftDriver | undefined;
  const peers = new Map(voters.filter((v) => v !== id).map((v) => [v, `127.0.0.1:${ports[v - 1]}`] as const));
  const transport = new RaftTransport({ clusterId: "test", nodeId: id, peers, onMessage: (message) => driver?.receive(message) });
  driver = new RaftDriver({
    config: raftConfig(id, voters, { electionTimeoutTicks: 10, heartbeatIntervalTicks: 2 }),
    store,
    sender: transport,
    stateMachine: machine,
    random: new SeededRandom(id * 7919),
    snapshotIntervalEntries,
    onStatus: (status) => statusListeners.forEach((listener) => listener(status)),
  });
  const server = new Server(CHANNEL_OPTIONS);
  server.addService(loadProtos().proto.tributary.v1.Raft.service, transport.handlers());
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${ports[id - 1]}`, ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())),
  );
  const timer = setInterval(() => driver.tick(), 10);
  return { id, driver, machine, store, transport, server, timer, statusListeners };
}

async function stopNode(node: TestNode): Promise<void> {
  clearInterval(node.timer);
  node.driver.stop();
  node.transport.close();
  node.server.forceShutdown();
  await node.driver.whenIdle();
  await node.store.close();
}

function until(nodes: TestNode[], predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate()) return resolve();
    const check = () => {
      if (predicate()) {
        for (const node of nodes) node.statusListeners.splice(node.statusListeners.indexOf(check), 1);
        resolve();
      }
    };
    for (const node of nodes) node.statusListeners.push(check);
  });
}

function leaderOf(nodes: TestNode[]): TestNode | undefined {
  return nodes.find((node) => node.driver.status().role === "leader");
}

async function proposeOnLeader(nodes: TestNode[], text: string): Promise<number> {
  for (;;) {
    await until(nodes, () => leaderOf(nodes) !== undefined);
    try {
      return await leaderOf(nodes)!.driver.propose(new TextEncoder().encode(text));
    } catch {
      // Leadership moved between the check and the proposal; try the new leader.
    }
  }
}

describe("RaftDriver on LevelDB and gRPC", () => {
  it("elects a leader, commits in one order everywhere, and recovers a restarted voter from disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tributary-raft-driver-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const ports = await freePorts(3);
    const nodes = await Promise.all([1, 2, 3].map((id) => startNode(id, ports, dir)));
    cleanup.push(async () => {
      for (const node of nodes) await stopNode(node);
    });

    for (let i = 0; i < 20; i++) await proposeOnLeader(nodes, `record-${i}`);
    await until(nodes, () => nodes.every((node) => node.machine.applied.length === 20));
    const expected = Array.from({ length: 20 }, (_, i) => `record-${i}`);
    for (const node of nodes) expect(node.machine.applied).toEqual(expected);

    // Restart a follower: it reloads its log from LevelDB and the leader brings it up to date.
    const followerIndex = nodes.findIndex((node) => node.driver.status().role !== "leader");
    await stopNode(nodes[followerIndex]!);
    for (let i = 20; i < 30; i++) await proposeOnLeader(nodes.filter((_, index) => index !== followerIndex), `record-${i}`);
    nodes[followerIndex] = await startNode(nodes[followerIndex]!.id, ports, dir);
    await until(nodes, () => nodes.every((node) => node.machine.applied.length === 30));
    for (const node of nodes) expect(node.machine.applied).toEqual(Array.from({ length: 30 }, (_, i) => `record-${i}`));
  });

  it("sends a snapshot to a follower that fell behind the leader's log start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tributary-raft-driver-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const ports = await freePorts(3);
    const nodes = await Promise.all([1, 2, 3].map((id) => startNode(id, ports, dir, 5)));
    cleanup.push(async () => {
      for (const node of nodes) await stopNode(node);
    });
    await proposeOnLeader(nodes, "first");
    const followerIndex = nodes.findIndex((node) => node.driver.status().role !== "leader");
    await stopNode(nodes[followerIndex]!);
    const rest = nodes.filter((_, index) => index !== followerIndex);
    for (let i = 0; i < 25; i++) await proposeOnLeader(rest, `more-${i}`);
    expect(leaderOf(rest)!.store.firstIndex()).toBeGreaterThan(5);

    nodes[followerIndex] = await startNode(nodes[followerIndex]!.id, ports, dir, 5);
    await until(nodes, () => nodes.every((node) => node.machine.applied.length === 26));
    expect(nodes[followerIndex]!.machine.applied).toEqual(leaderOf(nodes)!.machine.applied);
  });
});
