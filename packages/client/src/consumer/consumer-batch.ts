import type { BatchProcessEventPayload } from "./consumer-events.js";
import type { Batch, ConsumerMessage } from "./consumer-types.js";

/** ConsumerBatch is the {@link Batch} an eachBatch handler gets, with KafkaJS's lag arithmetic in bigint. */
export class ConsumerBatch implements Batch {
  readonly topic: string;
  readonly partition: number;
  readonly highWatermark: bigint;
  readonly messages: readonly ConsumerMessage[];

  constructor(topic: string, partition: number, highWatermark: bigint, messages: readonly ConsumerMessage[]) {
    this.topic = topic;
    this.partition = partition;
    this.highWatermark = highWatermark;
    this.messages = messages;
  }

  isEmpty(): boolean {
    return this.messages.length === 0;
  }

  firstOffset(): bigint | null {
    return this.messages[0]?.offset ?? null;
  }

  lastOffset(): bigint {
    return this.messages[this.messages.length - 1]?.offset ?? this.highWatermark - 1n;
  }

  offsetLag(): bigint {
    return nonNegative(this.highWatermark - 1n - this.lastOffset());
  }

  offsetLagLow(): bigint {
    const first = this.firstOffset();
    return first === null ? 0n : nonNegative(this.highWatermark - 1n - first);
  }

  /** eventPayload describes the batch for consumer.start_batch_process and end_batch_process. */
  eventPayload(): BatchProcessEventPayload {
    return {
      topic: this.topic,
      partition: this.partition,
      highWatermark: this.highWatermark,
      offsetLag: this.offsetLag(),
      offsetLagLow: this.offsetLagLow(),
      batchSize: this.messages.length,
      firstOffset: this.firstOffset() ?? this.highWatermark,
      lastOffset: this.lastOffset(),
    };
  }
}

/** nonNegative clamps a lag at 0: a batch fetched before the high watermark was reported is not behind. */
function nonNegative(lag: bigint): bigint {
  return lag < 0n ? 0n : lag;
}
