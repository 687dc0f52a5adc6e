import { mkdir, rm } from "node:fs/promises";
import { Level } from "level";
import { assert } from "@tributary/client/internal/assert";
import { decodeMetadataRecord, encodeMetadataRecord, type MetadataRecord } from "@tributary/controller/internal/metadata";
import { CheckpointCorruptError, decodeCheckpointPage, encodeCheckpointPage } from "./checkpoint-codec.js";
import type { Logger } from "./logger.js";

/** METADATA_CHECKPOINT_DIR is the checkpoint's directory name under the broker's first log dir. */
export const METADATA_CHECKPOINT_DIR = "__metadata_checkpoint";

/** CHECKPOINT_FORMAT_VERSION is the `version` of the meta key; a reader refuses others. */
export const CHECKPOINT_FORMAT_VERSION = 1;

/** Records per page: pages stay well under LevelDB's comfortable value size, whatever the image. */
const RECORDS_PER_PAGE = 1_000;

const META_KEY = "meta";
const PAGE_PREFIX = "page/";
/** The first key after every page key ('0' follows '/'). */
const PAGE_END = "page0";

function pageKey(index: number): string {
  return PAGE_PREFIX + index.toString().padStart(8, "0");
}

/** MetadataCheckpoint is a saved image: its records, replayed at `offset`, rebuild it. */
export interface MetadataCheckpoint {
  readonly offset: number;
  readonly records: readonly MetadataRecord[];
}

interface CheckpointMeta {
  readonly version: number;
  readonly clusterId: string | null;
  readonly offset: number;
  readonly pages: number;
  readonly records: number;
}

function parseMeta(bytes: Uint8Array): CheckpointMeta {
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new CheckpointCorruptError(`the meta key is not UTF-8 JSON (${(error as Error).message})`);
  }
  const fields = meta as Partial<Record<keyof CheckpointMeta, unknown>>;
  const count = (value: unknown) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
  if (typeof meta !== "object" || meta === null) throw new CheckpointCorruptError("the meta key is not an object");
  if (fields.version !== CHECKPOINT_FORMAT_VERSION) throw new CheckpointCorruptError(`format version ${String(fields.version)} is not ${CHECKPOINT_FORMAT_VERSION}`);
  if (!count(fields.offset) || !count(fields.pages) || !count(fields.records)) throw new CheckpointCorruptError("the meta key's counts are not non-negative integers");
  if (fields.clusterId !== null && typeof fields.clusterId !== "string") throw new CheckpointCorruptError("the meta key's cluster id is not a string");
  return fields as CheckpointMeta;
}

/**
 * MetadataCheckpointStore keeps a broker's metadata image on disk so that a restart resumes the
 * metadata stream where it stopped instead of from offset 0 (DESIGN.md decision 5).
 *
 * Format (LevelDB, `<first log dir>/__metadata_checkpoint`):
 * - `meta`: UTF-8 JSON `{"version":1,"clusterId":...,"offset":N,"pages":P,"records":R}`, where N
 *   is the offset of the last batch the image includes;
 * - `page/00000000` ... `page/<P-1>`: the image's snapshot records (MetadataImage
 *   .toSnapshotRecords, encoded by the metadata record codec), 1,000 per page, in the layout of
 *   `checkpoint-codec.ts`.
 * A checkpoint is written as one LevelDB batch with `sync: true` — every page, the deletion of
 * pages the previous one had beyond the new count, and the meta key — so a crash leaves either the
 * old checkpoint or the new one, never a mix.
 *
 * Not safe for concurrent writes: its owner serializes them.
 */
export class MetadataCheckpointStore {
  readonly #db: Level<string, Uint8Array>;
  /** Page keys on disk; the next write deletes those it does not rewrite. */
  #storedPages: Set<string>;

  private constructor(db: Level<string, Uint8Array>, storedPages: Set<string>) {
    this.#db = db;
    this.#storedPages = storedPages;
  }

  /**
   * open opens (creating if needed) the store in `directory`. A database LevelDB reports as
   * corrupt is only a cache of the controllers' log: it is wiped, with a warning, and recreated.
   */
  static async open(directory: string, logger: Logger): Promise<MetadataCheckpointStore> {
    await mkdir(directory, { recursive: true });
    let db: Level<string, Uint8Array>;
    try {
      db = await openLevel(directory);
    } catch (error) {
      if (!isCorruption(error)) throw error;
      logger.warn(`metadata checkpoint in ${directory} is damaged (${(error as Error).message}); discarding it`);
      await rm(directory, { recursive: true, force: true });
      db = await openLevel(directory);
    }
    const storedPages = new Set<string>();
    for await (const key of db.keys({ gte: PAGE_PREFIX, lt: PAGE_END })) storedPages.add(key);
    return new MetadataCheckpointStore(db, storedPages);
  }

  /**
   * load returns the stored checkpoint, or undefined when there is none.
   *
   * @throws CheckpointCorruptError when it is damaged, of another format version, or of another
   *   cluster than `clusterId` (when given). The caller starts from an empty image then.
   */
  async load(clusterId?: string): Promise<MetadataCheckpoint | undefined> {
    const metaBytes = await this.#db.get(META_KEY);
    if (metaBytes === undefined) return undefined;
    const meta = parseMeta(metaBytes);
    if (clusterId !== undefined && meta.clusterId !== null && meta.clusterId !== clusterId) {
      throw new CheckpointCorruptError(`it belongs to cluster ${meta.clusterId}, not ${clusterId}`);
    }
    const keys = Array.from({ length: meta.pages }, (_, index) => pageKey(index));
    const pages = keys.length === 0 ? [] : await this.#db.getMany(keys);
    const records: MetadataRecord[] = [];
    for (const [index, page] of pages.entries()) {
      if (page === undefined) throw new CheckpointCorruptError(`page ${index} of ${meta.pages} is missing`);
      for (const bytes of decodeCheckpointPage(page, `page ${index}`)) {
        try {
          records.push(decodeMetadataRecord(bytes));
        } catch (error) {
          throw new CheckpointCorruptError(`page ${index} holds a bad record: ${(error as Error).message}`);
        }
      }
    }
    if (records.length !== meta.records) throw new CheckpointCorruptError(`it holds ${records.length} records, its meta says ${meta.records}`);
    return { offset: meta.offset, records };
  }

  /** write replaces the stored checkpoint with `records` at `offset`, atomically and durably. */
  async write(offset: number, records: readonly MetadataRecord[], clusterId?: string): Promise<void> {
    assert(Number.isSafeInteger(offset) && offset >= 0, `checkpoint offset ${offset} is not a metadata offset`);
    const operations: Array<{ type: "put"; key: string; value: Uint8Array } | { type: "del"; key: string }> = [];
    const pages = new Set<string>();
    for (let start = 0, index = 0; start < records.length; start += RECORDS_PER_PAGE, index++) {
      const key = pageKey(index);
      pages.add(key);
      operations.push({ type: "put", key, value: encodeCheckpointPage(records.slice(start, start + RECORDS_PER_PAGE).map(encodeMetadataRecord)) });
    }
    for (const key of this.#storedPages) if (!pages.has(key)) operations.push({ type: "del", key });
    const meta: CheckpointMeta = { version: CHECKPOINT_FORMAT_VERSION, clusterId: clusterId ?? null, offset, pages: pages.size, records: records.length };
    operations.push({ type: "put", key: META_KEY, value: new TextEncoder().encode(JSON.stringify(meta)) });
    await this.#db.batch(operations, { sync: true });
    this.#storedPages = pages;
  }

  /** close closes the database. */
  async close(): Promise<void> {
    await this.#db.close();
  }
}

async function openLevel(directory: string): Promise<Level<string, Uint8Array>> {
  const db = new Level<string, Uint8Array>(directory, { keyEncoding: "utf8", valueEncoding: "view" });
  await db.open();
  return db;
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const causeCode = ((error as { cause?: unknown } | null)?.cause as { code?: unknown } | undefined)?.code;
  return code === "LEVEL_CORRUPTION" || causeCode === "LEVEL_CORRUPTION";
}
