import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * replicaLogBytes concatenates a partition replica's segment files (`*.log`, in base-offset
 * order) straight from a broker's log directory: what a replica stores, byte for byte.
 */
export function replicaLogBytes(logDir: string, topic: string, partition: number): Buffer {
  const dir = join(logDir, `${topic}-${partition}`);
  const segments = readdirSync(dir).filter((name) => name.endsWith(".log")).sort();
  return Buffer.concat(segments.map((name) => readFileSync(join(dir, name))));
}
