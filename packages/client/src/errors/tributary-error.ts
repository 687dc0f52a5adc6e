import { ERRORS, isErrorName, type ErrorName } from "./error-codes.js";

/** LeaderHint points a caller at the node that can serve its request. */
export interface LeaderHint {
  readonly nodeId: number;
  /** host:port, when the sender knows it. */
  readonly endpoint?: string;
  /** The leader epoch (partitions) or Raft term (controllers) the hint is from. */
  readonly epoch?: number;
}

/**
 * TributaryError is the one error class for conditions a caller can act on. `code` is the stable
 * name from the shared table; `retriable` and `refreshMetadata` come from the table, so they cannot
 * disagree with the code. Transport and library errors are wrapped with {@link TributaryError.from}
 * so callers only ever handle this type (or an AssertionError, which is a bug).
 */
export class TributaryError extends Error {
  override readonly name = "TributaryError";
  /** code is the error's stable Kafka-style name. */
  readonly code: ErrorName;
  /** leaderHint says where to retry for NOT_LEADER_OR_FOLLOWER and NOT_CONTROLLER. */
  readonly leaderHint: LeaderHint | undefined;

  constructor(code: ErrorName, message?: string, options?: { cause?: unknown; leaderHint?: LeaderHint }) {
    super(message ?? ERRORS[code].hint, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.leaderHint = options?.leaderHint;
  }

  /** retriable tells whether the same request may succeed if sent again. */
  get retriable(): boolean {
    return ERRORS[this.code].retriable;
  }

  /** refreshMetadata tells whether the caller's view of leadership is stale. */
  get refreshMetadata(): boolean {
    return ERRORS[this.code].refreshMetadata;
  }

  /** wireCode is the numeric code sent on the wire. */
  get wireCode(): number {
    return ERRORS[this.code].code;
  }

  /** from wraps anything thrown into a TributaryError, keeping it as the cause. */
  static from(error: unknown): TributaryError {
    if (error instanceof TributaryError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && isErrorName(code)) {
      return new TributaryError(code, (error as Error).message, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new TributaryError("UNKNOWN_SERVER_ERROR", message, { cause: error });
  }
}
