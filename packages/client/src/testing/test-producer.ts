import type { Logger } from "../logging/logger.js";
import { NOOP_LOGGER } from "../logging/logger.js";
import { createProducer, type Producer } from "../producer/producer.js";
import { resolveProducerOptions, type ProducerOptions } from "../producer/producer-options.js";
import { SYSTEM_CLOCK, type Clock } from "../time/clock.js";
import { FAST_RETRY, testCluster, type TestClusterOptions } from "./test-cluster.js";

/** TestProducerOptions are producer options plus the test's clock, random source and cluster settings. */
export interface TestProducerOptions extends ProducerOptions {
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly cluster?: TestClusterOptions;
  readonly logger?: Logger;
}

/** testProducer builds a producer over `brokers` with fast retries and test-friendly defaults. */
export function testProducer(brokers: readonly string[], options: TestProducerOptions = {}): Producer {
  const { clock = SYSTEM_CLOCK, random = Math.random, cluster = {}, logger = NOOP_LOGGER, ...producerOptions } = options;
  return createProducer({
    cluster: (observer) => testCluster(brokers, { clock, random, observer, logger, ...cluster }),
    options: resolveProducerOptions({ lingerMs: 0, ...producerOptions }, cluster.retry ?? FAST_RETRY),
    clock,
    random,
    logger,
  });
}
