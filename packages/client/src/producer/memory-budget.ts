import type { Clock, TimerHandle } from "../time/clock.js";
import { assert } from "../util/assert.js";
import { BufferExhaustedError } from "./producer-errors.js";

interface Waiter {
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  timer: TimerHandle | undefined;
}

/**
 * MemoryBudget bounds the bytes a producer holds for records not yet acknowledged. Reservations
 * are granted first come, first served: a small request never overtakes a large one that waits,
 * so a steady stream of small sends cannot starve a big one.
 *
 * Invariant: 0 <= usedBytes <= capacityBytes.
 */
export class MemoryBudget {
  readonly capacityBytes: number;
  private readonly clock: Clock;
  private used = 0;
  private readonly waiters: Waiter[] = [];

  constructor(capacityBytes: number, clock: Clock) {
    this.capacityBytes = capacityBytes;
    this.clock = clock;
  }

  /** usedBytes is what reservations hold now. */
  get usedBytes(): number {
    return this.used;
  }

  /** waiting counts reservations waiting for room. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** tryReserve takes `bytes` if they fit now and nobody waits ahead; returns whether it did. */
  tryReserve(bytes: number): boolean {
    assert(bytes >= 0 && bytes <= this.capacityBytes, `a reservation of ${bytes} bytes can never fit ${this.capacityBytes}`);
    if (this.waiters.length > 0 || this.used + bytes > this.capacityBytes) return false;
    this.used += bytes;
    return true;
  }

  /**
   * reserve takes `bytes`, waiting in line for room up to `maxBlockMs`.
   *
   * @throws BufferExhaustedError when no room came in time.
   */
  reserve(bytes: number, maxBlockMs: number): Promise<void> {
    if (this.tryReserve(bytes)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { bytes, resolve, reject, timer: undefined };
      waiter.timer = this.clock.setTimer(() => {
        this.remove(waiter);
        reject(new BufferExhaustedError(this.capacityBytes, maxBlockMs));
        // The head may have changed: whoever is next may fit now.
        this.grant();
      }, maxBlockMs);
      this.waiters.push(waiter);
    });
  }

  /** release returns `bytes` and grants waiting reservations that now fit, in order. */
  release(bytes: number): void {
    this.used -= bytes;
    assert(this.used >= 0, `released more than reserved (${this.used})`);
    this.grant();
  }

  /** failWaiters rejects every waiting reservation with `error` (the producer is closing). */
  failWaiters(error: unknown): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter.timer?.cancel();
      waiter.reject(error);
    }
  }

  private grant(): void {
    for (;;) {
      const head = this.waiters[0];
      if (head === undefined || this.used + head.bytes > this.capacityBytes) return;
      this.waiters.shift();
      head.timer?.cancel();
      this.used += head.bytes;
      head.resolve();
    }
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}
