/**
 * Gate is a promise a test opens: handlers `await gate.wait()` to stay busy exactly as long as
 * the test wants, without timers.
 */
export class Gate {
  private opened = false;
  private waiters: (() => void)[] = [];

  /** wait resolves once the gate is open. */
  wait(): Promise<void> {
    if (this.opened) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** open lets every waiter (and later ones) through. */
  open(): void {
    this.opened = true;
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** Collector gathers what a handler sees and lets a test await a count of it. */
export class Collector<T> {
  readonly items: T[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  /** push records an item and wakes waiters whose count is reached. */
  push(item: T): void {
    this.items.push(item);
    const ready = this.waiters.filter((waiter) => this.items.length >= waiter.count);
    this.waiters = this.waiters.filter((waiter) => this.items.length < waiter.count);
    for (const waiter of ready) waiter.resolve();
  }

  /** waitFor resolves once `count` items were pushed. */
  waitFor(count: number): Promise<T[]> {
    if (this.items.length >= count) return Promise.resolve(this.items);
    return new Promise((resolve) => this.waiters.push({ count, resolve: () => resolve(this.items) }));
  }
}

/** EventSource is anything with KafkaJS-style `on(type, listener)` returning a remover. */
export interface EventSource<Events> {
  on<K extends keyof Events & string>(type: K, listener: (event: { readonly payload: Events[K] }) => void): () => void;
}

/** nextEvent resolves with the payload of the next `type` event that satisfies `predicate`. Subscribe before acting. */
export function nextEvent<Events, K extends keyof Events & string>(source: EventSource<Events>, type: K, predicate: (payload: Events[K]) => boolean = () => true): Promise<Events[K]> {
  return new Promise((resolve) => {
    const remove = source.on(type, (event) => {
      if (!predicate(event.payload)) return;
      remove();
      resolve(event.payload);
    });
  });
}
