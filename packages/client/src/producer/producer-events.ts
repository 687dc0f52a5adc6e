import type { ErrorName } from "../errors/error-codes.js";
import type { BrokerEventPayload, RequestEventPayload, RequestTimeoutEventPayload } from "../instrumentation/network-events.js";

/** ProduceRequestEventPayload describes one Produce request and its answer. */
export interface ProduceRequestEventPayload {
  readonly broker: string;
  readonly nodeId: number;
  readonly partitions: number;
  readonly records: number;
  /** bytes are the encoded batches' bytes. */
  readonly bytes: number;
  readonly durationMs: number;
  /** errorCode is set when the request as a whole failed. */
  readonly errorCode?: ErrorName;
}

/** BatchEventPayload names a batch. */
export interface BatchEventPayload {
  readonly topic: string;
  readonly partition: number;
  readonly records: number;
  readonly bytes: number;
}

/** BatchAckedEventPayload describes an acknowledged batch. */
export interface BatchAckedEventPayload extends BatchEventPayload {
  readonly baseOffset: bigint;
  /** latencyMs is from the batch's first record to its acknowledgement. */
  readonly latencyMs: number;
  readonly sendCount: number;
}

/** BatchRetryEventPayload describes a batch going back in line after a retriable error. */
export interface BatchRetryEventPayload extends BatchEventPayload {
  readonly errorCode: ErrorName;
  readonly retriesUsed: number;
  readonly backoffMs: number;
}

/** BatchFailedEventPayload describes a batch that failed for good. */
export interface BatchFailedEventPayload extends BatchEventPayload {
  readonly errorCode: ErrorName;
  readonly message: string;
}

/** EpochBumpEventPayload describes a new producer epoch (KIP-360). */
export interface EpochBumpEventPayload {
  readonly producerId: bigint;
  readonly producerEpoch: number;
  readonly reason: string;
}

/**
 * ProducerEvents are the producer's instrumentation events (`producer.on(type, listener)`), with
 * KafkaJS's names where KafkaJS has the event.
 */
export interface ProducerEvents {
  readonly "producer.connect": Record<string, never>;
  readonly "producer.disconnect": Record<string, never>;
  readonly "producer.network.connect": BrokerEventPayload;
  readonly "producer.network.disconnect": BrokerEventPayload;
  readonly "producer.network.request": RequestEventPayload;
  readonly "producer.network.request_timeout": RequestTimeoutEventPayload;
  readonly "producer.produce": ProduceRequestEventPayload;
  readonly "producer.batch.acked": BatchAckedEventPayload;
  readonly "producer.batch.retry": BatchRetryEventPayload;
  readonly "producer.batch.failed": BatchFailedEventPayload;
  readonly "producer.epoch_bump": EpochBumpEventPayload;
}
