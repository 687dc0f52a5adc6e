/**
 * deploy/docker-compose.yml works with both Compose generations this project meets: v2 (`docker
 * compose`) and v1 (`docker-compose` 1.29, which rejects newer keys such as a top-level `name:`).
 * Both must accept the file; v1 must also bring the cluster up so that a host client can write
 * and read through the published ports.
 *
 * A missing engine or Compose program skips what needs it, with one line saying so; with CI=true
 * (where .ci/run installs both) it fails instead.
 */
import { describe, expect, it } from "vitest";
import { COMPOSE_FILES, ComposeCluster } from "./compose-cluster.js";
import { dockerEngine, ensureImage, IMAGE, run } from "./docker-cli.js";
import { readPartition } from "./partition-reader.js";

const requireAll = process.env.CI === "true";
const engine = await dockerEngine();
const versionOf = (program: string, args: readonly string[]): Promise<string | undefined> => run(program, args, { timeoutMs: 15_000 }).catch(() => undefined);
const composeV2 = await versionOf("docker", ["compose", "version", "--short"]);
const composeV1 = await versionOf("docker-compose", ["version", "--short"]);
const fileArgs = COMPOSE_FILES.flatMap((file) => ["-f", file]);

/** available says whether a prerequisite is there, printing one line when its tests are skipped. */
function available(what: string, present: boolean): boolean {
  if (!present && !requireAll) console.log(`docker tests skipped: ${what}`);
  return present || requireAll;
}

describe("deploy/docker-compose.yml", () => {
  it.runIf(available("no `docker compose` (Compose v2)", composeV2 !== undefined))("is accepted by Compose v2", async () => {
    expect(composeV2, "`docker compose` is not installed").toBeDefined();
    await run("docker", ["compose", ...fileArgs, "config", "-q"]);
  });

  it.runIf(available("no `docker-compose` (Compose v1)", composeV1 !== undefined))("is accepted by Compose v1 (1.29)", async () => {
    expect(composeV1, "`docker-compose` is not installed").toBeDefined();
    await run("docker-compose", [...fileArgs, "config", "-q"]);
  });

  it.runIf(available("Compose v1 cluster (needs a Docker engine and docker-compose)", engine.available && composeV1 !== undefined))(
    "comes up under Compose v1 and serves host clients",
    async () => {
      expect(engine.available, `no Docker engine answers: ${engine.detail}`).toBe(true);
      expect(composeV1, "`docker-compose` is not installed").toBeDefined();
      await ensureImage(IMAGE);
      const cluster = await ComposeCluster.up({ composeV1: true });
      try {
        await cluster.admin.createTopics({ topics: [{ topic: "v1", numPartitions: 1, replicationFactor: 3 }], timeout: 15_000 });
        const producer = cluster.client.producer({ idempotent: true, acks: -1 });
        await producer.connect();
        const values = Array.from({ length: 10 }, (_, index) => `v1-${index}`);
        await producer.send({ topic: "v1", messages: values.map((value) => ({ value, partition: 0 })) });
        await producer.disconnect();
        const log = await readPartition(cluster.brokerClient(await cluster.leaderOf("v1", 0)), "v1", 0);
        expect(log.map((record) => record.value)).toEqual(values);
        await cluster.waitForHealed(["v1"]);
      } finally {
        await cluster.down();
      }
    },
    300_000,
  );
});
