import type { ProducerOptions } from "../../producer/producer-options.js";
import type { Acks } from "../../producer/producer-types.js";
import { CompressionCodec, type CompressionCodecId } from "../../record/batch-layout.js";
import { parseBooleanWord } from "../args/key-values.js";
import { parseInteger } from "../args/parsed-flags.js";
import { UsageError } from "../cli-errors.js";

/** PRODUCER_PROPS are the Kafka producer property names the CLI maps onto ProducerOptions. */
export const PRODUCER_PROPS = [
  "acks",
  "linger.ms",
  "batch.size",
  "compression.type",
  "buffer.memory",
  "max.in.flight.requests.per.connection",
  "enable.idempotence",
  "delivery.timeout.ms",
  "max.request.size",
  "max.block.ms",
  "retries",
  "client.id",
] as const;

/** COMPRESSION_NAMES are the codecs by their Kafka names. */
export const COMPRESSION_NAMES: Readonly<Record<string, CompressionCodecId>> = CompressionCodec;

/** parseAcks reads Kafka's acks: "all" or "-1", "1", "0". */
export function parseAcks(name: string, raw: string): Acks {
  switch (raw.trim().toLowerCase()) {
    case "all":
    case "-1":
      return -1;
    case "1":
      return 1;
    case "0":
      return 0;
    default:
      throw new UsageError(`${name} must be all, -1, 1 or 0, not "${raw}"`);
  }
}

/** parseCompression reads a codec name: none, gzip, snappy, lz4 or zstd. */
export function parseCompression(name: string, raw: string): CompressionCodecId {
  const codec = COMPRESSION_NAMES[raw.trim().toLowerCase()];
  if (codec === undefined) throw new UsageError(`${name} must be one of ${Object.keys(COMPRESSION_NAMES).join(", ")}, not "${raw}"`);
  return codec;
}

/** ProducerSettings are ProducerOptions plus the client id, which belongs to the client. */
export interface ProducerSettings {
  readonly options: ProducerOptions;
  readonly clientId: string | undefined;
}

/**
 * producerSettings maps Kafka producer properties (`--producer-props acks=all linger.ms=5`) to
 * ProducerOptions. As in Kafka 3+, acks other than all turn idempotence off unless
 * enable.idempotence=true asks for it (which the producer then refuses).
 *
 * @throws UsageError naming an unknown property or a malformed value.
 */
export function producerSettings(props: ReadonlyMap<string, string>): ProducerSettings {
  const options: { -readonly [K in keyof ProducerOptions]: ProducerOptions[K] } = {};
  const integer = (name: string, min: number): number => parseInteger(name, props.get(name)!, { min });
  for (const name of props.keys()) {
    if (!(PRODUCER_PROPS as readonly string[]).includes(name)) throw new UsageError(`unknown producer property ${name}; known: ${PRODUCER_PROPS.join(", ")}`);
  }
  if (props.has("acks")) options.acks = parseAcks("acks", props.get("acks")!);
  if (props.has("linger.ms")) options.lingerMs = integer("linger.ms", 0);
  if (props.has("batch.size")) options.batchSizeBytes = integer("batch.size", 1);
  if (props.has("compression.type")) options.compression = parseCompression("compression.type", props.get("compression.type")!);
  if (props.has("buffer.memory")) options.bufferMemoryBytes = integer("buffer.memory", 1);
  if (props.has("max.in.flight.requests.per.connection")) options.maxInFlightRequests = integer("max.in.flight.requests.per.connection", 1);
  if (props.has("delivery.timeout.ms")) options.deliveryTimeoutMs = integer("delivery.timeout.ms", 0);
  if (props.has("max.request.size")) options.maxRequestBytes = integer("max.request.size", 1);
  if (props.has("max.block.ms")) options.maxBlockMs = integer("max.block.ms", 0);
  if (props.has("retries")) options.retry = { retries: integer("retries", 0) };
  const idempotence = props.get("enable.idempotence");
  if (idempotence !== undefined) options.idempotent = parseBooleanWord("enable.idempotence", idempotence);
  else if (options.acks !== undefined && options.acks !== -1) options.idempotent = false;
  return { options, clientId: props.get("client.id") };
}
