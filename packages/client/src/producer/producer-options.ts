import { TributaryError } from "../errors/tributary-error.js";
import { CompressionCodec, type CompressionCodecId } from "../record/batch-layout.js";
import { isCompressionCodecId } from "../record/compression/record-compression.js";
import { resolveRetryOptions, type RetryOptions } from "../retry/retry-options.js";
import type { Acks, PartitionerFactory } from "./producer-types.js";

/**
 * MAX_IN_FLIGHT_IDEMPOTENT is the most Produce requests an idempotent producer keeps in flight
 * per broker: brokers remember the last 5 batches per producer and partition (DESIGN.md decision
 * 9), so a retry of anything older could no longer be recognized as a duplicate.
 */
export const MAX_IN_FLIGHT_IDEMPOTENT = 5;

/** ProducerOptions configure a producer; every field has a default. */
export interface ProducerOptions {
  /**
   * idempotent (default true) gives the producer an id and numbers its batches, so retries never
   * duplicate or reorder records within a partition. It requires acks=-1.
   */
  readonly idempotent?: boolean;
  /** acks default for send() (default -1). */
  readonly acks?: Acks;
  /** compression default for send() (default none). */
  readonly compression?: CompressionCodecId;
  /** timeoutMs is the default broker-side wait for replicas, send()'s `timeout` (default 30000). */
  readonly timeoutMs?: number;
  /**
   * lingerMs is how long a partition's batch waits for more records before it is sent (default
   * 5, Kafka 4.0's default: one extra millisecond of latency buys much larger batches).
   */
  readonly lingerMs?: number;
  /**
   * batchSizeBytes closes a partition's batch once it holds this many bytes (default 64 KiB).
   * Larger than Kafka's 16 KiB because the gRPC transport, not the disk, is our ceiling: 1 KiB
   * calls top out near 5,000 per second per connection (DESIGN.md decision 12).
   */
  readonly batchSizeBytes?: number;
  /** maxRequestBytes bounds one Produce request and so the largest record (default 4 MiB). */
  readonly maxRequestBytes?: number;
  /**
   * bufferMemoryBytes bounds memory held by records sent but not yet acknowledged (default 32
   * MiB). When full, send() waits for room, up to maxBlockMs.
   */
  readonly bufferMemoryBytes?: number;
  /** maxBlockMs is how long send() may wait for buffer room or for topic metadata (default 60000). */
  readonly maxBlockMs?: number;
  /** maxInFlightRequests per broker (default 5; at most 5 when idempotent). */
  readonly maxInFlightRequests?: number;
  /**
   * deliveryTimeoutMs bounds the time from send() to a batch's final outcome, retries included
   * (default 120000, Kafka's delivery.timeout.ms).
   */
  readonly deliveryTimeoutMs?: number;
  /** disconnectTimeoutMs bounds how long disconnect() waits to deliver what is pending (default 30000). */
  readonly disconnectTimeoutMs?: number;
  /**
   * retry shapes batch retries and the producer's other requests. An idempotent producer retries
   * batches until deliveryTimeoutMs unless `retry.retries` is given.
   */
  readonly retry?: Partial<RetryOptions>;
  /** metadataMaxAgeMs overrides the client's metadata refresh interval for this producer. */
  readonly metadataMaxAgeMs?: number;
  /**
   * createPartitioner replaces the default placement (murmur2 for keys, sticky for null keys)
   * for messages without an explicit partition.
   */
  readonly createPartitioner?: PartitionerFactory;
}

/** ResolvedProducerOptions are ProducerOptions with every default applied and checked. */
export interface ResolvedProducerOptions {
  readonly idempotent: boolean;
  readonly acks: Acks;
  readonly compression: CompressionCodecId;
  readonly timeoutMs: number;
  readonly lingerMs: number;
  readonly batchSizeBytes: number;
  readonly maxRequestBytes: number;
  readonly bufferMemoryBytes: number;
  readonly maxBlockMs: number;
  readonly maxInFlightRequests: number;
  readonly deliveryTimeoutMs: number;
  readonly disconnectTimeoutMs: number;
  readonly retry: RetryOptions;
  readonly createPartitioner: PartitionerFactory | undefined;
}

/**
 * resolveProducerOptions applies defaults and checks limits and their relations.
 *
 * @throws TributaryError INVALID_CONFIG naming the option and what it must be.
 */
export function resolveProducerOptions(options: ProducerOptions, clientRetry: RetryOptions): ResolvedProducerOptions {
  const idempotent = options.idempotent ?? true;
  const resolved: ResolvedProducerOptions = {
    idempotent,
    acks: options.acks ?? -1,
    compression: options.compression ?? CompressionCodec.none,
    timeoutMs: options.timeoutMs ?? 30_000,
    lingerMs: options.lingerMs ?? 5,
    batchSizeBytes: options.batchSizeBytes ?? 64 * 1024,
    maxRequestBytes: options.maxRequestBytes ?? 4 * 1024 * 1024,
    bufferMemoryBytes: options.bufferMemoryBytes ?? 32 * 1024 * 1024,
    maxBlockMs: options.maxBlockMs ?? 60_000,
    maxInFlightRequests: options.maxInFlightRequests ?? MAX_IN_FLIGHT_IDEMPOTENT,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 120_000,
    disconnectTimeoutMs: options.disconnectTimeoutMs ?? 30_000,
    retry: resolveRetryOptions(
      options.retry,
      idempotent && options.retry?.retries === undefined ? { ...clientRetry, retries: Number.MAX_SAFE_INTEGER } : clientRetry,
    ),
    createPartitioner: options.createPartitioner,
  };
  const fail = (message: string): never => {
    throw new TributaryError("INVALID_CONFIG", message);
  };
  const nonNegative = ["timeoutMs", "lingerMs", "maxBlockMs", "deliveryTimeoutMs", "disconnectTimeoutMs"] as const;
  for (const name of nonNegative) {
    if (!Number.isFinite(resolved[name]) || resolved[name] < 0) fail(`producer option ${name} is ${resolved[name]}; it must be a non-negative number`);
  }
  const positive = ["batchSizeBytes", "maxRequestBytes", "bufferMemoryBytes", "maxInFlightRequests"] as const;
  for (const name of positive) {
    if (!Number.isSafeInteger(resolved[name]) || resolved[name] < 1) fail(`producer option ${name} is ${resolved[name]}; it must be a positive integer`);
  }
  if (![-1, 0, 1].includes(resolved.acks)) fail(`producer option acks is ${resolved.acks}; it must be -1, 0 or 1`);
  if (!isCompressionCodecId(resolved.compression)) fail(`producer option compression is ${String(resolved.compression)}; use a CompressionCodec value`);
  if (idempotent && resolved.acks !== -1) fail("an idempotent producer needs acks=-1; pass idempotent: false to use acks 0 or 1");
  if (idempotent && resolved.maxInFlightRequests > MAX_IN_FLIGHT_IDEMPOTENT) {
    fail(`an idempotent producer allows at most ${MAX_IN_FLIGHT_IDEMPOTENT} in-flight requests per broker, not ${resolved.maxInFlightRequests}`);
  }
  if (resolved.batchSizeBytes > resolved.maxRequestBytes) fail(`batchSizeBytes (${resolved.batchSizeBytes}) must not exceed maxRequestBytes (${resolved.maxRequestBytes})`);
  if (resolved.maxRequestBytes > resolved.bufferMemoryBytes) fail(`maxRequestBytes (${resolved.maxRequestBytes}) must not exceed bufferMemoryBytes (${resolved.bufferMemoryBytes})`);
  return resolved;
}
