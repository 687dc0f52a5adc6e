import { createAdmin, type Admin } from "./admin/admin.js";
import { Cluster } from "./cluster/cluster.js";
import { parseBrokerAddress, type BrokerAddress } from "./connection/broker-address.js";
import { createConsumer, type Consumer } from "./consumer/consumer.js";
import { resolveConsumerOptions, type ConsumerOptions } from "./consumer/consumer-options.js";
import { TributaryError } from "./errors/tributary-error.js";
import type { NetworkObserver } from "./instrumentation/network-events.js";
import { jsonLogCreator } from "./logging/json-log-creator.js";
import { LogLevel, logLevelFromEnv, type LogLevelValue } from "./logging/log-level.js";
import { createLogger, type LogCreator, type Logger } from "./logging/logger.js";
import { createProducer, type Producer } from "./producer/producer.js";
import { resolveProducerOptions, type ProducerOptions } from "./producer/producer-options.js";
import { resolveRetryOptions, type RetryOptions } from "./retry/retry-options.js";
import { SYSTEM_CLOCK } from "./time/clock.js";

/** TributaryConfig configures a client; only `brokers` is required. */
export interface TributaryConfig {
  /** brokers are bootstrap addresses, "host:port"; any one that answers is enough. */
  readonly brokers: readonly string[];
  /** clientId names the application in broker logs and request events (default "tributary"). */
  readonly clientId?: string;
  /** retry shapes retries of every request (KafkaJS's defaults: 5 retries from 300 ms, ×2, 20% jitter, 30 s cap). */
  readonly retry?: Partial<RetryOptions>;
  /** logLevel (default INFO); the TRIBUTARY_LOG_LEVEL environment variable overrides it. */
  readonly logLevel?: LogLevelValue;
  /** logCreator replaces the default JSON-lines logger (KafkaJS log creators work). */
  readonly logCreator?: LogCreator;
  /** requestTimeoutMs is the deadline of one request (default 30000). */
  readonly requestTimeoutMs?: number;
  /** connectionTimeoutMs bounds establishing a connection to a broker (default 3000). */
  readonly connectionTimeoutMs?: number;
  /** metadataMaxAgeMs refreshes topic metadata at least this often while in use (default 300000). */
  readonly metadataMaxAgeMs?: number;
}

/** AdminOptions configure an admin client. */
export interface AdminOptions {
  /** retry overrides the client's retry options for this admin client. */
  readonly retry?: Partial<RetryOptions>;
}

/**
 * Tributary is the SDK's entry point, as `Kafka` is KafkaJS's: it holds the configuration and
 * makes producers, consumers and admin clients, each with its own connections. Creating it does no I/O.
 *
 * ```ts
 * const client = new Tributary({ brokers: ["localhost:9092"] });
 * const producer = client.producer();
 * await producer.connect();
 * await producer.send({ topic: "orders", messages: [{ key: "o-1", value: "created" }] });
 * ```
 */
export class Tributary {
  private readonly seedBrokers: readonly BrokerAddress[];
  private readonly clientId: string;
  private readonly retry: RetryOptions;
  private readonly requestTimeoutMs: number;
  private readonly connectionTimeoutMs: number;
  private readonly metadataMaxAgeMs: number;
  private readonly rootLogger: Logger;

  /** @throws TributaryError INVALID_CONFIG naming the bad setting. */
  constructor(config: TributaryConfig) {
    if (!Array.isArray(config.brokers) || config.brokers.length === 0) {
      throw new TributaryError("INVALID_CONFIG", 'brokers must list at least one "host:port" bootstrap address');
    }
    this.seedBrokers = config.brokers.map((broker) => parseBrokerAddress(broker));
    this.clientId = config.clientId ?? "tributary";
    if (this.clientId.length === 0) throw new TributaryError("INVALID_CONFIG", "clientId must not be empty");
    this.retry = resolveRetryOptions(config.retry);
    this.requestTimeoutMs = positiveMs(config.requestTimeoutMs ?? 30_000, "requestTimeoutMs");
    this.connectionTimeoutMs = positiveMs(config.connectionTimeoutMs ?? 3_000, "connectionTimeoutMs");
    this.metadataMaxAgeMs = positiveMs(config.metadataMaxAgeMs ?? 300_000, "metadataMaxAgeMs");
    const level = logLevelFromEnv() ?? config.logLevel ?? LogLevel.INFO;
    this.rootLogger = createLogger(level, config.logCreator ?? jsonLogCreator);
  }

  /** producer makes a producer; see {@link ProducerOptions} for its settings and defaults. */
  producer(options: ProducerOptions = {}): Producer {
    const resolved = resolveProducerOptions(options, this.retry);
    const metadataMaxAgeMs = options.metadataMaxAgeMs === undefined ? this.metadataMaxAgeMs : positiveMs(options.metadataMaxAgeMs, "metadataMaxAgeMs");
    return createProducer({
      cluster: (observer) => this.cluster(observer, resolveRetryOptions(options.retry, this.retry), metadataMaxAgeMs),
      options: resolved,
      clock: SYSTEM_CLOCK,
      random: Math.random,
      logger: this.rootLogger,
    });
  }

  /** consumer makes a consumer; see {@link ConsumerOptions} for its settings and defaults. */
  consumer(options: ConsumerOptions = {}): Consumer {
    const resolved = resolveConsumerOptions(options, this.retry);
    const metadataMaxAgeMs = options.metadataMaxAgeMs === undefined ? this.metadataMaxAgeMs : positiveMs(options.metadataMaxAgeMs, "metadataMaxAgeMs");
    return createConsumer({
      cluster: (observer) => this.cluster(observer, resolved.retry, metadataMaxAgeMs),
      options: resolved,
      clientId: this.clientId,
      clock: SYSTEM_CLOCK,
      random: Math.random,
      logger: this.rootLogger,
    });
  }

  /** admin makes an admin client. */
  admin(options: AdminOptions = {}): Admin {
    const retry = resolveRetryOptions(options.retry, this.retry);
    return createAdmin({ cluster: (observer) => this.cluster(observer, retry, this.metadataMaxAgeMs), logger: this.rootLogger });
  }

  /** logger is the client's root logger; `setLogLevel` on it changes the level of every part. */
  logger(): Logger {
    return this.rootLogger;
  }

  private cluster(observer: NetworkObserver, retry: RetryOptions, metadataMaxAgeMs: number): Cluster {
    return new Cluster({
      seedBrokers: this.seedBrokers,
      clientId: this.clientId,
      requestTimeoutMs: this.requestTimeoutMs,
      connectionTimeoutMs: this.connectionTimeoutMs,
      metadataMaxAgeMs,
      retry,
      logger: this.rootLogger,
      observer,
      clock: SYSTEM_CLOCK,
      random: Math.random,
    });
  }
}

function positiveMs(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new TributaryError("INVALID_CONFIG", `${name} is ${value}; it must be a positive number of ms`);
  return value;
}
