import { BATCH_HEADER_BYTES } from "@tributary/client/internal/record";
import { TributaryError } from "@tributary/client/internal/errors";

/**
 * FsyncPolicy says when appended bytes are forced to disk (decision 3 of DESIGN.md):
 *
 * - `"on-flush"` (default): data is fsynced when {@link PartitionLog.flush} runs. Concurrent
 *   flushes share one fsync (group commit). The replication layer flushes before it reports a
 *   durable end offset, so `acks=all` means "on disk on every in-sync replica".
 * - `"on-append"`: every append waits for a group-committed fsync before it resolves. For
 *   single-node setups that want each acknowledged append on disk without calling flush.
 * - `"never"`: flush does not fsync; the durable end offset is the log end offset, so durability
 *   rests on replication alone (Kafka's default, `flush.messages` = infinity). A crash loses the
 *   unsynced tail, and the replica must catch up from the leader before it rejoins the ISR.
 *   Rolled segments are still fsynced in the background and at close, so crash recovery only
 *   rescans the active segment.
 */
export type FsyncPolicy = "on-flush" | "on-append" | "never";

/**
 * LogConfig holds the limits of one partition log. Every field carries its unit; defaults are
 * Kafka's (property names in {@link KAFKA_LOG_CONFIG_NAMES}).
 *
 * Invariant: BATCH_HEADER_BYTES <= batchBytesMax <= segmentBytesMax <= 2^31 - 1, so a batch
 * always fits an empty segment and every file position fits the 4-byte index field.
 */
export interface LogConfig {
  /** segmentBytesMax rolls the active segment before it would grow past this size. */
  readonly segmentBytesMax: number;
  /** segmentMsMax rolls a non-empty active segment once its first batch is this old. */
  readonly segmentMsMax: number;
  /** indexIntervalBytes is how many log bytes lie between two sparse offset-index entries. */
  readonly indexIntervalBytes: number;
  /** retentionMs deletes segments whose newest batch is older than this; -1 keeps them. */
  readonly retentionMs: number;
  /** retentionBytes deletes the oldest segments while the log is larger than this; -1 keeps them. */
  readonly retentionBytes: number;
  /** batchBytesMax rejects larger batches on leader appends (followers store what leaders stored). */
  readonly batchBytesMax: number;
  /** fsyncPolicy says when data reaches the disk; see {@link FsyncPolicy}. */
  readonly fsyncPolicy: FsyncPolicy;
}

/** DEFAULT_LOG_CONFIG is Kafka's topic-level defaults, with fsync on flush (decision 3). */
export const DEFAULT_LOG_CONFIG: LogConfig = {
  segmentBytesMax: 1024 * 1024 * 1024,
  segmentMsMax: 7 * 24 * 60 * 60 * 1000,
  indexIntervalBytes: 4096,
  retentionMs: 7 * 24 * 60 * 60 * 1000,
  retentionBytes: -1,
  batchBytesMax: 1024 * 1024 + 12,
  fsyncPolicy: "on-flush",
};

/** KAFKA_LOG_CONFIG_NAMES maps each field to the Kafka topic property it stands for. */
export const KAFKA_LOG_CONFIG_NAMES: { readonly [K in keyof LogConfig]: string } = {
  segmentBytesMax: "segment.bytes",
  segmentMsMax: "segment.ms",
  indexIntervalBytes: "index.interval.bytes",
  retentionMs: "retention.ms",
  retentionBytes: "retention.bytes",
  batchBytesMax: "max.message.bytes",
  fsyncPolicy: "flush.messages",
};

/** POSITION_MAX is the largest file position a 4-byte index entry can hold. */
const POSITION_MAX = 0x7fff_ffff;

/**
 * resolveLogConfig fills `overrides` with defaults and checks the relations between fields.
 *
 * @throws TributaryError INVALID_CONFIG naming the first bad field.
 */
export function resolveLogConfig(overrides: Partial<LogConfig> = {}): LogConfig {
  const merged: LogConfig = { ...DEFAULT_LOG_CONFIG, ...overrides };
  // A small segment size caps the default batch limit, so that every accepted batch fits a segment.
  const config: LogConfig =
    overrides.batchBytesMax === undefined ? { ...merged, batchBytesMax: Math.min(merged.batchBytesMax, merged.segmentBytesMax) } : merged;
  const check = (ok: boolean, field: keyof LogConfig, rule: string): void => {
    if (!ok) {
      throw new TributaryError("INVALID_CONFIG", `${field} (${KAFKA_LOG_CONFIG_NAMES[field]}) = ${String(config[field])}: ${rule}`);
    }
  };
  check(isInteger(config.segmentBytesMax, BATCH_HEADER_BYTES, POSITION_MAX), "segmentBytesMax", `must be an integer in [${BATCH_HEADER_BYTES}, ${POSITION_MAX}]`);
  check(isInteger(config.batchBytesMax, BATCH_HEADER_BYTES, config.segmentBytesMax), "batchBytesMax", "must be an integer between the batch header size and segmentBytesMax");
  check(isInteger(config.segmentMsMax, 1, Number.MAX_SAFE_INTEGER), "segmentMsMax", "must be a positive integer");
  check(isInteger(config.indexIntervalBytes, 0, POSITION_MAX), "indexIntervalBytes", "must be a non-negative integer");
  check(isInteger(config.retentionMs, -1, Number.MAX_SAFE_INTEGER), "retentionMs", "must be -1 (unlimited) or a non-negative integer");
  check(isInteger(config.retentionBytes, -1, Number.MAX_SAFE_INTEGER), "retentionBytes", "must be -1 (unlimited) or a non-negative integer");
  check(["on-flush", "on-append", "never"].includes(config.fsyncPolicy), "fsyncPolicy", 'must be "on-flush", "on-append" or "never"');
  return config;
}

function isInteger(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
