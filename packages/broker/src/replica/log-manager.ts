import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileDurably } from "@tributary/client/internal/fs";
import type { Clock } from "../log/clock.js";
import type { LogConfig } from "../log/log-config.js";
import { PartitionLog } from "../log/partition-log.js";
import { tpKey } from "./topic-partition.js";

/** TOPIC_ID_FILE records, in each partition directory, the id of the topic the data belongs to. */
const TOPIC_ID_FILE = "partition.metadata";
const DELETED_SUFFIX = ".deleted";

/** LogManagerOptions configures a {@link LogManager}. */
export interface LogManagerOptions {
  readonly logDirs: readonly string[];
  readonly clock: Clock;
  /** Log settings for a topic, from its configs and the broker's defaults. */
  readonly logConfigFor: (topic: string) => Partial<LogConfig>;
}

/**
 * LogManager owns the partition logs of this broker: one directory per partition replica
 * (`<topic>-<partition>`) spread over the log directories, opened (with crash recovery) on first
 * use and closed cleanly on shutdown. A partition directory records the topic id it was created
 * for, so that a topic deleted and re-created under the same name never inherits old records.
 */
export class LogManager {
  readonly #options: LogManagerOptions;
  readonly #logs = new Map<string, { readonly topicId: string; readonly log: Promise<PartitionLog> }>();

  constructor(options: LogManagerOptions) {
    this.#options = options;
  }

  /** existingPartitionDirectories lists `<topic>-<partition>` directories found on disk. */
  async existingPartitionDirectories(): Promise<string[]> {
    const names: string[] = [];
    for (const dir of this.#options.logDirs) {
      await mkdir(dir, { recursive: true });
      for (const name of await readdir(dir)) {
        if (name.endsWith(DELETED_SUFFIX)) await rm(join(dir, name), { recursive: true, force: true });
        else if (/^.+-\d+$/.test(name)) names.push(name);
      }
    }
    return names;
  }

  /**
   * getOrCreate opens the log of a partition, creating its directory in the emptiest log dir if
   * needed. A directory left by another incarnation of the topic is deleted first.
   */
  getOrCreate(topic: string, partition: number, topicId: string): Promise<PartitionLog> {
    const key = tpKey(topic, partition);
    const existing = this.#logs.get(key);
    if (existing !== undefined && existing.topicId === topicId) return existing.log;
    const opening = (async () => {
      if (existing !== undefined) await this.delete(topic, partition);
      const directory = await this.#directoryFor(key, topicId);
      return PartitionLog.open({ directory, clock: this.#options.clock, config: this.#options.logConfigFor(topic) });
    })();
    this.#logs.set(key, { topicId, log: opening });
    opening.catch(() => this.#logs.delete(key));
    return opening;
  }

  /** get returns an open log, or undefined. */
  get(topic: string, partition: number): Promise<PartitionLog> | undefined {
    return this.#logs.get(tpKey(topic, partition))?.log;
  }

  async #directoryFor(key: string, topicId: string): Promise<string> {
    for (const dir of this.#options.logDirs) {
      const directory = join(dir, key);
      const recorded = await readFile(join(directory, TOPIC_ID_FILE), "utf8").then(
        (text) => /topic_id=(.*)/.exec(text)?.[1]?.trim(),
        () => undefined,
      );
      if (recorded === topicId) return directory;
      if (recorded !== undefined) await this.#remove(directory);
    }
    const counts = await Promise.all(this.#options.logDirs.map(async (dir) => (await readdir(dir).catch(() => [])).length));
    const dir = this.#options.logDirs[counts.indexOf(Math.min(...counts))]!;
    const directory = join(dir, key);
    await mkdir(directory, { recursive: true });
    await writeFileDurably(join(directory, TOPIC_ID_FILE), `version=0\ntopic_id=${topicId}\n`);
    return directory;
  }

  /** delete closes a partition's log and removes its directory (topic deleted or replica moved). */
  async delete(topic: string, partition: number): Promise<void> {
    const key = tpKey(topic, partition);
    const entry = this.#logs.get(key);
    this.#logs.delete(key);
    const log = await entry?.log.catch(() => undefined);
    if (log !== undefined) await log.close().catch(() => undefined);
    for (const dir of this.#options.logDirs) await this.#remove(join(dir, key));
  }

  /** A directory is renamed aside first, so a crash mid-delete never leaves a half-deleted log in place. */
  async #remove(directory: string): Promise<void> {
    const aside = `${directory}${DELETED_SUFFIX}`;
    try {
      await rename(directory, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    await rm(aside, { recursive: true, force: true });
  }

  /** openLogs lists every open log. */
  async openLogs(): Promise<PartitionLog[]> {
    const logs = await Promise.all([...this.#logs.values()].map((entry) => entry.log.catch(() => undefined)));
    return logs.filter((log): log is PartitionLog => log !== undefined);
  }

  /** closeAll closes every log cleanly (writing clean-shutdown markers). */
  async closeAll(): Promise<void> {
    const logs = await this.openLogs();
    await Promise.all(logs.map((log) => log.close().catch(() => undefined)));
    this.#logs.clear();
  }
}
