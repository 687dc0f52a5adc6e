/**
 * WakeSignal lets loops sleep until something they wait for may have changed. A waiter checks its
 * condition and calls wait() in the same synchronous step, so a notify() cannot fall between the
 * check and the wait: no wake-up is lost. Spurious wake-ups are allowed; waiters check again.
 */
export class WakeSignal {
  private waiters: (() => void)[] = [];

  /** wait resolves at the next notify(). */
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** notify wakes every current waiter. */
  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
