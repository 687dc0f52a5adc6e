import { createConsumer, type Consumer } from "../consumer/consumer.js";
import { resolveConsumerOptions, type ConsumerOptions } from "../consumer/consumer-options.js";
import { NOOP_LOGGER, type Logger } from "../logging/logger.js";
import { SYSTEM_CLOCK, type Clock } from "../time/clock.js";
import { FAST_RETRY, testCluster, type TestClusterOptions } from "./test-cluster.js";

/** TestConsumerOptions are consumer options plus the test's clock, random source and cluster settings. */
export interface TestConsumerOptions extends ConsumerOptions {
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly cluster?: TestClusterOptions;
  readonly logger?: Logger;
}

/**
 * testConsumer builds a consumer over `brokers` with fast retries and short waits: fetches
 * long-poll 50 ms, heartbeats every 20 ms until the coordinator says otherwise.
 */
export function testConsumer(brokers: readonly string[], options: TestConsumerOptions = {}): Consumer {
  const { clock = SYSTEM_CLOCK, random = () => 0.5, cluster = {}, logger = NOOP_LOGGER, ...consumerOptions } = options;
  const retry = cluster.retry ?? FAST_RETRY;
  return createConsumer({
    cluster: (observer) => testCluster(brokers, { clock, random, observer, logger, retry, ...cluster }),
    options: resolveConsumerOptions({ maxWaitTimeMs: 50, heartbeatIntervalMs: 20, sessionTimeoutMs: 10_000, ...consumerOptions }, retry),
    clientId: "test-consumer",
    clock,
    random,
    logger,
  });
}
