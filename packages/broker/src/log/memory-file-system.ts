import { posix } from "node:path";
import type { FileHandle, FileSystem } from "./file-system.js";

/**
 * CrashOptions shape what a simulated crash keeps of the state that was never synced.
 * Without `random` a crash is deterministic: every unsynced byte and directory change is lost.
 */
export interface CrashOptions {
  /** random returns numbers in [0, 1); pass a seeded generator so a failing case replays. */
  readonly random?: () => number;
  /** tornWrites lets a file keep a random prefix of its unsynced bytes (default true with `random`). */
  readonly tornWrites?: boolean;
  /** garbageBytesMax appends up to this many random or zero bytes to a file with unsynced bytes. */
  readonly garbageBytesMax?: number;
}

/** FaultOperation names a handle or file-system call that {@link MemoryFileSystem.injectFault} can fail. */
export type FaultOperation = "write" | "sync" | "truncate" | "open" | "rename";

/**
 * Inode is one file's bytes: what the process sees (`data[0, length)`) and what the disk holds
 * (`durable`, as of the last sync). `dirtyFrom` is the lowest position changed since that sync.
 * Invariant: dirtyFrom === Infinity exactly when data[0, length) equals durable.
 */
interface Inode {
  data: Buffer;
  length: number;
  durable: Buffer;
  dirtyFrom: number;
}

/** Directory maps names to inodes, as the process sees them and as the disk holds them. */
interface Directory {
  readonly current: Map<string, Inode>;
  durable: Map<string, Inode>;
}

interface Fault {
  readonly operation: FaultOperation;
  readonly pathIncludes: string;
  readonly error: Error;
}

/**
 * MemoryDisk is the state behind {@link MemoryFileSystem} instances: a crash replaces the
 * instance, not the disk. Tests never touch it directly.
 */
export class MemoryDisk {
  readonly directories = new Map<string, Directory>();
  faults: Fault[] = [];
  syncGate: Promise<void> | undefined;
  /** generation counts crashes; facades and handles from an older generation are powered off. */
  generation = 0;
  fileSyncCount = 0;
  directorySyncCount = 0;
  openHandleCount = 0;
}

/**
 * MemoryFileSystem is an in-memory {@link FileSystem} for tests that models what survives a
 * power loss: file bytes survive only once synced, directory entries only once their directory
 * is synced, and {@link crash} throws away the rest (optionally keeping a torn prefix of the
 * unsynced bytes or adding a garbage tail, the two corruptions Kafka's recovery expects).
 * Directories themselves are durable on creation.
 *
 * A crash powers this instance off and returns a new one on the same disk: every later call on
 * the old instance or its handles fails, so a log abandoned mid-operation cannot keep writing
 * into the "rebooted" state. It can also fail chosen calls ({@link injectFault}) and hold fsyncs
 * ({@link holdSyncs}) so tests can interleave work with a sync in flight.
 */
export class MemoryFileSystem implements FileSystem {
  private readonly disk: MemoryDisk;
  private readonly generation: number;

  constructor(disk: MemoryDisk = new MemoryDisk()) {
    this.disk = disk;
    this.generation = disk.generation;
  }

  /** fileSyncCount counts successful fsyncs of files on this disk. */
  get fileSyncCount(): number {
    return this.disk.fileSyncCount;
  }

  /** directorySyncCount counts successful fsyncs of directories on this disk. */
  get directorySyncCount(): number {
    return this.disk.directorySyncCount;
  }

  /** openHandleCount counts handles opened since the last crash and not yet closed. */
  get openHandleCount(): number {
    return this.disk.openHandleCount;
  }

  async open(path: string, options: { readonly create: boolean }): Promise<FileHandle> {
    this.checkPowered(path);
    this.maybeFail("open", path);
    const { directory, name } = this.locate(path);
    let inode = directory.current.get(name);
    if (inode === undefined) {
      if (!options.create) throw notFound(path);
      inode = { data: Buffer.alloc(0), length: 0, durable: Buffer.alloc(0), dirtyFrom: Infinity };
      directory.current.set(name, inode);
    }
    this.disk.openHandleCount += 1;
    return new MemoryFile(this, path, inode);
  }

  async readFile(path: string): Promise<Buffer | undefined> {
    this.checkPowered(path);
    const { directory, name } = this.locate(path);
    const inode = directory.current.get(name);
    return inode === undefined ? undefined : Buffer.from(inode.data.subarray(0, inode.length));
  }

  async readdir(dir: string): Promise<string[]> {
    this.checkPowered(dir);
    const directory = this.disk.directories.get(posix.normalize(dir));
    if (directory === undefined) throw notFound(dir);
    return [...directory.current.keys()].sort();
  }

  async mkdir(dir: string): Promise<void> {
    this.checkPowered(dir);
    let path = posix.normalize(dir);
    while (!this.disk.directories.has(path)) {
      this.disk.directories.set(path, { current: new Map(), durable: new Map() });
      const parent = posix.dirname(path);
      if (parent === path) break;
      path = parent;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    this.checkPowered(from);
    this.maybeFail("rename", from);
    const source = this.locate(from);
    const target = this.locate(to);
    const inode = source.directory.current.get(source.name);
    if (inode === undefined) throw notFound(from);
    source.directory.current.delete(source.name);
    target.directory.current.set(target.name, inode);
  }

  async unlink(path: string): Promise<void> {
    this.checkPowered(path);
    const { directory, name } = this.locate(path);
    directory.current.delete(name);
  }

  async syncDirectory(dir: string): Promise<void> {
    this.checkPowered(dir);
    const directory = this.disk.directories.get(posix.normalize(dir));
    if (directory === undefined) throw notFound(dir);
    await this.disk.syncGate;
    this.checkPowered(dir);
    directory.durable = new Map(directory.current);
    this.disk.directorySyncCount += 1;
  }

  /**
   * crash simulates a power loss and returns the file system as it boots again: each file keeps
   * its synced bytes plus, with `random`, maybe a torn prefix of the unsynced ones and a garbage
   * tail; each unsynced directory change is kept or undone at random. This instance and its
   * handles are powered off for good.
   */
  crash(options: CrashOptions = {}): MemoryFileSystem {
    this.checkPowered("(crash)");
    const disk = this.disk;
    disk.generation += 1;
    disk.openHandleCount = 0;
    disk.syncGate = undefined;
    const inodes = new Set<Inode>();
    for (const directory of disk.directories.values()) {
      const names = new Set([...directory.current.keys(), ...directory.durable.keys()]);
      const survivors = new Map<string, Inode>();
      for (const name of names) {
        const now = directory.current.get(name);
        const synced = directory.durable.get(name);
        const keepNow = now === synced || (options.random !== undefined && options.random() < 0.5);
        const inode = keepNow ? now : synced;
        if (inode !== undefined) survivors.set(name, inode);
      }
      directory.current.clear();
      for (const [name, inode] of survivors) {
        directory.current.set(name, inode);
        inodes.add(inode);
      }
      directory.durable = new Map(survivors);
    }
    for (const inode of inodes) crashInode(inode, options);
    return new MemoryFileSystem(disk);
  }

  /** injectFault makes the next `operation` on a path containing `pathIncludes` throw `error`. */
  injectFault(operation: FaultOperation, pathIncludes = "", error: Error = ioError(operation)): void {
    this.disk.faults.push({ operation, pathIncludes, error });
  }

  /**
   * holdSyncs makes every file and directory fsync wait until the returned release function is
   * called, so a test can act while a flush is in flight.
   */
  holdSyncs(): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.disk.syncGate = gate;
    return () => {
      if (this.disk.syncGate === gate) this.disk.syncGate = undefined;
      release();
    };
  }

  /** durableBytes returns what a crash that loses everything unsynced would leave of `path`. */
  durableBytes(path: string): Buffer | undefined {
    const { directory, name } = this.locate(path);
    const inode = directory.durable.get(name);
    return inode === undefined ? undefined : Buffer.from(inode.durable);
  }

  /** @internal fails the call if this instance was powered off by a crash. */
  checkPowered(path: string): void {
    if (this.generation !== this.disk.generation) {
      throw Object.assign(new Error(`${path}: the file system was powered off by a simulated crash`), { code: "EIO" });
    }
  }

  /** @internal checks for an injected fault; used by handles too. */
  maybeFail(operation: FaultOperation, path: string): void {
    const index = this.disk.faults.findIndex((f) => f.operation === operation && path.includes(f.pathIncludes));
    if (index < 0) return;
    const [fault] = this.disk.faults.splice(index, 1);
    throw fault!.error;
  }

  /** @internal waits while syncs are held. */
  async waitForSyncGate(): Promise<void> {
    await this.disk.syncGate;
  }

  /** @internal counts a successful file fsync. */
  countFileSync(): void {
    this.disk.fileSyncCount += 1;
  }

  /** @internal counts a handle closed before any crash. */
  countClose(): void {
    this.disk.openHandleCount -= 1;
  }

  private locate(path: string): { directory: Directory; name: string } {
    const normalized = posix.normalize(path);
    const directory = this.disk.directories.get(posix.dirname(normalized));
    if (directory === undefined) throw notFound(path);
    return { directory, name: posix.basename(normalized) };
  }
}

/** crashInode replaces an inode's bytes by what could be on disk after a power loss. */
function crashInode(inode: Inode, options: CrashOptions): void {
  if (inode.dirtyFrom === Infinity) return;
  const random = options.random;
  let survivor: Buffer;
  if (random === undefined) {
    survivor = inode.durable;
  } else {
    const common = Math.min(inode.dirtyFrom, inode.durable.length, inode.length);
    const choice = random();
    if (choice < 1 / 3 || options.tornWrites === false) {
      survivor = inode.durable;
    } else if (choice < 2 / 3) {
      const kept = common + Math.floor(random() * (inode.length - common + 1));
      survivor = Buffer.from(inode.data.subarray(0, kept));
    } else {
      survivor = Buffer.from(inode.data.subarray(0, inode.length));
    }
    const garbageMax = options.garbageBytesMax ?? 0;
    if (garbageMax > 0 && random() < 0.5) {
      const garbage = Buffer.alloc(1 + Math.floor(random() * garbageMax));
      if (random() < 0.5) for (let i = 0; i < garbage.length; i++) garbage[i] = Math.floor(random() * 256);
      survivor = Buffer.concat([survivor, garbage]);
    }
  }
  inode.data = Buffer.from(survivor);
  inode.length = survivor.length;
  inode.durable = Buffer.from(survivor);
  inode.dirtyFrom = Infinity;
}

/** MemoryFile is a handle on an inode; it dies with its file system instance. */
class MemoryFile implements FileHandle {
  private readonly fs: MemoryFileSystem;
  private readonly path: string;
  private readonly inode: Inode;
  private closed = false;

  constructor(fs: MemoryFileSystem, path: string, inode: Inode) {
    this.fs = fs;
    this.path = path;
    this.inode = inode;
  }

  async read(position: number, length: number): Promise<Buffer> {
    this.checkAlive();
    const end = Math.min(this.inode.length, position + length);
    return Buffer.from(this.inode.data.subarray(Math.min(position, end), end));
  }

  async write(bytes: Uint8Array | readonly Uint8Array[], position: number): Promise<void> {
    this.checkAlive();
    this.fs.maybeFail("write", this.path);
    const parts = bytes instanceof Uint8Array ? [bytes] : bytes;
    let at = position;
    for (const part of parts) {
      this.ensureCapacity(at + part.length);
      if (at > this.inode.length) this.inode.data.fill(0, this.inode.length, at);
      this.inode.data.set(part, at);
      this.markDirty(Math.min(at, this.inode.length));
      at += part.length;
      this.inode.length = Math.max(this.inode.length, at);
    }
  }

  async size(): Promise<number> {
    this.checkAlive();
    return this.inode.length;
  }

  async truncate(length: number): Promise<void> {
    this.checkAlive();
    this.fs.maybeFail("truncate", this.path);
    this.ensureCapacity(length);
    if (length > this.inode.length) this.inode.data.fill(0, this.inode.length, length);
    this.markDirty(Math.min(length, this.inode.length));
    this.inode.length = length;
  }

  async sync(): Promise<void> {
    this.checkAlive();
    await this.fs.waitForSyncGate();
    this.checkAlive();
    this.fs.maybeFail("sync", this.path);
    this.inode.durable = Buffer.from(this.inode.data.subarray(0, this.inode.length));
    this.inode.dirtyFrom = Infinity;
    this.fs.countFileSync();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fs.checkPowered(this.path);
    this.fs.countClose();
  }

  private checkAlive(): void {
    if (this.closed) throw Object.assign(new Error(`${this.path}: handle is closed`), { code: "EBADF" });
    this.fs.checkPowered(this.path);
  }

  private markDirty(from: number): void {
    this.inode.dirtyFrom = Math.min(this.inode.dirtyFrom, from);
  }

  private ensureCapacity(bytes: number): void {
    if (bytes <= this.inode.data.length) return;
    const grown = Buffer.alloc(Math.max(bytes, this.inode.data.length * 2, 256));
    this.inode.data.copy(grown, 0, 0, this.inode.length);
    this.inode.data = grown;
  }
}

function notFound(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: "ENOENT" });
}

function ioError(operation: FaultOperation): Error {
  return Object.assign(new Error(`EIO: injected ${operation} failure`), { code: "EIO" });
}
