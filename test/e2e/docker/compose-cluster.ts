import { randomBytes } from "node:crypto";
import { credentials } from "@grpc/grpc-js";
import { LogLevel, Tributary, type Admin } from "@tributary/client";
import type { BrokerClient } from "@tributary/client/internal/generated/tributary/v1/Broker";
import { CHANNEL_OPTIONS, loadProtos } from "@tributary/client/internal/wire";
import { DockerComposeEnvironment, type StartedDockerComposeEnvironment } from "testcontainers";
import { freePorts } from "../harness/ports.js";
import { waitFor } from "../harness/wait.js";
import { docker, IMAGE, REPO_ROOT } from "./docker-cli.js";

/** COMPOSE_FILES are the cluster's compose file and the tests' faster timeouts over it. */
export const COMPOSE_FILES = ["deploy/docker-compose.yml", "test/e2e/docker/compose.test.yml"] as const;

/** PROJECT_PREFIX starts every test project's name, so leftovers can be found and removed. */
export const PROJECT_PREFIX = "tributary-e2e-";

/** BROKER_IDS are the node ids of broker-1..3 in deploy/docker-compose.yml. */
export const BROKER_IDS = [101, 102, 103] as const;

/** brokerService is the compose service of broker `nodeId` (101 -> broker-1). */
export function brokerService(nodeId: number): string {
  return `broker-${nodeId - 100}`;
}

/** controllerService is the compose service of controller `nodeId`. */
export function controllerService(nodeId: number): string {
  return `controller-${nodeId}`;
}

/** PartitionView is one partition as the cluster's metadata shows it. */
export interface PartitionView {
  readonly partition: number;
  readonly leader: number;
  readonly isr: readonly number[];
}

/**
 * ComposeCluster is deploy/docker-compose.yml brought up under its own project name with the
 * tests' timeouts, brokers published on free host ports, and clients on the host. It injects
 * container faults with the docker CLI (kill, start, pause, network disconnect and reconnect) and
 * undoes the ones still in force before taking everything down, volumes included.
 */
export class ComposeCluster {
  readonly project: string;
  readonly network: string;
  /** brokerPorts are the host ports broker-1..3 are published on (and advertise as localhost). */
  readonly brokerPorts: readonly number[];
  /** client is an SDK client bootstrapped from the brokers' published (EXTERNAL) ports. */
  readonly client: Tributary;
  readonly admin: Admin;
  readonly #environment: StartedDockerComposeEnvironment;
  readonly #brokerClients: ReadonlyMap<number, BrokerClient>;
  readonly #containerIds = new Map<string, string>();
  readonly #paused = new Set<string>();
  readonly #cutOff = new Map<string, string[]>();

  private constructor(project: string, environment: StartedDockerComposeEnvironment, brokerPorts: readonly number[]) {
    this.project = project;
    this.network = `${project}_tributary`;
    this.brokerPorts = brokerPorts;
    this.#environment = environment;
    this.client = new Tributary({
      brokers: brokerPorts.map((port) => `localhost:${port}`),
      clientId: "docker-e2e",
      logLevel: LogLevel.NOTHING,
      requestTimeoutMs: 5_000,
    });
    this.admin = this.client.admin();
    const { proto } = loadProtos();
    this.#brokerClients = new Map(
      BROKER_IDS.map((nodeId, index) => [
        nodeId,
        new proto.tributary.v1.Broker(`localhost:${brokerPorts[index]}`, credentials.createInsecure(), { ...CHANNEL_OPTIONS, "grpc.max_reconnect_backoff_ms": 500 }),
      ]),
    );
  }

  /**
   * up starts the cluster with Compose v2 (`docker compose`), or v1 (`docker-compose` 1.29) when
   * `composeV1` is set, and returns once every container reports healthy.
   */
  static async up(options: { composeV1?: boolean } = {}): Promise<ComposeCluster> {
    // Ryuk's image cannot be pulled here; the tests remove what they start themselves.
    process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
    const project = `${PROJECT_PREFIX}${randomBytes(4).toString("hex")}`;
    const ports = await freePorts(3);
    const environment = await new DockerComposeEnvironment(REPO_ROOT, [...COMPOSE_FILES])
      .withProjectName(project)
      .withEnvironment({
        TRIBUTARY_IMAGE: IMAGE,
        TRIBUTARY_CLUSTER_ID: randomBytes(16).toString("base64url"),
        TRIBUTARY_HOST_IP: "127.0.0.1",
        TRIBUTARY_PORT_1: String(ports[0]),
        TRIBUTARY_PORT_2: String(ports[1]),
        TRIBUTARY_PORT_3: String(ports[2]),
      })
      .withClientOptions(options.composeV1 ? { executable: { standalone: true } } : {})
      .withStartupTimeout(120_000)
      .up();
    const cluster = new ComposeCluster(project, environment, ports);
    try {
      await cluster.admin.connect();
    } catch (error) {
      await cluster.down();
      throw error;
    }
    return cluster;
  }

  /** brokerClient is a gRPC client of broker `nodeId` through its published port. */
  brokerClient(nodeId: number): BrokerClient {
    const client = this.#brokerClients.get(nodeId);
    if (client === undefined) throw new Error(`no broker ${nodeId}`);
    return client;
  }

  /** containerId finds the container of a compose service by the labels compose puts on it. */
  async containerId(service: string): Promise<string> {
    const known = this.#containerIds.get(service);
    if (known !== undefined) return known;
    const id = await docker(["ps", "-aq", "--no-trunc", "--filter", `label=com.docker.compose.project=${this.project}`, "--filter", `label=com.docker.compose.service=${service}`]);
    if (id === "" || id.includes("\n")) throw new Error(`expected one container for ${service}, found "${id}"`);
    this.#containerIds.set(service, id);
    return id;
  }

  /** kill sends SIGKILL (`docker kill`); the restart policy leaves a killed container stopped. */
  async kill(service: string): Promise<void> {
    await docker(["kill", await this.containerId(service)]);
  }

  /** start starts a stopped container again, on its volume. */
  async start(service: string): Promise<void> {
    await docker(["start", await this.containerId(service)]);
  }

  /** pause freezes every process of a container (`docker pause`). */
  async pause(service: string): Promise<void> {
    await docker(["pause", await this.containerId(service)]);
    this.#paused.add(service);
  }

  /** unpause thaws a paused container. */
  async unpause(service: string): Promise<void> {
    await docker(["unpause", await this.containerId(service)]);
    this.#paused.delete(service);
  }

  /** disconnect cuts a container off the cluster network, remembering its DNS aliases. */
  async disconnect(service: string): Promise<void> {
    const id = await this.containerId(service);
    const aliases = JSON.parse(await docker(["inspect", "--format", `{{json (index .NetworkSettings.Networks "${this.network}").Aliases}}`, id])) as string[] | null;
    await docker(["network", "disconnect", this.network, id]);
    this.#cutOff.set(service, aliases ?? []);
  }

  /**
   * reconnect puts a container back on the network. `docker network connect` alone would bring it
   * back without the aliases compose gave it, so its service name (broker-3, which its peers and
   * the controllers know it by) would no longer resolve: they are given again explicitly. Docker
   * adds the short container id itself.
   */
  async reconnect(service: string): Promise<void> {
    const id = await this.containerId(service);
    const aliases = (this.#cutOff.get(service) ?? [service]).filter((alias) => !id.startsWith(alias));
    await docker(["network", "connect", ...aliases.flatMap((alias) => ["--alias", alias]), this.network, id]);
    this.#cutOff.delete(service);
  }

  /** resolve looks `name` up from inside `service`'s container, as its node would. */
  async resolve(service: string, name: string): Promise<string> {
    return docker(["exec", await this.containerId(service), "getent", "hosts", name]);
  }

  /** activeController waits for an active controller other than `not` and returns its id. */
  async activeController(not?: number, timeoutMs = 30_000): Promise<number> {
    return waitFor(`an active controller${not === undefined ? "" : ` other than ${not}`}`, async () => {
      const { controller } = await this.admin.describeCluster();
      return controller !== null && controller !== not ? controller : undefined;
    }, timeoutMs, 250);
  }

  /** partitions describes a topic's partitions from the brokers' metadata. */
  async partitions(topic: string): Promise<PartitionView[]> {
    const { topics } = await this.admin.fetchTopicMetadata({ topics: [topic] });
    return (topics[0]?.partitions ?? []).map((partition) => ({ partition: partition.partitionId, leader: partition.leader, isr: [...partition.isr].sort() }));
  }

  /** leaderOf waits until `topic`-`partition` has a leader (other than `not`) and returns it. */
  async leaderOf(topic: string, partition: number, not?: number, timeoutMs = 30_000): Promise<number> {
    return waitFor(`a leader of ${topic}-${partition}${not === undefined ? "" : ` other than ${not}`}`, async () => {
      const leader = (await this.partitions(topic)).find((view) => view.partition === partition)?.leader ?? -1;
      return leader >= 0 && leader !== not ? leader : undefined;
    }, timeoutMs, 250);
  }

  /**
   * waitForHealed waits until the cluster is whole again: every broker unfenced, every controller
   * caught up with the quorum leader, and every partition of `topics` led with all three brokers
   * in its ISR.
   */
  async waitForHealed(topics: readonly string[], timeoutMs = 60_000): Promise<void> {
    await waitFor("every broker unfenced", async () => {
      const { brokers } = await this.admin.describeCluster();
      return BROKER_IDS.every((id) => brokers.some((broker) => broker.nodeId === id && broker.state === "unfenced")) ? true : undefined;
    }, timeoutMs, 250);
    await waitFor("every controller caught up", async () => {
      const quorum = await this.admin.describeQuorum();
      const now = Date.now();
      const caughtUp = quorum.voters.filter((voter) => voter.lastCaughtUpTimestampMs !== null && now - voter.lastCaughtUpTimestampMs < 5_000);
      return quorum.voters.length === 3 && caughtUp.length === 3 ? true : undefined;
    }, timeoutMs, 250);
    for (const topic of topics) {
      await waitFor(`${topic}: every partition led, with a full ISR`, async () => {
        const views = await this.partitions(topic);
        return views.length > 0 && views.every((view) => view.leader >= 0 && view.isr.join(",") === BROKER_IDS.join(",")) ? true : undefined;
      }, timeoutMs, 250);
    }
  }

  /** logs returns the last lines of every container's log, for a failure message. */
  async logs(lines = 40): Promise<string> {
    const parts: string[] = [];
    for (const service of [1, 2, 3].map(controllerService).concat(BROKER_IDS.map(brokerService))) {
      const id = await this.containerId(service).catch(() => undefined);
      if (id === undefined) continue;
      const text = await docker(["logs", "--tail", String(lines), id]).catch((error: unknown) => (error as Error).message);
      parts.push(`--- ${service}\n${text}`);
    }
    return parts.join("\n");
  }

  /** down undoes faults still in force, closes the clients and removes containers, network and volumes. */
  async down(): Promise<void> {
    for (const service of [...this.#paused]) await this.unpause(service).catch(() => undefined);
    for (const service of [...this.#cutOff.keys()]) await this.reconnect(service).catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
    for (const client of this.#brokerClients.values()) client.close();
    await this.#environment.down({ removeVolumes: true, timeout: 10_000 });
  }
}
