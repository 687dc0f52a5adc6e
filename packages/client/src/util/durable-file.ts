import { open, rename } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * writeFileDurably replaces `path` with `contents` so that after a crash the file holds either
 * the old or the new contents, never a mix: write a temporary file, fsync it, rename it over the
 * target, fsync the directory. (`fs.writeFile` alone promises neither atomicity nor durability.)
 */
export async function writeFileDurably(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${path}.tmp`;
  const file = await open(temporary, "w");
  try {
    await file.writeFile(contents);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/** syncDirectory fsyncs a directory so that creates, renames and unlinks in it are durable. */
export async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, "r");
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
