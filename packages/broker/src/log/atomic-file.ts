import { posix } from "node:path";
import type { FileSystem } from "./file-system.js";

/** TMP_SUFFIX marks a half-written replacement; the loader deletes leftovers. */
export const TMP_SUFFIX = ".tmp";

/**
 * writeFileAtomically replaces `path` with `bytes` so that after a crash the file holds either
 * the old or the new bytes, never a mix: write a temporary file, fsync it, rename it over the
 * target, fsync the directory (never rely on `fs.writeFile` atomicity; notes 5.6).
 */
export async function writeFileAtomically(fs: FileSystem, path: string, bytes: Uint8Array): Promise<void> {
  const tmp = path + TMP_SUFFIX;
  const handle = await fs.open(tmp, { create: true });
  try {
    await handle.truncate(0);
    await handle.write(bytes, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, path);
  await fs.syncDirectory(posix.dirname(path));
}
