import { createAdmin, type Admin } from "../admin/admin.js";
import { NOOP_LOGGER } from "../logging/logger.js";
import { testCluster, type TestClusterOptions } from "./test-cluster.js";

/** testAdmin builds an admin client over `brokers` with fast retries. */
export function testAdmin(brokers: readonly string[], options: TestClusterOptions = {}): Admin {
  return createAdmin({ cluster: (observer) => testCluster(brokers, { ...options, observer }), logger: options.logger ?? NOOP_LOGGER });
}
