import { TributaryError } from "../errors/tributary-error.js";

/** ItemFailure is one item of a multi-item request that failed, named as a user would name it. */
export interface ItemFailure {
  /** item names the topic, partition, group or resource, e.g. "orders-3" or "group payments". */
  readonly item: string;
  readonly error: TributaryError;
}

/**
 * TributaryAggregateError is thrown when some items of a multi-item request (topics of
 * createTopics, partitions of a ListOffsets, groups of deleteGroups) failed. `code` and
 * `retriable` are the first failure's; `failures` lists every failed item with its own error, and
 * the message names them all with what to do.
 */
export class TributaryAggregateError extends TributaryError {
  readonly failures: readonly ItemFailure[];

  constructor(operation: string, failures: readonly ItemFailure[]) {
    const first = failures[0];
    if (first === undefined) throw new RangeError("an aggregate error needs at least one failure");
    const detail = failures.map((failure) => `${failure.item}: ${failure.error.code} (${failure.error.message})`).join("; ");
    super(first.error.code, `${operation} failed for ${failures.length} ${failures.length === 1 ? "item" : "items"}: ${detail}`, {
      cause: first.error,
      ...(first.error.leaderHint ? { leaderHint: first.error.leaderHint } : {}),
    });
    Object.defineProperty(this, "name", { value: "TributaryAggregateError" });
    this.failures = failures;
  }

  /** of returns the single failure's own error, or an aggregate of several. */
  static of(operation: string, failures: readonly ItemFailure[]): TributaryError {
    return failures.length === 1 && failures[0] !== undefined ? failures[0].error : new TributaryAggregateError(operation, failures);
  }
}
