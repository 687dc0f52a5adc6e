/**
 * The metadata checkpoint on disk: atomic replacement across page counts, and every kind of
 * damage leading to a warning and a listener that starts from offset 0.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Level } from "level";
import { MetadataImage, type MetadataRecord } from "@tributary/controller/internal/metadata";
import { afterEach, describe, expect, it } from "vitest";
import { ControllerChannel } from "./controller-channel.js";
import { MetadataCheckpointStore } from "./metadata-checkpoint.js";
import { MetadataListener } from "./metadata-listener.js";

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tributary-checkpoint-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { info: () => {}, warn: (message: string) => warnings.push(message), error: () => {} } };
}

/** imageWith builds an image with one broker and a topic of `partitions` partitions at offset 10. */
function imageWith(partitions: number): MetadataImage {
  const records: MetadataRecord[] = [
    { type: "register-broker", brokerId: 1, incarnationId: "i1", endpoints: [{ listener: "PLAINTEXT", host: "h", port: 1 }], rack: null, brokerEpoch: 2 },
    { type: "unfence-broker", brokerId: 1, brokerEpoch: 2 },
    { type: "topic", name: "big", topicId: "t-big" },
    ...Array.from({ length: partitions }, (_, partition): MetadataRecord => ({
      type: "partition", topicId: "t-big", partition, replicas: [1], isr: [1], leader: 1, leaderEpoch: 0, partitionEpoch: 0,
    })),
  ];
  return MetadataImage.fromSnapshot(records, 10);
}

async function pageKeys(directory: string): Promise<string[]> {
  const db = new Level<string, Uint8Array>(directory, { valueEncoding: "view" });
  await db.open();
  const keys: string[] = [];
  for await (const key of db.keys({ gte: "page/", lt: "page0" })) keys.push(key);
  await db.close();
  return keys;
}

async function openListener(checkpointDir: string, logger: ReturnType<typeof recordingLogger>["logger"], clusterId = "c1") {
  const channel = new ControllerChannel({ voters: [{ nodeId: 1, host: "127.0.0.1", port: 1 }] });
  cleanup.push(() => channel.close());
  const listener = await MetadataListener.open({ brokerId: 1, clusterId, channel, checkpointDir, logger, onFatal: (error) => { throw error; } });
  cleanup.push(() => listener.stop());
  return listener;
}

describe("MetadataCheckpointStore", () => {
  it("replaces a checkpoint atomically, dropping pages the new one does not need", async () => {
    const directory = join(tempDir(), "__metadata_checkpoint");
    const { logger } = recordingLogger();
    const store = await MetadataCheckpointStore.open(directory, logger);
    const big = imageWith(2_500);
    await store.write(big.offset, big.toSnapshotRecords(), "c1");
    expect(await store.load("c1")).toEqual({ offset: 10, records: big.toSnapshotRecords() });
    const small = imageWith(3);
    await store.write(12, small.toSnapshotRecords(), "c1");
    await store.close();
    expect(await pageKeys(directory)).toEqual(["page/00000000"]);

    const reopened = await MetadataCheckpointStore.open(directory, logger);
    const loaded = await reopened.load("c1");
    await reopened.close();
    expect(loaded?.offset).toBe(12);
    expect(MetadataImage.fromSnapshot(loaded!.records, 12).toSnapshotRecords()).toEqual(small.toSnapshotRecords());
  });
});

describe("a damaged checkpoint is ignored with a warning, and the listener starts from offset 0", () => {
  async function withCheckpoint(damage: (directory: string) => Promise<void> | void, clusterId = "c1") {
    const directory = join(tempDir(), "__metadata_checkpoint");
    const { logger, warnings } = recordingLogger();
    const store = await MetadataCheckpointStore.open(directory, logger);
    const image = imageWith(5);
    await store.write(image.offset, image.toSnapshotRecords(), "c1");
    await store.close();
    await damage(directory);
    const listener = await openListener(directory, logger, clusterId);
    return { listener, warnings };
  }

  it("loads an intact one", async () => {
    const { listener, warnings } = await withCheckpoint(() => {});
    expect(listener.loadedOffset).toBe(10);
    expect(listener.image.topics.topicByName("big")?.partitions).toHaveLength(5);
    expect(warnings).toEqual([]);
  });

  const damages: Array<[string, (directory: string) => Promise<void> | void]> = [
    ["a page that fails its CRC", (directory) => putRaw(directory, "page/00000000", new Uint8Array([0, 0, 0, 0, 0, 0, 0, 1, 9, 9]))],
    ["a missing page", (directory) => putRaw(directory, "page/00000000", undefined)],
    ["a meta key that is not JSON", (directory) => putRaw(directory, "meta", new TextEncoder().encode("{oops"))],
    ["another format version", (directory) => putRaw(directory, "meta", new TextEncoder().encode('{"version":9,"clusterId":"c1","offset":10,"pages":1,"records":8}'))],
    ["a LevelDB manifest LevelDB calls corrupt", (directory) => {
      const manifest = readdirSync(directory).find((name) => name.startsWith("MANIFEST"));
      writeFileSync(join(directory, manifest!), "not a manifest");
    }],
  ];
  for (const [what, damage] of damages) {
    it(`with ${what}`, async () => {
      const { listener, warnings } = await withCheckpoint(damage);
      expect(listener.loadedOffset).toBe(-1);
      expect(listener.appliedOffset).toBe(-1);
      expect(warnings).toHaveLength(1);
    });
  }

  it("for another cluster", async () => {
    const { listener, warnings } = await withCheckpoint(() => {}, "c2");
    expect(listener.loadedOffset).toBe(-1);
    expect(warnings[0]).toMatch(/cluster c1/);
  });
});

async function putRaw(directory: string, key: string, value: Uint8Array | undefined): Promise<void> {
  const db = new Level<string, Uint8Array>(directory, { valueEncoding: "view" });
  await db.open();
  if (value === undefined) await db.del(key);
  else await db.put(key, value);
  await db.close();
}
