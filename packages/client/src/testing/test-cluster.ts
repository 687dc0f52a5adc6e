import { Cluster } from "../cluster/cluster.js";
import { parseBrokerAddress } from "../connection/broker-address.js";
import type { NetworkObserver } from "../instrumentation/network-events.js";
import { NOOP_LOGGER, type Logger } from "../logging/logger.js";
import type { RetryOptions } from "../retry/retry-options.js";
import { SYSTEM_CLOCK, type Clock } from "../time/clock.js";

/** FAST_RETRY retries quickly, so tests of retry paths take milliseconds. */
export const FAST_RETRY: RetryOptions = { retries: 5, initialRetryTimeMs: 1, maxRetryTimeMs: 5, multiplier: 2, factor: 0 };

/** TestClusterOptions override the defaults of {@link testCluster}. */
export interface TestClusterOptions {
  readonly retry?: RetryOptions;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly observer?: NetworkObserver;
  readonly requestTimeoutMs?: number;
  readonly connectionTimeoutMs?: number;
  readonly metadataMaxAgeMs?: number;
  readonly logger?: Logger;
}

/** testCluster builds a cluster layer over `brokers` with test-friendly timeouts and retries. */
export function testCluster(brokers: readonly string[], options: TestClusterOptions = {}): Cluster {
  return new Cluster({
    seedBrokers: brokers.map(parseBrokerAddress),
    clientId: "test-client",
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 2_000,
    metadataMaxAgeMs: options.metadataMaxAgeMs ?? 300_000,
    retry: options.retry ?? FAST_RETRY,
    logger: options.logger ?? NOOP_LOGGER,
    clock: options.clock ?? SYSTEM_CLOCK,
    random: options.random ?? (() => 0),
    ...(options.observer ? { observer: options.observer } : {}),
  });
}
