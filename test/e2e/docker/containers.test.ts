/**
 * The cluster in containers: deploy/docker-compose.yml brought up from the image, written to from
 * the host through the brokers' published EXTERNAL listeners, and then hurt the ways containers
 * get hurt: the leader of a partition killed, the active controller killed, a broker frozen
 * (`docker pause`) past its session timeout, and a partition leader cut off the network and put
 * back. Writes go on through every fault; after each one the cluster must heal (every broker
 * unfenced, every controller caught up, every ISR full) and every acknowledged write must be in
 * its partition exactly once, at its offset, in the order it was sent.
 *
 * Without a Docker engine these tests are skipped, with one line saying so; with CI=true a missing
 * engine fails the run instead.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Producer } from "@tributary/client";
import { unaryCall } from "@tributary/client/internal/wire";
import { waitFor } from "../harness/wait.js";
import { brokerService, ComposeCluster, controllerService } from "./compose-cluster.js";
import { docker, dockerEngine, ensureImage, IMAGE } from "./docker-cli.js";
import { readPartition } from "./partition-reader.js";
import { WriteLedger } from "./write-ledger.js";

const engine = await dockerEngine();
const requireEngine = process.env.CI === "true";
if (!engine.available && !requireEngine) console.log(`docker tests skipped: no Docker engine answers (${engine.detail})`);

const TOPIC = "acks";
const PARTITIONS = 3;
/** Acknowledged writes each partition must take before a fault, under it and after it. */
const WRITES = 15;

if (!engine.available && requireEngine) {
  describe("Docker engine", () => {
    it("answers (CI=true runs the docker tests)", () => {
      throw new Error(`no Docker engine answers: ${engine.detail}`);
    });
  });
}

describe.runIf(engine.available)("a cluster in containers", () => {
  let cluster: ComposeCluster | undefined;
  let producer: Producer | undefined;
  let ledger: WriteLedger | undefined;

  beforeAll(async () => {
    await ensureImage(IMAGE);
    cluster = await ComposeCluster.up();
  }, 600_000);

  afterEach(async (context) => {
    if (context.task.result?.state === "fail" && cluster !== undefined) console.log(await cluster.logs());
  });

  afterAll(async () => {
    await ledger?.stop();
    await producer?.disconnect().catch(() => undefined);
    await cluster?.down();
  }, 120_000);

  const up = (): ComposeCluster => {
    if (cluster === undefined) throw new Error("the cluster did not come up");
    return cluster;
  };
  const writes = (): WriteLedger => {
    if (ledger === undefined) throw new Error("no writes yet");
    return ledger;
  };

  /** moreAcks waits until every partition has acknowledged `count` more writes than now. */
  const moreAcks = async (what: string, count = WRITES, timeoutMs = 60_000): Promise<void> => {
    const targets = Array.from({ length: PARTITIONS }, (_, partition) => writes().ackedIn(partition).length + count);
    await waitFor(
      `${count} more acknowledged writes on every partition ${what}`,
      () => (targets.every((target, partition) => writes().ackedIn(partition).length >= target) ? true : undefined),
      timeoutMs,
      50,
    );
  };

  /** everyAckedWriteReadable reads every partition back from its leader and checks it against the ledger. */
  const everyAckedWriteReadable = async (): Promise<void> => {
    for (let partition = 0; partition < PARTITIONS; partition++) {
      const log = await waitFor(`${TOPIC}-${partition} to be readable from its leader`, async () =>
        readPartition(up().brokerClient(await up().leaderOf(TOPIC, partition)), TOPIC, partition),
      );
      expect(writes().check(partition, log)).toEqual([]);
      expect(log.length).toBeGreaterThanOrEqual(writes().ackedIn(partition).length);
    }
  };

  /** underWrites runs `fault` while the ledger writes, then waits for the cluster to heal and checks the data. */
  const underWrites = async (label: string, fault: () => Promise<void>): Promise<void> => {
    writes().start(label);
    try {
      await moreAcks(`before the fault (${label})`);
      await fault();
      await moreAcks(`after the fault (${label})`);
    } finally {
      await writes().stop();
    }
    await up().waitForHealed([TOPIC]);
    await everyAckedWriteReadable();
    console.log(`docker tests: ${label}: ${writes().ackedCount} writes acknowledged and read back so far, ${writes().failures} failed`);
  };

  it("runs every node as a non-root user, healthy, and answers host clients with host addresses", async () => {
    for (const service of ["controller-1", "broker-1"]) {
      const id = await up().containerId(service);
      expect(await docker(["inspect", "--format", "{{.Config.User}} {{.State.Health.Status}}", id])).toBe("node healthy");
      expect(await docker(["exec", id, "id", "-u"])).toBe("1000");
    }
    // From the host, a broker answers with localhost and the published ports (its EXTERNAL listener).
    const metadata = await unaryCall(up().brokerClient(101), "Metadata", { topics: [] }, 5_000);
    const addresses = metadata.brokers.map((broker) => `${broker.nodeId}@${broker.host}:${broker.port}`).sort();
    expect(addresses).toEqual(up().brokerPorts.map((port, index) => `${101 + index}@localhost:${port}`));
    // Inside the network, brokers answer on broker-N:19092 (the INTERNAL listener).
    const inside = await docker(["exec", await up().containerId("controller-1"), "node", "/app/deploy/healthcheck.mjs", "broker", "broker-2:19092"]);
    expect(inside).toContain("live brokers 101, 102, 103");
  }, 60_000);

  it("takes writes from the host with every replica in sync", async () => {
    await up().admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3 }], timeout: 15_000 });
    producer = up().client.producer({ idempotent: true, acks: -1, lingerMs: 0, timeoutMs: 5_000, deliveryTimeoutMs: 60_000 });
    await producer.connect();
    ledger = new WriteLedger(producer, TOPIC, PARTITIONS);
    await underWrites("steady", async () => {});
    expect(writes().failures).toBe(0);
  }, 120_000);

  it("keeps every acknowledged write when a partition leader's container is killed", async () => {
    await underWrites("leader-kill", async () => {
      const leader = await up().leaderOf(TOPIC, 0);
      await up().kill(brokerService(leader));
      await up().leaderOf(TOPIC, 0, leader);
      await moreAcks(`with broker ${leader} killed`);
      await up().start(brokerService(leader));
    });
  }, 150_000);

  it("keeps working when the active controller's container is killed", async () => {
    await underWrites("controller-kill", async () => {
      const active = await up().activeController();
      await up().kill(controllerService(active));
      await up().activeController(active);
      // The quorum of the other two serves metadata changes.
      await up().admin.createTopics({ topics: [{ topic: "after-controller-failover", numPartitions: 1, replicationFactor: 3 }], timeout: 15_000 });
      await moreAcks(`with controller ${active} killed`);
      await up().start(controllerService(active));
    });
    await up().waitForHealed(["after-controller-failover"]);
  }, 150_000);

  it("keeps every acknowledged write when a partition leader's container is paused past its session", async () => {
    await underWrites("leader-pause", async () => {
      const leader = await up().leaderOf(TOPIC, 1);
      await up().pause(brokerService(leader));
      await up().leaderOf(TOPIC, 1, leader);
      await moreAcks(`with broker ${leader} paused`);
      await up().unpause(brokerService(leader));
    });
  }, 150_000);

  it("keeps every acknowledged write when a partition leader is cut off the network and reconnected", async () => {
    let cutOff = -1;
    await underWrites("leader-disconnect", async () => {
      cutOff = await up().leaderOf(TOPIC, 2);
      await up().disconnect(brokerService(cutOff));
      await up().leaderOf(TOPIC, 2, cutOff);
      await moreAcks(`with broker ${cutOff} cut off`);
      await up().reconnect(brokerService(cutOff));
    });
    // Back under its service name: its peers resolve it, and followers fetch from it once it
    // leads again (a full ISR under acks=all writes needs them to).
    const service = brokerService(cutOff);
    const peer = brokerService(cutOff === 101 ? 102 : 101);
    expect(await up().resolve(peer, service)).toMatch(new RegExp(`\\s${service}(\\s|$)`));
    await up().admin.electLeaders({ type: "preferred" });
    await waitFor(`broker ${cutOff} to lead a partition again`, async () => ((await up().partitions(TOPIC)).some((view) => view.leader === cutOff) ? true : undefined), 30_000, 250);
    await underWrites("after-reconnect", async () => {});
  }, 180_000);
});
