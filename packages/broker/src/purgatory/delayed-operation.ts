import { assert } from "@tributary/client/internal/assert";
import type { TributaryError } from "@tributary/client/internal/errors";

/**
 * CompletionReason says why a delayed operation completed:
 * - `satisfied`: its condition was met (tryComplete), or its owner completed it;
 * - `expired`: its timeout passed first;
 * - `cancelled`: the broker stopped waiting for it (the replica stopped, the broker is shutting
 *   down); `error` is what the waiting request should be answered with.
 */
export type CompletionReason =
  | { readonly kind: "satisfied" }
  | { readonly kind: "expired" }
  | { readonly kind: "cancelled"; readonly error: TributaryError };

/** SATISFIED is the reason of an operation whose condition was met. */
export const SATISFIED: CompletionReason = { kind: "satisfied" };
/** EXPIRED is the reason of an operation whose timeout passed. */
export const EXPIRED: CompletionReason = { kind: "expired" };

/**
 * DelayedOperation is a request that cannot be answered yet (Kafka's DelayedOperation): an
 * acks=all produce waiting for the high watermark, a long-poll fetch waiting for data. It waits in
 * a Purgatory, which calls {@link tryComplete} when something happens to one of its keys and
 * expires it after {@link timeoutMs}, instead of anyone polling.
 *
 * Exactly-once: whichever of tryComplete, expiry, cancellation or the owner's own call reaches
 * {@link forceComplete} first completes it; every later attempt is a no-op returning false. The
 * operation is marked complete before {@link onComplete} runs, so a callback that re-enters the
 * purgatory cannot complete it twice. Node runs one callback at a time, so this flag is all the
 * "race" needs (Kafka uses an AtomicBoolean for the same decision across threads).
 */
export abstract class DelayedOperation {
  /** timeoutMs is how long the operation may wait once watched, before it expires. */
  readonly timeoutMs: number;
  #completion: CompletionReason | undefined;
  #completionListener: (() => void) | undefined;
  #watched = false;

  constructor(timeoutMs: number) {
    assert(Number.isFinite(timeoutMs) && timeoutMs >= 0, `timeoutMs ${timeoutMs} must be a finite non-negative number`);
    this.timeoutMs = timeoutMs;
  }

  /** completion is why the operation completed, or undefined while it waits. */
  get completion(): CompletionReason | undefined {
    return this.#completion;
  }

  /** isCompleted is true once the operation completed, for whatever reason. */
  get isCompleted(): boolean {
    return this.#completion !== undefined;
  }

  /**
   * tryComplete checks the operation's condition and, when it holds, completes the operation with
   * `this.forceComplete()` and returns that call's result; otherwise returns false. It runs on the
   * thread of whatever advanced the key (an append, a follower fetch), so it must be cheap and
   * synchronous: read in-memory state, never I/O.
   */
  abstract tryComplete(): boolean;

  /**
   * forceComplete completes the operation unless it already completed: releases it from its
   * purgatory (watcher lists, timer), then runs {@link onComplete} and, for an expiry,
   * {@link onExpiration}. Returns true only for the call that completed it.
   */
  forceComplete(reason: CompletionReason = SATISFIED): boolean {
    if (this.#completion !== undefined) return false;
    this.#completion = reason;
    const release = this.#completionListener;
    this.#completionListener = undefined;
    release?.();
    this.onComplete(reason);
    if (reason.kind === "expired") this.onExpiration();
    return true;
  }

  /**
   * onComplete answers the waiting request. It runs exactly once per operation, whatever the
   * reason; an expired or cancelled operation still answers (with a timeout or the cancel error),
   * so no request hangs.
   */
  protected abstract onComplete(reason: CompletionReason): void;

  /** onExpiration runs after {@link onComplete} when the operation expired (Kafka's hook, for metrics). */
  protected onExpiration(): void {}

  /**
   * watchedBy is for Purgatory only: it records that a purgatory watches the operation and the
   * release to run on completion. An operation is watched by at most one purgatory, once.
   */
  watchedBy(release: () => void): void {
    assert(!this.#watched, "a delayed operation is watched at most once");
    assert(this.#completion === undefined, "a completed operation cannot be watched");
    this.#watched = true;
    this.#completionListener = release;
  }
}
