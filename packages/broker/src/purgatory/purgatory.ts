import { assert } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import { EXPIRED } from "./delayed-operation.js";
import type { DelayedOperation } from "./delayed-operation.js";
import type { Scheduler } from "./scheduler.js";

/** PurgatoryKey is what operations wait on: a value compared by identity in a Map, so a string such as `orders-3`, never an object. */
export type PurgatoryKey = string | number | bigint;

/** PurgatoryOptions configure one purgatory. */
export interface PurgatoryOptions {
  /** name says which purgatory this is (`produce`, `fetch`) in errors. */
  readonly name: string;
  /** scheduler supplies time and expiry timers. */
  readonly scheduler: Scheduler;
  /** watchedOperationsMax bounds the operations waiting at once; past it new ones are refused. */
  readonly watchedOperationsMax: number;
  /**
   * onCallbackError hears an exception thrown by an operation's tryComplete or onComplete. The
   * purgatory carries on with the other operations (one broken callback must not leave others
   * hanging); an operation whose tryComplete threw keeps waiting until it expires.
   */
  readonly onCallbackError: (error: unknown, operation: DelayedOperation) => void;
}

/**
 * Purgatory holds delayed operations until they can complete (Kafka's DelayedOperationPurgatory).
 * An operation watches one or more keys (for produce and fetch: the partitions it waits on); the
 * broker calls {@link checkAndComplete} for a key when something happened to it (the high
 * watermark moved, data was appended, leadership changed), and the purgatory re-checks only the
 * operations watching that key. Each operation also has a timer that expires it.
 *
 * Memory: a completed operation leaves every watcher list and its timer at once, however it
 * completed (Kafka purges completed operations lazily; eager removal is cheap here since an
 * operation knows its keys), and a key without operations is dropped. Invariant:
 * {@link watchedOperations} equals the number of waiting operations, each in the list of each of
 * its keys. Bounded: at most `watchedOperationsMax` operations wait at once.
 *
 * Synchronous and single-threaded, like everything in Node: callbacks may re-enter the purgatory
 * (an onComplete that appends and checks another key), which is why lists are copied before they
 * are walked.
 */
export class Purgatory<K extends PurgatoryKey> {
  readonly #options: PurgatoryOptions;
  readonly #watchers = new Map<K, Set<DelayedOperation>>();
  #watchedOperations = 0;
  #shutDown = false;

  constructor(options: PurgatoryOptions) {
    assert(Number.isSafeInteger(options.watchedOperationsMax) && options.watchedOperationsMax > 0, `watchedOperationsMax ${options.watchedOperationsMax} must be a positive integer`);
    this.#options = options;
  }

  /** watchedOperations is the number of operations waiting. */
  get watchedOperations(): number {
    return this.#watchedOperations;
  }

  /** watchedKeys is the number of keys with at least one waiting operation. */
  get watchedKeys(): number {
    return this.#watchers.size;
  }

  /** watchersOf returns how many waiting operations watch `key`. */
  watchersOf(key: K): number {
    return this.#watchers.get(key)?.size ?? 0;
  }

  /**
   * tryCompleteElseWatch completes `operation` now if it can; otherwise makes it wait on `keys` and
   * arms its expiry timer. Returns true when it completed now. Kafka tries again after watching to
   * close a race with other threads; with one thread, nothing can change in between.
   *
   * @throws TributaryError RESOURCE_LIMIT_EXCEEDED when `watchedOperationsMax` operations already
   *   wait, or SHUTTING_DOWN after {@link shutdown}; the operation is then neither completed nor
   *   watched, and the caller answers its request with the error.
   */
  tryCompleteElseWatch(operation: DelayedOperation, keys: readonly K[]): boolean {
    assert(keys.length > 0, "a delayed operation must watch at least one key");
    assert(!operation.isCompleted, "a completed operation cannot be watched");
    if (this.#shutDown) throw new TributaryError("SHUTTING_DOWN", `the ${this.#options.name} purgatory is shut down`);
    if (this.#tryComplete(operation)) return true;
    if (this.#watchedOperations >= this.#options.watchedOperationsMax) {
      throw new TributaryError("RESOURCE_LIMIT_EXCEEDED", `the ${this.#options.name} purgatory already holds ${this.#watchedOperations} waiting requests`);
    }
    const uniqueKeys = [...new Set(keys)];
    for (const key of uniqueKeys) {
      let watchers = this.#watchers.get(key);
      if (watchers === undefined) this.#watchers.set(key, (watchers = new Set()));
      watchers.add(operation);
    }
    this.#watchedOperations++;
    const cancelTimer = this.#options.scheduler.schedule(this.#options.scheduler.nowMs() + operation.timeoutMs, () => this.#expire(operation));
    operation.watchedBy(() => {
      cancelTimer();
      this.#unwatch(operation, uniqueKeys);
    });
    return false;
  }

  /**
   * checkAndComplete re-checks the operations watching `key` and returns how many completed. Call it
   * whenever something an operation on `key` may wait for has happened.
   */
  checkAndComplete(key: K): number {
    const watchers = this.#watchers.get(key);
    if (watchers === undefined) return 0;
    let completed = 0;
    for (const operation of [...watchers]) {
      if (!operation.isCompleted && this.#tryComplete(operation)) completed++;
    }
    return completed;
  }

  /**
   * cancelAll completes every operation watching `key` as cancelled with `error` (for a replica
   * this broker stops serving) and returns how many it completed. Operations watching other keys
   * too are completed as well: a request is answered whole.
   */
  cancelAll(key: K, error: TributaryError): number {
    const watchers = this.#watchers.get(key);
    if (watchers === undefined) return 0;
    return this.#cancel([...watchers], error);
  }

  /**
   * shutdown refuses new operations and completes every waiting one as cancelled with
   * SHUTTING_DOWN, so no request hangs while the broker stops. Returns how many it completed.
   */
  shutdown(): number {
    this.#shutDown = true;
    const waiting = new Set<DelayedOperation>();
    for (const watchers of this.#watchers.values()) for (const operation of watchers) waiting.add(operation);
    const cancelled = this.#cancel([...waiting], new TributaryError("SHUTTING_DOWN", `the broker is shutting down; ${this.#options.name} request not completed`));
    assert(this.#watchedOperations === 0 && this.#watchers.size === 0, `the ${this.#options.name} purgatory still holds operations after shutdown`);
    return cancelled;
  }

  #cancel(operations: readonly DelayedOperation[], error: TributaryError): number {
    let cancelled = 0;
    for (const operation of operations) {
      if (this.#guard(operation, () => operation.forceComplete({ kind: "cancelled", error }))) cancelled++;
    }
    return cancelled;
  }

  #expire(operation: DelayedOperation): void {
    this.#guard(operation, () => operation.forceComplete(EXPIRED));
  }

  /** #tryComplete asks the operation to complete itself; its answer is trusted only as far as it actually completed. */
  #tryComplete(operation: DelayedOperation): boolean {
    this.#guard(operation, () => operation.tryComplete());
    return operation.isCompleted;
  }

  /** #guard runs an operation's callback; an exception goes to onCallbackError and the result is whether the operation completed. */
  #guard(operation: DelayedOperation, callback: () => boolean): boolean {
    const wasCompleted = operation.isCompleted;
    try {
      return callback();
    } catch (error) {
      this.#options.onCallbackError(error, operation);
      return !wasCompleted && operation.isCompleted;
    }
  }

  #unwatch(operation: DelayedOperation, keys: readonly K[]): void {
    for (const key of keys) {
      const watchers = this.#watchers.get(key);
      assert(watchers !== undefined && watchers.delete(operation), `a completed ${this.#options.name} operation was missing from its key's watchers`);
      if (watchers.size === 0) this.#watchers.delete(key);
    }
    this.#watchedOperations--;
    assert(this.#watchedOperations >= 0, `the ${this.#options.name} purgatory counted more completions than operations`);
  }
}
