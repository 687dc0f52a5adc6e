import type { ErrorName } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { TopicOffsets } from "./consumer-types.js";

/**
 * ConsumerStateError: a method was called in a state where it cannot work (run() before
 * connect(), subscribe() while running, commitOffsets() without a groupId, ...). The message says
 * what to call first. Code INVALID_REQUEST, never retriable: the same call fails the same way.
 */
export class ConsumerStateError extends TributaryError {
  constructor(message: string) {
    super("INVALID_REQUEST", message);
    Object.defineProperty(this, "name", { value: "ConsumerStateError" });
  }

  /** retriable is false: calling again in the same state fails again. */
  override get retriable(): boolean {
    return false;
  }
}

/**
 * CommitRejectedError: the coordinator refused a commit because this member is no longer the one
 * it knows (FENCED_MEMBER_EPOCH, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID). The partitions may
 * belong to another member by now, so these offsets must not be committed: the consumer drops its
 * partitions and rejoins, and they are consumed again from the last committed offsets (messages
 * processed since then may be processed twice). `offsets` lists what was not committed.
 */
export class CommitRejectedError extends TributaryError {
  /** offsets are the offsets that were not committed. */
  readonly offsets: readonly TopicOffsets[];

  constructor(code: ErrorName, offsets: readonly TopicOffsets[], cause: TributaryError) {
    super(
      code,
      `offsets were not committed: ${cause.message}. This member rejoins the group; its partitions will be consumed from their last committed offsets, ` +
        "so messages processed since then may be processed again",
      { cause },
    );
    Object.defineProperty(this, "name", { value: "CommitRejectedError" });
    this.offsets = offsets;
  }

  /** retriable is false: the same commit would be refused again; the member must rejoin first. */
  override get retriable(): boolean {
    return false;
  }
}

/**
 * MessageProcessingError: a handler kept failing on one message (or batch) until the retries ran
 * out. `cause` is the handler's last error. The message was not marked processed, so its offset
 * was not committed. It is what consumer.crash reports and what a for-await loop throws.
 */
export class MessageProcessingError extends Error {
  override readonly name = "MessageProcessingError";
  readonly topic: string;
  readonly partition: number;
  /** offset is the first message the handler did not get through. */
  readonly offset: bigint;
  /** attempts is how many times the handler was called for it. */
  readonly attempts: number;

  constructor(topic: string, partition: number, offset: bigint, attempts: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `the handler failed ${attempts} ${attempts === 1 ? "time" : "times"} on ${topic}-${partition} at offset ${offset}: ${reason}. ` +
        "The offset was not committed; fix the handler (or skip the message with seek()) and run the consumer again",
      { cause },
    );
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.attempts = attempts;
  }
}
