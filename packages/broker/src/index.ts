/**
 * @tributary/broker: the broker's storage and serving layers.
 *
 * Log storage (DESIGN.md decisions 1-3): one {@link PartitionLog} per partition replica, a
 * directory of segments named by 20-digit base offset (`.log`, sparse `.index`, `.timeindex`)
 * plus checkpoint files. Batches are Kafka RecordBatch v2 bytes, stored and served as they are.
 */

/** PartitionLog is one partition replica's log: appends, reads, truncation, retention, flush, recovery. */
export { PartitionLog } from "./log/partition-log.js";
/** Options and listener types of {@link PartitionLog}. */
export type { PartitionLogOptions } from "./log/partition-log.js";
/** DurableEndOffsetListener hears every change of a log's durable end offset. */
export type { DurableEndOffsetListener } from "./log/durable-end-offset.js";
/** Results of appends, reads and timestamp lookups. */
export type { LogAppendInfo, LogReadResult, ReadOptions, TimestampOffset } from "./log/log-results.js";
/** LogRecoveryReport says how an open found the log (clean or recovered, what was cut). */
export type { LogRecoveryReport } from "./log/log-loader.js";

/** LogConfig, its defaults, Kafka property names and validation. */
export { DEFAULT_LOG_CONFIG, KAFKA_LOG_CONFIG_NAMES, resolveLogConfig } from "./log/log-config.js";
/** See {@link LogConfig} and {@link FsyncPolicy}. */
export type { FsyncPolicy, LogConfig } from "./log/log-config.js";

/** Typed errors the log throws for conditions callers act on. */
export { LogClosedError, LogFailedError, OffsetOutOfRangeError, StaleLeaderEpochError, UnexpectedAppendOffsetError } from "./log/log-errors.js";

/** The leader-epoch cache's answers for OffsetForLeaderEpoch, and Kafka's "undefined" values. */
export { UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET } from "./log/leader-epoch-cache.js";
/** See {@link UNDEFINED_EPOCH}. */
export type { EpochEndOffset, EpochEntry } from "./log/leader-epoch-cache.js";

/** The narrow file API under the log, its Node implementation and the crash-simulating fake for tests. */
export { NodeFileSystem } from "./log/node-file-system.js";
/** See {@link NodeFileSystem}. */
export { MemoryFileSystem } from "./log/memory-file-system.js";
/** See {@link NodeFileSystem}. */
export type { CrashOptions, FaultOperation } from "./log/memory-file-system.js";
/** See {@link NodeFileSystem}. */
export type { FileHandle, FileSystem } from "./log/file-system.js";

/** Clock injects time into the log (roll by age, retention by time). */
export { systemClock } from "./log/clock.js";
/** See {@link systemClock}. */
export type { Clock } from "./log/clock.js";
