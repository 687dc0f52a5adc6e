import { TributaryError } from "@tributary/client/internal/errors";
import type { Partition } from "../replica/partition.js";
import type { AckWait, AckWaiter, DataWaiter } from "./waiters.js";

/** WAITING_REQUESTS_MAX bounds the requests held at once; beyond it new ones are refused. */
const WAITING_REQUESTS_MAX = 50_000;

interface Waiting {
  readonly settle: (shutdown: boolean) => void;
}

/**
 * PartitionWaiters holds requests that must wait for a partition to move — acks=all produces until
 * the high watermark passes their records, long-poll fetches until data arrives — as delayed
 * operations (Kafka's purgatory): each subscribes to its partitions' events and is re-checked only
 * when one fires, with one timer for its deadline. Nothing polls.
 */
export class PartitionWaiters implements AckWaiter, DataWaiter {
  readonly #waiting = new Set<Waiting>();
  #closed = false;

  /** size is the number of requests waiting. */
  get size(): number {
    return this.#waiting.size;
  }

  #admit(): void {
    if (this.#closed) throw new TributaryError("SHUTTING_DOWN", "the broker is shutting down");
    if (this.#waiting.size >= WAITING_REQUESTS_MAX) {
      throw new TributaryError("RESOURCE_LIMIT_EXCEEDED", `${WAITING_REQUESTS_MAX} requests are already waiting on this broker; retry shortly`);
    }
  }

  waitForAcks(waits: readonly AckWait[], timeoutMs: number): Promise<(TributaryError | null)[]> {
    this.#admit();
    return new Promise((resolve) => {
      const results: (TributaryError | null | undefined)[] = waits.map(() => undefined);
      const unsubscribes: Array<() => void> = [];
      let timer: NodeJS.Timeout | undefined;
      const waiting: Waiting = {
        settle: (shutdown) => {
          waits.forEach((wait, index) => {
            if (results[index] !== undefined) return;
            results[index] = shutdown
              ? new TributaryError("SHUTTING_DOWN", "the broker shut down before the write was acknowledged; its outcome is unknown")
              : wait.partition.underMinIsr()
                ? new TributaryError("NOT_ENOUGH_REPLICAS_AFTER_APPEND", `the write to ${wait.partition.topic}-${wait.partition.partition} is on the leader but the ISR fell below min.insync.replicas; its outcome is ambiguous`)
                : new TributaryError("REQUEST_TIMED_OUT", `the write to ${wait.partition.topic}-${wait.partition.partition} was not replicated within ${timeoutMs} ms; its outcome is unknown`);
          });
          finish();
        },
      };
      const finish = () => {
        clearTimeout(timer);
        for (const unsubscribe of unsubscribes) unsubscribe();
        this.#waiting.delete(waiting);
        resolve(results.map((result) => result ?? null));
      };
      const check = () => {
        let pending = 0;
        waits.forEach((wait, index) => {
          if (results[index] !== undefined) return;
          const status = wait.partition.ackStatus(wait.requiredOffset, wait.leaderEpoch);
          if (status === "done") results[index] = null;
          else if (status === "waiting") pending++;
          else results[index] = status;
        });
        if (pending === 0) finish();
      };
      for (const partition of new Set(waits.map((wait) => wait.partition))) {
        unsubscribes.push(partition.onHighWatermark(check), partition.onActivity(check));
      }
      this.#waiting.add(waiting);
      timer = setTimeout(() => waiting.settle(false), timeoutMs);
      check();
    });
  }

  waitForData(partitions: readonly Partition[], minBytes: number, maxWaitMs: number, bytesAvailable: () => number): Promise<void> {
    this.#admit();
    return new Promise((resolve) => {
      const unsubscribes: Array<() => void> = [];
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(timer);
        for (const unsubscribe of unsubscribes) unsubscribe();
        this.#waiting.delete(waiting);
        resolve();
      };
      const waiting: Waiting = { settle: finish };
      const check = () => {
        if (bytesAvailable() >= minBytes) finish();
      };
      for (const partition of new Set(partitions)) unsubscribes.push(partition.onHighWatermark(check), partition.onActivity(check));
      this.#waiting.add(waiting);
      timer = setTimeout(finish, maxWaitMs);
      check();
    });
  }

  /** shutdown releases every waiting request at once (acks=all ones with SHUTTING_DOWN). */
  shutdown(): void {
    this.#closed = true;
    for (const waiting of [...this.#waiting]) waiting.settle(true);
  }
}
