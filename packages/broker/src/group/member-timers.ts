import type { CancelTask, Scheduler } from "../purgatory/scheduler.js";
import type { TimerChange } from "./shard-types.js";

/** ArmedTimer is one scheduled deadline; the runtime checks a firing timer is still the armed one. */
export interface ArmedTimer {
  readonly deadlineMs: number;
  readonly cancel: CancelTask;
}

/** MemberTimerHandlers are told when a member's deadline passes. */
export interface MemberTimerHandlers {
  onSessionExpired(groupId: string, memberId: string, timer: ArmedTimer): void;
  onRebalanceExpired(groupId: string, memberId: string, memberEpoch: number, timer: ArmedTimer): void;
}

interface MemberEntry {
  session: ArmedTimer | undefined;
  rebalance: (ArmedTimer & { readonly memberEpoch: number }) | undefined;
}

/**
 * MemberTimers holds the session and rebalance deadlines of one shard's members on a
 * {@link Scheduler} (virtual time in tests). A heartbeat re-arms its member's session timer, so an
 * expiry only means anything if the timer that fired is still the one armed: {@link isArmed} lets
 * the runtime drop an expiry that a heartbeat overtook while it waited its turn.
 */
export class MemberTimers {
  readonly #scheduler: Scheduler;
  readonly #handlers: MemberTimerHandlers;
  readonly #members = new Map<string, MemberEntry>();

  constructor(scheduler: Scheduler, handlers: MemberTimerHandlers) {
    this.#scheduler = scheduler;
    this.#handlers = handlers;
  }

  /** size is the number of members with a timer armed. */
  get size(): number {
    return this.#members.size;
  }

  /** apply carries out a result's timer changes. */
  apply(changes: readonly TimerChange[]): void {
    for (const change of changes) {
      const key = memberKey(change.groupId, change.memberId);
      const entry = this.#members.get(key) ?? { session: undefined, rebalance: undefined };
      switch (change.kind) {
        case "session": {
          entry.session?.cancel();
          const deadlineMs = this.#scheduler.nowMs() + change.timeoutMs;
          const timer: ArmedTimer = { deadlineMs, cancel: this.#scheduler.schedule(deadlineMs, () => this.#handlers.onSessionExpired(change.groupId, change.memberId, timer)) };
          entry.session = timer;
          break;
        }
        case "rebalance": {
          entry.rebalance?.cancel();
          const deadlineMs = this.#scheduler.nowMs() + change.timeoutMs;
          const timer = {
            deadlineMs,
            memberEpoch: change.memberEpoch,
            cancel: this.#scheduler.schedule(deadlineMs, () => this.#handlers.onRebalanceExpired(change.groupId, change.memberId, change.memberEpoch, timer)),
          };
          entry.rebalance = timer;
          break;
        }
        case "cancel-rebalance":
          entry.rebalance?.cancel();
          entry.rebalance = undefined;
          break;
        case "cancel-all":
          entry.session?.cancel();
          entry.rebalance?.cancel();
          entry.session = undefined;
          entry.rebalance = undefined;
          break;
      }
      if (entry.session === undefined && entry.rebalance === undefined) this.#members.delete(key);
      else this.#members.set(key, entry);
    }
  }

  /** isArmed tells whether `timer` is still the member's armed session or rebalance timer. */
  isArmed(groupId: string, memberId: string, timer: ArmedTimer): boolean {
    const entry = this.#members.get(memberKey(groupId, memberId));
    return entry !== undefined && (entry.session === timer || entry.rebalance === timer);
  }

  /** cancelAll disarms every timer (the shard is unloaded). */
  cancelAll(): void {
    for (const entry of this.#members.values()) {
      entry.session?.cancel();
      entry.rebalance?.cancel();
    }
    this.#members.clear();
  }
}

function memberKey(groupId: string, memberId: string): string {
  return `${groupId}\u0000${memberId}`;
}
