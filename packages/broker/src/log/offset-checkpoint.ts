import { writeFileAtomically } from "./atomic-file.js";
import type { FileSystem } from "./file-system.js";

/** CHECKPOINT_VERSION is the first line of every checkpoint file, as in Kafka's format. */
const CHECKPOINT_VERSION = "0";

/**
 * writeOffsetCheckpoint atomically stores one offset as the text `0\n<offset>\n` (a version line,
 * then the value), so an operator can read it with `cat`.
 */
export async function writeOffsetCheckpoint(fs: FileSystem, path: string, offset: bigint): Promise<void> {
  await writeFileAtomically(fs, path, Buffer.from(`${CHECKPOINT_VERSION}\n${offset}\n`, "utf8"));
}

/**
 * readOffsetCheckpoint returns the stored offset, or undefined when the file is missing or not in
 * the expected shape. Callers then fall back to the conservative choice (recover everything,
 * start at the first segment), so a damaged checkpoint costs time, never data.
 */
export async function readOffsetCheckpoint(fs: FileSystem, path: string): Promise<bigint | undefined> {
  const bytes = await fs.readFile(path);
  if (bytes === undefined) return undefined;
  const lines = bytes.toString("utf8").split("\n");
  const value = lines[1];
  if (lines[0] !== CHECKPOINT_VERSION || value === undefined || !/^\d+$/.test(value)) return undefined;
  return BigInt(value);
}
