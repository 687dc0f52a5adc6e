/**
 * SerialQueue runs async tasks one at a time in submission order: Node interleaves async work at
 * every `await`, so state that several awaits must change together is changed only from inside
 * one task. A failed task does not stop the ones behind it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** run queues `task` behind every task submitted before it and returns its result. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** idle resolves once every task submitted so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
