import type { FileHandle, FileSystem } from "../file-system.js";

/**
 * InstrumentedFileSystem wraps a {@link FileSystem} to count handle calls and to hold a read, so
 * tests can check I/O patterns (one read per fetch, one write per append) and interleave a read
 * with a mutation deterministically.
 */
export class InstrumentedFileSystem implements FileSystem {
  private readonly inner: FileSystem;
  private readGate: Promise<void> | undefined;
  private syncGate: Promise<void> | undefined;
  /** reads, writes and syncs count handle calls since the last {@link resetCounts}. */
  reads = 0;
  /** See {@link reads}. */
  writes = 0;
  /** See {@link reads}. */
  syncs = 0;

  constructor(inner: FileSystem) {
    this.inner = inner;
  }

  /** resetCounts zeroes the counters. */
  resetCounts(): void {
    this.reads = 0;
    this.writes = 0;
    this.syncs = 0;
  }

  /** holdNextRead makes the next handle read wait until the returned function is called. */
  holdNextRead(): () => void {
    let release!: () => void;
    this.readGate = new Promise((resolve) => (release = resolve));
    return release;
  }

  /** holdNextSync makes the next handle fsync wait until the returned function is called. */
  holdNextSync(): () => void {
    let release!: () => void;
    this.syncGate = new Promise((resolve) => (release = resolve));
    return release;
  }

  async open(path: string, options: { readonly create: boolean }): Promise<FileHandle> {
    const handle = await this.inner.open(path, options);
    return {
      read: async (position, length) => {
        this.reads += 1;
        const gate = this.readGate;
        this.readGate = undefined;
        await gate;
        return handle.read(position, length);
      },
      write: async (bytes, position) => {
        this.writes += 1;
        return handle.write(bytes, position);
      },
      size: () => handle.size(),
      truncate: (length) => handle.truncate(length),
      sync: async () => {
        this.syncs += 1;
        const gate = this.syncGate;
        this.syncGate = undefined;
        await gate;
        return handle.sync();
      },
      close: () => handle.close(),
    };
  }

  readFile(path: string): Promise<Buffer | undefined> {
    return this.inner.readFile(path);
  }
  readdir(dir: string): Promise<string[]> {
    return this.inner.readdir(dir);
  }
  mkdir(dir: string): Promise<void> {
    return this.inner.mkdir(dir);
  }
  rename(from: string, to: string): Promise<void> {
    return this.inner.rename(from, to);
  }
  unlink(path: string): Promise<void> {
    return this.inner.unlink(path);
  }
  syncDirectory(dir: string): Promise<void> {
    return this.inner.syncDirectory(dir);
  }
}
