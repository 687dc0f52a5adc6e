/**
 * FileSystem is the narrow file API the log uses (decision 2), so that tests can swap in
 * {@link MemoryFileSystem}, which loses unsynced bytes on a simulated crash. Paths are absolute
 * or relative to the process, joined with `node:path`.
 *
 * Durability contract (POSIX): bytes written through a handle survive a crash only after
 * {@link FileHandle.sync}; a created, renamed or unlinked name survives only after
 * {@link FileSystem.syncDirectory} on its directory. An unlinked file stays readable through
 * handles that are still open.
 */
export interface FileSystem {
  /** open opens `path` for reading and writing, creating an empty file when `create` is set. */
  open(path: string, options: { readonly create: boolean }): Promise<FileHandle>;
  /** readFile returns the whole file, or undefined when it does not exist. */
  readFile(path: string): Promise<Buffer | undefined>;
  /** readdir lists the names (not paths) in `dir`. */
  readdir(dir: string): Promise<string[]>;
  /** mkdir creates `dir` and missing parents; an existing directory is fine. */
  mkdir(dir: string): Promise<void>;
  /** rename atomically replaces `to` with `from`. */
  rename(from: string, to: string): Promise<void>;
  /** unlink removes `path`; a missing file is fine. */
  unlink(path: string): Promise<void>;
  /** syncDirectory makes creates, renames and unlinks in `dir` durable. */
  syncDirectory(dir: string): Promise<void>;
}

/**
 * FileHandle is an open file. All I/O is positioned: the log tracks its own write positions, so
 * concurrent reads never move a shared cursor.
 */
export interface FileHandle {
  /**
   * read returns up to `length` bytes from `position`, fewer only at end of file. The buffer is
   * the caller's to slice and keep.
   */
  read(position: number, length: number): Promise<Buffer>;
  /** write writes all of `bytes` (one buffer or several, in order) at `position`. */
  write(bytes: Uint8Array | readonly Uint8Array[], position: number): Promise<void>;
  /** size returns the current length in bytes. */
  size(): Promise<number>;
  /** truncate cuts (or zero-extends) the file to `length` bytes. */
  truncate(length: number): Promise<void>;
  /** sync forces the file's data to disk (fsync). */
  sync(): Promise<void>;
  /** close releases the handle; later calls on it fail. */
  close(): Promise<void>;
}
