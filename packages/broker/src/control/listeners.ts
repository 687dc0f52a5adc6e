/**
 * Listeners is a set of callbacks for one kind of event. A listener that throws does not stop the
 * others or the notifier (a control-plane loop must keep running); its error is rethrown on a
 * microtask so it surfaces like an unhandled 'error' event instead of vanishing.
 */
export class Listeners<Args extends unknown[]> {
  readonly #listeners = new Set<(...args: Args) => void>();

  /** add registers `listener` and returns a function that removes it. */
  add(listener: (...args: Args) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** notify calls every listener with `args`, in registration order. */
  notify(...args: Args): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(...args);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
