import { constants } from "node:fs";
import { open, readdir, mkdir, rename, rm, readFile } from "node:fs/promises";
import type { FileHandle as NodeFileHandle } from "node:fs/promises";
import type { FileHandle, FileSystem } from "./file-system.js";

/** NodeFileSystem is the real {@link FileSystem}, on `node:fs/promises`. */
export class NodeFileSystem implements FileSystem {
  /** open opens read-write without O_APPEND, since every write names its position. */
  async open(path: string, options: { readonly create: boolean }): Promise<FileHandle> {
    const flags = constants.O_RDWR | (options.create ? constants.O_CREAT : 0);
    return new NodeFile(await open(path, flags, 0o644));
  }

  /** readFile returns undefined for a missing file. */
  async readFile(path: string): Promise<Buffer | undefined> {
    try {
      return await readFile(path);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** readdir lists names. */
  async readdir(dir: string): Promise<string[]> {
    return readdir(dir);
  }

  /** mkdir is `mkdir -p`. */
  async mkdir(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
  }

  /** rename is rename(2), atomic within one file system. */
  async rename(from: string, to: string): Promise<void> {
    await rename(from, to);
  }

  /** unlink ignores a missing file. */
  async unlink(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** syncDirectory fsyncs the directory itself, which persists its entries on Linux. */
  async syncDirectory(dir: string): Promise<void> {
    const handle = await open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/** NodeFile adapts a Node FileHandle, looping over short reads and writes. */
class NodeFile implements FileHandle {
  private readonly handle: NodeFileHandle;

  constructor(handle: NodeFileHandle) {
    this.handle = handle;
  }

  async read(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(buffer, filled, length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === length ? buffer : buffer.subarray(0, filled);
  }

  async write(bytes: Uint8Array | readonly Uint8Array[], position: number): Promise<void> {
    if (bytes instanceof Uint8Array) {
      let written = 0;
      while (written < bytes.length) {
        const result = await this.handle.write(bytes, written, bytes.length - written, position + written);
        written += result.bytesWritten;
      }
      return;
    }
    // One writev for many buffers; libuv already loops over partial writes, this guards the rest.
    let pending = bytes.slice();
    let at = position;
    while (pending.length > 0) {
      const { bytesWritten } = await this.handle.writev(pending, at);
      at += bytesWritten;
      pending = dropPrefix(pending, bytesWritten);
    }
  }

  async size(): Promise<number> {
    return (await this.handle.stat()).size;
  }

  async truncate(length: number): Promise<void> {
    await this.handle.truncate(length);
  }

  async sync(): Promise<void> {
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** dropPrefix removes the first `count` bytes from a list of buffers. */
function dropPrefix(buffers: readonly Uint8Array[], count: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  let skip = count;
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    rest.push(skip === 0 ? buffer : buffer.subarray(skip));
    skip = 0;
  }
  return rest;
}

/** isNotFound tells whether `error` is Node's ENOENT. */
export function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ENOENT";
}
