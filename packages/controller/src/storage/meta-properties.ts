import { randomBytes } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseProperties } from "@tributary/client/internal/config";
import { writeFileDurably } from "@tributary/client/internal/fs";

/** META_PROPERTIES_FILE is the name of the file that marks a formatted data directory. */
export const META_PROPERTIES_FILE = "meta.properties";

/** NodeIdentity is what a formatted directory belongs to. */
export interface NodeIdentity {
  readonly clusterId: string;
  readonly nodeId: number;
}

/**
 * StorageFormatError says a data directory cannot be used by this node: it is not formatted, or
 * it belongs to another cluster or node. The node must refuse to start: voting or serving with an
 * empty or foreign log is how acknowledged data gets lost.
 */
export class StorageFormatError extends Error {
  override readonly name = "StorageFormatError";
}

/** randomClusterId returns a new cluster id: 16 random bytes in URL-safe base64, as Kafka's. */
export function randomClusterId(): string {
  return randomBytes(16).toString("base64url");
}

/** isValidClusterId accepts what {@link randomClusterId} makes and other short, printable ids. */
export function isValidClusterId(clusterId: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(clusterId);
}

/** readMetaProperties reads a directory's identity, or undefined when it is not formatted. */
export async function readMetaProperties(directory: string): Promise<NodeIdentity | undefined> {
  let text: string;
  try {
    text = await readFile(join(directory, META_PROPERTIES_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const properties = parseProperties(text, join(directory, META_PROPERTIES_FILE));
  const clusterId = properties.get("cluster.id") ?? "";
  const nodeId = Number(properties.get("node.id"));
  if (properties.get("version") !== "1" || !isValidClusterId(clusterId) || !Number.isSafeInteger(nodeId)) {
    throw new StorageFormatError(`${join(directory, META_PROPERTIES_FILE)} is damaged; refusing to guess its identity`);
  }
  return { clusterId, nodeId };
}

/**
 * formatDirectory marks `directory` as belonging to `identity`, like `kafka-storage format`.
 * Formatting a directory again with the same identity is a no-op (so start scripts may always
 * call it); with another identity it is refused.
 *
 * @returns whether the directory was newly formatted.
 */
export async function formatDirectory(directory: string, identity: NodeIdentity): Promise<boolean> {
  if (!isValidClusterId(identity.clusterId)) throw new StorageFormatError(`"${identity.clusterId}" is not a valid cluster id`);
  await mkdir(directory, { recursive: true });
  const existing = await readMetaProperties(directory);
  if (existing !== undefined) {
    if (existing.clusterId === identity.clusterId && existing.nodeId === identity.nodeId) return false;
    throw new StorageFormatError(
      `${directory} is already formatted for cluster ${existing.clusterId} node ${existing.nodeId}; refusing to format it for cluster ${identity.clusterId} node ${identity.nodeId}`,
    );
  }
  const contents = `# Written by tributary format. Do not edit.\nversion=1\ncluster.id=${identity.clusterId}\nnode.id=${identity.nodeId}\n`;
  await writeFileDurably(join(directory, META_PROPERTIES_FILE), contents);
  return true;
}

/**
 * checkDirectory verifies at start-up that `directory` was formatted for this node (and, when
 * given, this cluster) and returns its identity.
 *
 * @throws StorageFormatError when it is unformatted or belongs to another node or cluster.
 */
export async function checkDirectory(directory: string, nodeId: number, clusterId?: string): Promise<NodeIdentity> {
  const identity = await readMetaProperties(directory);
  if (identity === undefined) {
    throw new StorageFormatError(`${directory} is not formatted; run \`tributary-controller format\` (or \`tributary-broker format\`) for it first`);
  }
  if (identity.nodeId !== nodeId) {
    throw new StorageFormatError(`${directory} belongs to node ${identity.nodeId}, not node ${nodeId}`);
  }
  if (clusterId !== undefined && identity.clusterId !== clusterId) {
    throw new StorageFormatError(`${directory} belongs to cluster ${identity.clusterId}, not ${clusterId}`);
  }
  return identity;
}
