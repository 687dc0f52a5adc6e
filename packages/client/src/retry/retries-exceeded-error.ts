import { TributaryError } from "../errors/tributary-error.js";

/**
 * TributaryRetriesExceededError is thrown when an operation kept failing with retriable errors
 * until the retrier gave up. `code` is the last failure's code and `cause` that failure, so
 * `error.code === "NOT_LEADER_OR_FOLLOWER"` still works; `retriable` is false because retrying
 * already happened: the caller should look at the cluster, or raise `retry.retries`.
 */
export class TributaryRetriesExceededError extends TributaryError {
  /** retryCount is how many retries were made after the first attempt. */
  readonly retryCount: number;
  /** retryTimeMs is the time from the first attempt to giving up. */
  readonly retryTimeMs: number;

  constructor(cause: unknown, retryCount: number, retryTimeMs: number, operation = "the operation") {
    const last = TributaryError.from(cause);
    super(
      last.code,
      `${operation} failed after ${retryCount} ${retryCount === 1 ? "retry" : "retries"} in ${Math.round(retryTimeMs)} ms; ` +
        `last error ${last.code}: ${last.message}. Check that the cluster is healthy, or raise retry.retries / retry.maxRetryTimeMs`,
      { cause, ...(last.leaderHint ? { leaderHint: last.leaderHint } : {}) },
    );
    Object.defineProperty(this, "name", { value: "TributaryRetriesExceededError" });
    this.retryCount = retryCount;
    this.retryTimeMs = retryTimeMs;
  }

  /** retriable is false: the retrier has already retried. */
  override get retriable(): boolean {
    return false;
  }
}
