import type { ConsumerRecord, EachMessageHandler } from "./consumer-types.js";

/** IteratorHost is the consumer as its iterator sees it. */
export interface IteratorHost {
  /** run starts consuming with `eachMessage`. */
  run(eachMessage: EachMessageHandler): Promise<void>;
  /** stop stops consuming; it stops handing out messages before its first await. */
  stop(): Promise<void>;
  /** onEnd registers a listener for the end of the run (an error when it crashed); returns the remover. */
  onEnd(listener: (error: Error | undefined) => void): () => void;
}

interface Handed {
  readonly record: ConsumerRecord;
  /** processed settles the handler call: the message is done. */
  readonly processed: () => void;
  /** abandon fails the handler call while the consumer stops, so the message is not marked processed. */
  readonly abandon: (reason: Error) => void;
}

const DONE: IteratorResult<ConsumerRecord> = { done: true, value: undefined };

/**
 * ConsumerIterator makes `for await (const record of consumer)` work on top of eachMessage: the
 * handler hands each message to the loop and waits until the loop asks for the next one, so a
 * message counts as processed (and its offset + 1 becomes committable) only once the loop body
 * ran for it to the end. One message is in the loop at a time, in the order eachMessage gets them.
 *
 * Ending the loop (break, return or an exception) stops the consumer cleanly: processed offsets
 * are committed and the member leaves its group. The message the body was on when the loop ended
 * is not counted as processed (for-await cannot tell a `break` from an exception), so it is
 * delivered again next time: at-least-once, never lost. A crash of the consumer ends the loop
 * with the crash's error; a stop() or disconnect() from elsewhere ends it normally.
 */
export class ConsumerIterator implements AsyncIterator<ConsumerRecord> {
  private readonly host: IteratorHost;
  private started = false;
  private finished = false;
  private failure: Error | undefined;
  /** current is the message the loop body is on. */
  private current: Handed | undefined;
  /** queued was handed over by the handler before the loop asked for it. */
  private queued: Handed | undefined;
  private waiting: { resolve: (result: IteratorResult<ConsumerRecord>) => void; reject: (error: Error) => void } | undefined;
  private removeEndListener: (() => void) | undefined;

  constructor(host: IteratorHost) {
    this.host = host;
  }

  async next(): Promise<IteratorResult<ConsumerRecord>> {
    this.current?.processed();
    this.current = undefined;
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      this.finished = true;
      throw failure;
    }
    if (this.finished) return DONE;
    if (!this.started) await this.start();
    const queued = this.queued;
    if (queued !== undefined) {
      this.queued = undefined;
      this.current = queued;
      return { done: false, value: queued.record };
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<ConsumerRecord>> {
    if (this.finished) return DONE;
    this.finished = true;
    this.removeEndListener?.();
    const stopping = this.host.stop();
    const reason = new Error("the for-await loop over the consumer ended");
    this.current?.abandon(reason);
    this.queued?.abandon(reason);
    this.current = undefined;
    this.queued = undefined;
    this.waiting?.resolve(DONE);
    this.waiting = undefined;
    await stopping;
    return DONE;
  }

  private async start(): Promise<void> {
    this.started = true;
    this.removeEndListener = this.host.onEnd((error) => this.ended(error));
    try {
      await this.host.run((payload) => this.hand(payload.topic, payload.partition, payload.message));
    } catch (error) {
      this.finished = true;
      this.removeEndListener();
      throw error;
    }
  }

  private hand(topic: string, partition: number, message: Omit<ConsumerRecord, "topic" | "partition">): Promise<void> {
    return new Promise<void>((processed, abandon) => {
      const handed: Handed = { record: { ...message, topic, partition }, processed, abandon };
      if (this.finished) {
        abandon(new Error("the for-await loop over the consumer ended"));
        return;
      }
      const waiting = this.waiting;
      if (waiting === undefined) {
        this.queued = handed;
        return;
      }
      this.waiting = undefined;
      this.current = handed;
      waiting.resolve({ done: false, value: handed.record });
    });
  }

  private ended(error: Error | undefined): void {
    this.removeEndListener?.();
    const waiting = this.waiting;
    this.waiting = undefined;
    if (error === undefined) {
      this.finished = true;
      waiting?.resolve(DONE);
    } else if (waiting !== undefined) {
      this.finished = true;
      waiting.reject(error);
    } else {
      this.failure = error;
    }
  }
}
