import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkDirectory, formatDirectory, randomClusterId, StorageFormatError } from "./meta-properties.js";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tributary-meta-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("data directory format", () => {
  it("formats once and accepts the same identity again", async () => {
    const dir = join(freshDir(), "nested");
    const clusterId = randomClusterId();
    expect(await formatDirectory(dir, { clusterId, nodeId: 1 })).toBe(true);
    expect(await formatDirectory(dir, { clusterId, nodeId: 1 })).toBe(false);
    expect(await checkDirectory(dir, 1, clusterId)).toEqual({ clusterId, nodeId: 1 });
  });

  it("refuses an unformatted directory, another node's and another cluster's", async () => {
    const dir = freshDir();
    await expect(checkDirectory(dir, 1)).rejects.toThrow(/not formatted/);
    await formatDirectory(dir, { clusterId: "cluster-a", nodeId: 1 });
    await expect(checkDirectory(dir, 2)).rejects.toThrow(/belongs to node 1/);
    await expect(checkDirectory(dir, 1, "cluster-b")).rejects.toThrow(/belongs to cluster cluster-a/);
    await expect(formatDirectory(dir, { clusterId: "cluster-b", nodeId: 1 })).rejects.toThrow(StorageFormatError);
  });

  it("refuses a damaged meta.properties instead of guessing", async () => {
    const dir = freshDir();
    writeFileSync(join(dir, "meta.properties"), "version=1\nnode.id=x\n");
    await expect(checkDirectory(dir, 1)).rejects.toThrow(/damaged/);
  });

  it("makes 22-character URL-safe cluster ids", () => {
    expect(randomClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
