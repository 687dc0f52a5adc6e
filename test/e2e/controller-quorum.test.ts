/**
 * The controller quorum as separate processes: three controllers elect a leader; killing the
 * leader (SIGKILL) yields a new one and loses no committed metadata; all three killed and
 * restarted at once come back with every committed record; a controller whose data directory was
 * wiped refuses to start instead of voting with an empty log. The test plays three brokers over
 * the Controller service to have real metadata to commit.
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { decodeMetadataRecord, type MetadataRecord } from "@tributary/controller/internal/metadata";
import { unaryCall } from "@tributary/client/internal/wire";
import type { ControllerClient } from "@tributary/client/internal/generated/tributary/v1/Controller";
import type { MetadataChunk__Output } from "@tributary/client/internal/generated/tributary/v1/MetadataChunk";
import { TestCluster, type ControllerHandle } from "./harness/cluster.js";
import { waitFor } from "./harness/wait.js";

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

/** withLeader retries an operation against the active controller across leader changes. */
async function withLeader<T>(cluster: TestCluster, operation: (client: ControllerClient) => Promise<T>): Promise<T> {
  return waitFor("the operation to succeed on the active controller", async () => {
    const leader = await cluster.activeController();
    return await operation(leader.client);
  });
}

async function registerBrokers(cluster: TestCluster, ids: number[]): Promise<void> {
  for (const brokerId of ids) {
    const { brokerEpoch } = await withLeader(cluster, (client) =>
      unaryCall(client, "RegisterBroker", {
        clusterId: cluster.clusterId,
        brokerId,
        incarnationId: `incarnation-${brokerId}-${Date.now()}`,
        endpoints: [{ listener: "PLAINTEXT", host: "127.0.0.1", port: 19000 + brokerId }],
      }, 5_000),
    );
    await waitFor(`broker ${brokerId} to be unfenced`, async () => {
      const reply = await withLeader(cluster, (client) =>
        unaryCall(client, "BrokerHeartbeat", { brokerId, brokerEpoch, currentMetadataOffset: "1000000" }, 5_000),
      );
      return reply.isFenced ? undefined : true;
    });
  }
}

/** readMetadataLog reads every committed record from a controller's metadata stream. */
function readMetadataLog(controller: ControllerHandle): Promise<{ snapshot: MetadataRecord[]; records: MetadataRecord[]; highWatermark: number }> {
  return new Promise((resolve, reject) => {
    const snapshot: MetadataRecord[] = [];
    const records: MetadataRecord[] = [];
    let lastOffset = 0;
    const stream = controller.client.StreamMetadata({ fromOffset: "0", brokerId: -1 });
    stream.on("data", (chunk: MetadataChunk__Output) => {
      if (chunk.snapshot !== null) {
        snapshot.push(...chunk.snapshot.records.map((bytes) => decodeMetadataRecord(bytes)));
        lastOffset = Number(chunk.snapshot.lastOffset);
      }
      for (const batch of chunk.batches) {
        records.push(...batch.records.map((bytes) => decodeMetadataRecord(bytes)));
        lastOffset = Number(batch.offset);
      }
      if (lastOffset >= Number(chunk.highWatermark)) {
        stream.cancel();
        resolve({ snapshot, records, highWatermark: Number(chunk.highWatermark) });
      }
    });
    stream.on("error", (error: Error & { code?: number }) => {
      if (error.code !== 1) reject(error); // 1 = CANCELLED, our own doing
    });
  });
}

function topicNames(log: { snapshot: MetadataRecord[]; records: MetadataRecord[] }): string[] {
  return [...log.snapshot, ...log.records].filter((record) => record.type === "topic").map((record) => (record as { name: string }).name).sort();
}

async function createTopic(cluster: TestCluster, name: string): Promise<void> {
  const response = await withLeader(cluster, (client) =>
    unaryCall(client, "CreateTopics", { topics: [{ name, numPartitions: 3, replicationFactor: 3 }] }, 10_000),
  );
  expect(response.topics[0]?.error?.name).toBe("NONE");
}

describe("controller quorum (3 processes)", () => {
  it("elects a leader, survives a SIGKILL of the leader without losing committed metadata", async () => {
    cluster = await TestCluster.start();
    const first = await cluster.activeController();
    await registerBrokers(cluster, [101, 102, 103]);
    await createTopic(cluster, "before-kill");

    await first.process.kill9();
    const second = await cluster.activeController();
    expect(second.nodeId).not.toBe(first.nodeId);
    expect(topicNames(await readMetadataLog(second))).toEqual(["before-kill"]);

    // The old leader returns as a follower and catches up.
    first.process.start();
    await createTopic(cluster, "after-kill");
    await waitFor("the restarted controller to catch up", async () => {
      const names = topicNames(await readMetadataLog(first));
      return names.length === 2 ? names : undefined;
    });
    expect(topicNames(await readMetadataLog(first))).toEqual(["after-kill", "before-kill"]);
  });

  it("comes back with every committed record after all three are killed at once", async () => {
    cluster = await TestCluster.start();
    await registerBrokers(cluster, [101, 102, 103]);
    for (let i = 0; i < 5; i++) await createTopic(cluster, `topic-${i}`);
    const before = await readMetadataLog(await cluster.activeController());

    await Promise.all(cluster.controllers.map((controller) => controller.process.kill9()));
    for (const controller of cluster.controllers) controller.process.start();
    const leader = await cluster.activeController();
    const after = await readMetadataLog(leader);
    expect(topicNames(after)).toEqual(topicNames(before));
    expect(after.highWatermark).toBeGreaterThan(before.highWatermark); // the new leader's no-op
  });

  it("refuses to start a controller whose data directory was wiped", async () => {
    cluster = await TestCluster.start();
    const victim = cluster.controllers.find((controller) => controller.nodeId === 3)!;
    await victim.process.kill9();
    rmSync(victim.dataDir, { recursive: true, force: true });
    victim.process.start();
    expect(await victim.process.exited()).not.toBe(0);
    expect(victim.process.output).toMatch(/not formatted/);
  });
});
