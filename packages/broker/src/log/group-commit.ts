/**
 * GroupCommit shares one run of an expensive operation (an fsync) among concurrent callers:
 * a request while nothing runs starts a run; requests while a run is in flight all share exactly
 * one further run, started when the current one settles, because the running one may have begun
 * before their data was written.
 */
export class GroupCommit<T> {
  private readonly operation: () => Promise<T>;
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;
  /** runCount counts runs started (for tests and metrics). */
  runCount = 0;

  constructor(operation: () => Promise<T>) {
    this.operation = operation;
  }

  /** request returns the result of a run that starts no earlier than this call. */
  request(): Promise<T> {
    if (this.queued !== undefined) return this.queued;
    const running = this.running;
    if (running === undefined) return this.start();
    const queued = running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      this.queued = undefined;
      return this.start();
    });
    this.queued = queued;
    return queued;
  }

  /** idle resolves once no run is in flight or queued (ignoring their outcome). */
  async idle(): Promise<void> {
    while (this.running !== undefined || this.queued !== undefined) {
      await (this.queued ?? this.running)!.then(
        () => undefined,
        () => undefined,
      );
    }
  }

  private start(): Promise<T> {
    this.runCount += 1;
    const run: Promise<T> = this.operation().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
