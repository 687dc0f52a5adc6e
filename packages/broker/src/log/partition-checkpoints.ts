import { posix } from "node:path";
import { writeFileAtomically } from "./atomic-file.js";
import type { FileSystem } from "./file-system.js";
import type { LeaderEpochCache } from "./leader-epoch-cache.js";
import { writeOffsetCheckpoint } from "./offset-checkpoint.js";
import { PartitionFile } from "./segment-files.js";
import { SerialQueue } from "./serial-queue.js";

/** OffsetCheckpointName names the single-offset checkpoint files of a partition directory. */
export type OffsetCheckpointName =
  | typeof PartitionFile.logStartOffsetCheckpoint
  | typeof PartitionFile.recoveryPointCheckpoint
  | typeof PartitionFile.highWatermarkCheckpoint;

/**
 * PartitionCheckpoints writes a partition's checkpoint files, each atomically, one write at a
 * time: two overlapping atomic writes of one file would share its temporary file. Each write
 * takes its value when it starts, so the last write always stores the latest value.
 */
export class PartitionCheckpoints {
  private readonly fs: FileSystem;
  private readonly directory: string;
  private readonly writes = new SerialQueue();

  constructor(fs: FileSystem, directory: string) {
    this.fs = fs;
    this.directory = directory;
  }

  /** writeOffset stores `value()` as read when the write begins. */
  async writeOffset(name: OffsetCheckpointName, value: () => bigint): Promise<bigint> {
    return this.writes.run(async () => {
      const offset = value();
      await writeOffsetCheckpoint(this.fs, this.path(name), offset);
      return offset;
    });
  }

  /** writeEpochCache stores the cache's entries as they are when the write begins. */
  async writeEpochCache(cache: LeaderEpochCache): Promise<void> {
    await this.writes.run(() => writeFileAtomically(this.fs, this.path(PartitionFile.leaderEpochCheckpoint), Buffer.from(cache.toCheckpointText(), "utf8")));
  }

  /** writeCleanShutdownMarker marks the directory as closed cleanly; written last on close. */
  async writeCleanShutdownMarker(): Promise<void> {
    await this.writes.run(() => writeFileAtomically(this.fs, this.path(PartitionFile.cleanShutdownMarker), new Uint8Array(0)));
  }

  /** idle resolves once every write requested so far has settled. */
  async idle(): Promise<void> {
    await this.writes.idle();
  }

  private path(name: string): string {
    return posix.join(this.directory, name);
  }
}
