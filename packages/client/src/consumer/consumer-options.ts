import { TributaryError } from "../errors/tributary-error.js";
import { resolveRetryOptions, type RetryOptions } from "../retry/retry-options.js";

/** ServerAssignorName names a partition assignor the group coordinator runs (KIP-848 server-side assignment). */
export type ServerAssignorName = "uniform" | "range";

/** IsolationLevelName chooses which records a consumer reads. Tributary has no transactions yet, so only read_uncommitted exists. */
export type IsolationLevelName = "read_uncommitted";

/**
 * RestartOnFailure decides, after a handler failed `retry.retries + 1` times on one message,
 * whether to try that message again (true) or to stop the consumer (false, the default).
 */
export type RestartOnFailure = (error: Error) => boolean | Promise<boolean>;

/** ConsumerOptions configure a consumer; every field has a default. */
export interface ConsumerOptions {
  /**
   * groupId joins a consumer group on `subscribe()` + `run()`, and is where offsets are
   * committed. Optional for a consumer that only uses `assign()`: without it nothing is committed.
   */
  readonly groupId?: string;
  /**
   * groupInstanceId makes the member static (KIP-345): on disconnect it leaves with epoch -2 and
   * the coordinator keeps its partitions for it until sessionTimeoutMs passes, so a restart does
   * not move partitions. Needs groupId; each running instance needs its own id.
   */
  readonly groupInstanceId?: string;
  /** sessionTimeoutMs: the coordinator removes a member it has not heard from for this long (default 45000). */
  readonly sessionTimeoutMs?: number;
  /**
   * rebalanceTimeoutMs bounds how long the member may take to release partitions taken from it,
   * in-flight handler included, before the coordinator fences it (default 60000). disconnect()
   * waits at most this long for handlers to finish.
   */
  readonly rebalanceTimeoutMs?: number;
  /** heartbeatIntervalMs until the coordinator says otherwise; it does in every heartbeat response (default 3000). */
  readonly heartbeatIntervalMs?: number;
  /** assignor asks the coordinator for an assignor; without it the coordinator's default (uniform) applies. */
  readonly assignor?: ServerAssignorName;
  /** maxBytesPerPartition bounds one partition's share of a fetch (default 1 MiB; a larger first batch still comes whole). */
  readonly maxBytesPerPartition?: number;
  /** maxBytes bounds one fetch response (default 10 MiB). */
  readonly maxBytes?: number;
  /** minBytes: a fetch waits for at least this many bytes, up to maxWaitTimeMs (default 1). */
  readonly minBytes?: number;
  /** maxWaitTimeMs is how long a fetch waits for minBytes (default 5000). */
  readonly maxWaitTimeMs?: number;
  /**
   * maxRecordsPerFetch bounds records by count (default 0: no bound). Each Fetch asks the broker
   * for at most this many (counted in whole stored batches, so a response may hold a few more);
   * the consumer enforces it exactly: no eachBatch call and no run of eachMessage calls between
   * two batch events gets more. Extra fetched records wait in the prefetch buffer.
   */
  readonly maxRecordsPerFetch?: number;
  /**
   * maxBufferedBytes bounds the prefetch buffer, all partitions together (default 32 MiB): no
   * fetch is sent while buffered records fill it, and a fetch asks for at most the room left.
   * A partition holding maxBytesPerPartition or more buffered bytes is not fetched either.
   */
  readonly maxBufferedBytes?: number;
  /** autoCommit commits processed offsets every autoCommitIntervalMs, before partitions are released, and on stop (default true). */
  readonly autoCommit?: boolean;
  /** autoCommitIntervalMs (default 5000). */
  readonly autoCommitIntervalMs?: number;
  /**
   * fromBeginning: where to start a partition without a committed offset, and where to go when
   * the position is out of range (Kafka's auto.offset.reset): earliest (true) or latest (false,
   * the default). subscribe() may override it per topic.
   */
  readonly fromBeginning?: boolean;
  /** isolation (default "read_uncommitted"). */
  readonly isolation?: IsolationLevelName;
  /** retry shapes the consumer's request retries and its retries of a failing handler. */
  readonly retry?: Partial<RetryOptions>;
  /** restartOnFailure: see {@link RestartOnFailure}. Default: never (the consumer stops and reports consumer.crash). */
  readonly restartOnFailure?: RestartOnFailure;
  /** metadataMaxAgeMs overrides the client's metadata refresh interval for this consumer. */
  readonly metadataMaxAgeMs?: number;
}

/** ResolvedConsumerOptions are ConsumerOptions with every default applied and checked. */
export interface ResolvedConsumerOptions {
  readonly groupId: string | undefined;
  readonly groupInstanceId: string | undefined;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly assignor: ServerAssignorName | undefined;
  readonly maxBytesPerPartition: number;
  readonly maxBytes: number;
  readonly minBytes: number;
  readonly maxWaitTimeMs: number;
  /** maxRecordsPerFetch is 0 for no bound. */
  readonly maxRecordsPerFetch: number;
  readonly maxBufferedBytes: number;
  readonly autoCommit: boolean;
  readonly autoCommitIntervalMs: number;
  readonly fromBeginning: boolean;
  readonly isolation: IsolationLevelName;
  readonly retry: RetryOptions;
  readonly restartOnFailure: RestartOnFailure;
}

/** INT32_MAX bounds sizes and times that travel as int32. */
const INT32_MAX = 2 ** 31 - 1;

/**
 * resolveConsumerOptions applies defaults and checks limits and their relations.
 *
 * @throws TributaryError INVALID_CONFIG naming the option and what it must be.
 */
export function resolveConsumerOptions(options: ConsumerOptions, clientRetry: RetryOptions): ResolvedConsumerOptions {
  const resolved: ResolvedConsumerOptions = {
    groupId: options.groupId,
    groupInstanceId: options.groupInstanceId,
    sessionTimeoutMs: options.sessionTimeoutMs ?? 45_000,
    rebalanceTimeoutMs: options.rebalanceTimeoutMs ?? 60_000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 3_000,
    assignor: options.assignor,
    maxBytesPerPartition: options.maxBytesPerPartition ?? 1024 * 1024,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    minBytes: options.minBytes ?? 1,
    maxWaitTimeMs: options.maxWaitTimeMs ?? 5_000,
    maxRecordsPerFetch: options.maxRecordsPerFetch ?? 0,
    maxBufferedBytes: options.maxBufferedBytes ?? 32 * 1024 * 1024,
    autoCommit: options.autoCommit ?? true,
    autoCommitIntervalMs: options.autoCommitIntervalMs ?? 5_000,
    fromBeginning: options.fromBeginning ?? false,
    isolation: options.isolation ?? "read_uncommitted",
    retry: resolveRetryOptions(options.retry, clientRetry),
    restartOnFailure: options.restartOnFailure ?? (() => false),
  };
  checkConsumerOptions(resolved);
  return resolved;
}

function checkConsumerOptions(resolved: ResolvedConsumerOptions): void {
  const fail = (message: string): never => {
    throw new TributaryError("INVALID_CONFIG", message);
  };
  if (resolved.groupId !== undefined && resolved.groupId.length === 0) fail("consumer option groupId must not be empty");
  if (resolved.groupInstanceId !== undefined) {
    if (resolved.groupInstanceId.length === 0) fail("consumer option groupInstanceId must not be empty");
    if (resolved.groupId === undefined) fail("consumer option groupInstanceId needs a groupId: static membership is membership of a group");
  }
  const positive = ["sessionTimeoutMs", "rebalanceTimeoutMs", "heartbeatIntervalMs", "maxBytesPerPartition", "maxBytes", "maxBufferedBytes", "autoCommitIntervalMs"] as const;
  for (const name of positive) {
    if (!Number.isSafeInteger(resolved[name]) || resolved[name] < 1 || resolved[name] > INT32_MAX) fail(`consumer option ${name} is ${resolved[name]}; it must be a positive integer below 2^31`);
  }
  const nonNegative = ["minBytes", "maxWaitTimeMs", "maxRecordsPerFetch"] as const;
  for (const name of nonNegative) {
    if (!Number.isSafeInteger(resolved[name]) || resolved[name] < 0 || resolved[name] > INT32_MAX) fail(`consumer option ${name} is ${resolved[name]}; it must be a non-negative integer below 2^31`);
  }
  if (resolved.heartbeatIntervalMs >= resolved.sessionTimeoutMs) {
    fail(`heartbeatIntervalMs (${resolved.heartbeatIntervalMs}) must be below sessionTimeoutMs (${resolved.sessionTimeoutMs}), or the member expires between heartbeats`);
  }
  if (resolved.minBytes > resolved.maxBytes) fail(`minBytes (${resolved.minBytes}) must not exceed maxBytes (${resolved.maxBytes})`);
  if (resolved.maxBufferedBytes < resolved.maxBytesPerPartition) {
    fail(`maxBufferedBytes (${resolved.maxBufferedBytes}) must hold at least one partition's fetch, maxBytesPerPartition (${resolved.maxBytesPerPartition})`);
  }
  if (resolved.assignor !== undefined && resolved.assignor !== "uniform" && resolved.assignor !== "range") fail(`consumer option assignor is ${String(resolved.assignor)}; use "uniform" or "range"`);
  if (resolved.isolation !== "read_uncommitted") fail(`consumer option isolation is ${String(resolved.isolation)}; Tributary has no transactions yet, so only "read_uncommitted" exists`);
}
