import { TributaryError } from "@tributary/client/internal/errors";

/**
 * OffsetOutOfRangeError says a read, lookup or delete named an offset outside the log. It carries
 * the valid range so the caller can reset (consumers) or truncate and refetch (followers).
 * For reads the valid range is [logStartOffset, logEndOffset]; reading at logEndOffset returns
 * nothing rather than failing.
 */
export class OffsetOutOfRangeError extends TributaryError {
  /** requestedOffset is the offset the caller asked for. */
  readonly requestedOffset: bigint;
  /** logStartOffset is the first offset the log still holds. */
  readonly logStartOffset: bigint;
  /** logEndOffset is the offset the next appended record will get. */
  readonly logEndOffset: bigint;

  constructor(requestedOffset: bigint, logStartOffset: bigint, logEndOffset: bigint, what = "offset") {
    super("OFFSET_OUT_OF_RANGE", `${what} ${requestedOffset} is outside the log's range [${logStartOffset}, ${logEndOffset}]`);
    this.requestedOffset = requestedOffset;
    this.logStartOffset = logStartOffset;
    this.logEndOffset = logEndOffset;
  }
}

/**
 * StaleLeaderEpochError refuses an append whose leader epoch is older than the newest epoch the
 * log has recorded (decision 6: a stale token gets a specific error, never a silent accept).
 * On a leader it means the caller was deposed; on a follower it means the log diverged from the
 * leader's and must be truncated by epoch first.
 */
export class StaleLeaderEpochError extends TributaryError {
  /** leaderEpoch is the epoch the append carried. */
  readonly leaderEpoch: number;
  /** latestEpoch is the newest epoch in the log's epoch cache. */
  readonly latestEpoch: number;

  constructor(leaderEpoch: number, latestEpoch: number) {
    super("FENCED_LEADER_EPOCH", `leader epoch ${leaderEpoch} is older than the log's latest epoch ${latestEpoch}`);
    this.leaderEpoch = leaderEpoch;
    this.latestEpoch = latestEpoch;
  }
}

/**
 * UnexpectedAppendOffsetError refuses a follower append whose batches do not continue the log
 * exactly: the first batch must start at the log end offset and each next batch right after the
 * previous one. The fetcher should truncate or refetch from `expectedOffset`. Broker-internal,
 * like Kafka's UnexpectedAppendOffsetException; it never travels on the wire.
 */
export class UnexpectedAppendOffsetError extends Error {
  override readonly name = "UnexpectedAppendOffsetError";
  /** expectedOffset is where the next batch had to start. */
  readonly expectedOffset: bigint;
  /** actualOffset is where it did start. */
  readonly actualOffset: bigint;

  constructor(expectedOffset: bigint, actualOffset: bigint) {
    super(`follower append must continue the log at offset ${expectedOffset}, but a batch starts at ${actualOffset}`);
    this.expectedOffset = expectedOffset;
    this.actualOffset = actualOffset;
  }
}

/**
 * LogFailedError says the log stopped serving after an I/O error left its on-disk state unknown
 * (a failed write or fsync: after a failed fsync the page cache may have dropped the data, so
 * retrying it would lie). Like Kafka's offline log directory, the partition must be reopened,
 * which runs crash recovery; `cause` is the original error.
 */
export class LogFailedError extends Error {
  override readonly name = "LogFailedError";

  constructor(directory: string, cause: unknown) {
    super(`log ${directory} is offline after an I/O error; reopen it to recover`, { cause });
  }
}

/** LogClosedError says the log was closed (or is closing) when the operation arrived. */
export class LogClosedError extends Error {
  override readonly name = "LogClosedError";

  constructor(directory: string) {
    super(`log ${directory} is closed`);
  }
}
