import { Level } from "level";
import { assert } from "@tributary/client/internal/assert";
import type { Entry, EntryType } from "../raft/entry.js";
import { EMPTY_HARD_STATE, type HardState } from "../raft/hard-state.js";
import { MemoryStorage } from "../raft/memory-storage.js";
import type { Ready } from "../raft/ready.js";
import { EMPTY_SNAPSHOT, type Snapshot, type SnapshotMetadata } from "../raft/snapshot.js";
import type { RaftStorage } from "../raft/storage.js";

/**
 * Keys in the LevelDB store. Entry keys sort by index because the index is fixed-width hex.
 * - `hard-state`: term, vote and commit as JSON.
 * - `snapshot`: 8-byte index, 8-byte term, then the state machine image.
 * - `entry/<16 hex digits>`: 8-byte term, 1-byte type, then the payload.
 */
const HARD_STATE_KEY = "hard-state";
const SNAPSHOT_KEY = "snapshot";
const ENTRY_PREFIX = "entry/";
const ENTRY_TYPES: readonly EntryType[] = ["normal", "noop"];

function entryKey(index: number): string {
  return ENTRY_PREFIX + index.toString(16).padStart(16, "0");
}

function encodeEntry(entry: Entry): Uint8Array {
  const bytes = new Uint8Array(9 + entry.data.byteLength);
  const view = new DataView(bytes.buffer);
  view.setFloat64(0, entry.term);
  view.setUint8(8, ENTRY_TYPES.indexOf(entry.type));
  bytes.set(entry.data, 9);
  return bytes;
}

function decodeEntry(index: number, bytes: Uint8Array): Entry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = ENTRY_TYPES[view.getUint8(8)];
  assert(type !== undefined && bytes.byteLength >= 9, `stored entry ${index} is damaged`);
  return { index, term: view.getFloat64(0), type, data: bytes.slice(9) };
}

function encodeSnapshot(snapshot: Snapshot): Uint8Array {
  const bytes = new Uint8Array(16 + snapshot.data.byteLength);
  const view = new DataView(bytes.buffer);
  view.setFloat64(0, snapshot.metadata.index);
  view.setFloat64(8, snapshot.metadata.term);
  bytes.set(snapshot.data, 16);
  return bytes;
}

function decodeSnapshot(bytes: Uint8Array): Snapshot {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { metadata: { index: view.getFloat64(0), term: view.getFloat64(8) }, data: bytes.slice(16) };
}

type Operation = { type: "put"; key: string; value: Uint8Array } | { type: "del"; key: string };

/**
 * LevelRaftStore keeps a controller's Raft hard state, log and snapshot in LevelDB, and serves the
 * core's synchronous reads from an in-memory mirror (metadata logs are small, and compaction keeps
 * them so). Every write of one {@link Ready} goes to LevelDB as a single atomic batch, fsynced when
 * the Ready says `mustSync`, and reaches the mirror only after the batch is durable, so the core
 * never reads what a crash could take back.
 *
 * Not safe for concurrent writers: the Raft driver's serial loop is its only writer.
 */
export class LevelRaftStore implements RaftStorage {
  readonly #db: Level<string, Uint8Array>;
  readonly #memory: MemoryStorage;

  private constructor(db: Level<string, Uint8Array>, memory: MemoryStorage) {
    this.#db = db;
    this.#memory = memory;
  }

  /** open opens (creating if needed) the store in `directory` and loads it into memory. */
  static async open(directory: string): Promise<LevelRaftStore> {
    const db = new Level<string, Uint8Array>(directory, { keyEncoding: "utf8", valueEncoding: "view" });
    await db.open();
    const hardStateBytes = await db.get(HARD_STATE_KEY);
    const hardState: HardState =
      hardStateBytes === undefined ? EMPTY_HARD_STATE : (JSON.parse(Buffer.from(hardStateBytes).toString("utf8")) as HardState);
    const snapshotBytes = await db.get(SNAPSHOT_KEY);
    const snapshot = snapshotBytes === undefined ? EMPTY_SNAPSHOT : decodeSnapshot(snapshotBytes);
    const memory = new MemoryStorage();
    if (snapshot.metadata.index > 0) memory.applySnapshot(snapshot);
    const entries: Entry[] = [];
    for await (const [key, value] of db.iterator({ gt: entryKey(snapshot.metadata.index), lt: ENTRY_PREFIX + "~" })) {
      const index = parseInt(key.slice(ENTRY_PREFIX.length), 16);
      assert(index === snapshot.metadata.index + entries.length + 1, `stored log has a gap before entry ${index}`);
      entries.push(decodeEntry(index, value));
    }
    memory.append(entries);
    memory.setHardState({ ...hardState, vote: hardState.vote ?? undefined });
    return new LevelRaftStore(db, memory);
  }

  /** close closes the database. */
  async close(): Promise<void> {
    await this.#db.close();
  }

  // ----- RaftStorage: reads, from the mirror -----

  initialHardState(): HardState {
    return this.#memory.initialHardState();
  }
  snapshotMetadata(): SnapshotMetadata {
    return this.#memory.snapshotMetadata();
  }
  snapshot(): Snapshot {
    return this.#memory.snapshot();
  }
  firstIndex(): number {
    return this.#memory.firstIndex();
  }
  lastIndex(): number {
    return this.#memory.lastIndex();
  }
  term(index: number): number {
    return this.#memory.term(index);
  }
  entries(lo: number, hi: number, maxBytes: number): readonly Entry[] {
    return this.#memory.entries(lo, hi, maxBytes);
  }

  // ----- Writes -----

  /**
   * persist writes what `ready` asks for (snapshot, then entries, then hard state) as one atomic
   * LevelDB batch, fsynced when `ready.mustSync`, then updates the mirror.
   */
  async persist(ready: Ready): Promise<void> {
    const operations: Operation[] = [];
    const lastIndex = this.#memory.lastIndex();
    if (ready.snapshot !== undefined) {
      operations.push({ type: "put", key: SNAPSHOT_KEY, value: encodeSnapshot(ready.snapshot) });
      for (let index = this.#memory.firstIndex(); index <= lastIndex; index++) operations.push({ type: "del", key: entryKey(index) });
    }
    const first = ready.entries[0];
    if (first !== undefined) {
      const storedLast = ready.snapshot === undefined ? lastIndex : 0;
      for (let index = first.index + ready.entries.length; index <= storedLast; index++) operations.push({ type: "del", key: entryKey(index) });
      for (const entry of ready.entries) operations.push({ type: "put", key: entryKey(entry.index), value: encodeEntry(entry) });
    }
    if (ready.hardState !== undefined) {
      operations.push({ type: "put", key: HARD_STATE_KEY, value: Buffer.from(JSON.stringify({ ...ready.hardState, vote: ready.hardState.vote ?? null })) });
    }
    if (operations.length === 0) return;
    await this.#db.batch(operations, { sync: ready.mustSync });
    this.#memory.saveReady(ready);
  }

  /**
   * compact records `data` (the state machine image as of `index`, which must be applied and
   * committed) as the snapshot and deletes the log prefix it covers, durably.
   */
  async compact(index: number, data: Uint8Array): Promise<Snapshot> {
    const previousFirst = this.#memory.firstIndex();
    const snapshot: Snapshot = { metadata: { index, term: this.#memory.term(index) }, data };
    const operations: Operation[] = [{ type: "put", key: SNAPSHOT_KEY, value: encodeSnapshot(snapshot) }];
    for (let entry = previousFirst; entry <= index; entry++) operations.push({ type: "del", key: entryKey(entry) });
    await this.#db.batch(operations, { sync: true });
    return this.#memory.compact(index, data);
  }
}
