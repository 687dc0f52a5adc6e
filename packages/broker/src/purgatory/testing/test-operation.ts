import { DelayedOperation } from "../delayed-operation.js";
import type { CompletionReason } from "../delayed-operation.js";

/**
 * TestOperation is a delayed operation whose condition a test flips by hand, recording every
 * callback so tests can count completions and check their order.
 */
export class TestOperation extends DelayedOperation {
  /** ready is the condition tryComplete checks. */
  ready = false;
  /** events records callbacks in order: `complete:<reason>` and `expire`. */
  readonly events: string[] = [];
  /** tryCompleteCalls counts condition checks. */
  tryCompleteCalls = 0;
  /** onCompleteHook runs inside onComplete, after the event is recorded (to re-enter a purgatory or throw). */
  onCompleteHook: (() => void) | undefined;
  /** tryCompleteHook runs at the start of tryComplete (to throw). */
  tryCompleteHook: (() => void) | undefined;

  constructor(timeoutMs = 1_000) {
    super(timeoutMs);
  }

  tryComplete(): boolean {
    this.tryCompleteCalls++;
    this.tryCompleteHook?.();
    return this.ready ? this.forceComplete() : false;
  }

  protected onComplete(reason: CompletionReason): void {
    this.events.push(reason.kind === "cancelled" ? `complete:cancelled:${reason.error.code}` : `complete:${reason.kind}`);
    this.onCompleteHook?.();
  }

  protected override onExpiration(): void {
    this.events.push("expire");
  }
}
