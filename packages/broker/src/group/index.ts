/**
 * The consumer group coordinator (DESIGN.md decision 8, KIP-848): server-side assignment with
 * incremental hand-over, group state and committed offsets as records in `__consumer_offsets`,
 * one pure state machine per offsets partition and a thin runtime around them.
 */

/** brokerGroups wires a broker's coordinator and handlers; see its doc for the broker-node lines. */
export { brokerGroups } from "./broker-groups.js";
/** See {@link brokerGroups}. */
export type { BrokerGroups, BrokerGroupsOptions } from "./broker-groups.js";
/** groupService is the Broker service's group calls over a coordinator and a locator. */
export { groupService } from "./group-service.js";
/** See {@link groupService}. */
export type { GroupServiceOptions } from "./group-service.js";
/** GroupCoordinator is the runtime: loading, one write at a time per shard, timeouts. */
export { GroupCoordinator } from "./group-coordinator.js";
/** See {@link GroupCoordinator}. */
export type { GroupCoordinatorOptions, ListedGroups, OffsetsPartitionSource } from "./group-coordinator.js";
/** CoordinatorLocator answers FindCoordinator and creates `__consumer_offsets` on demand. */
export { CoordinatorLocator } from "./coordinator-locator.js";
/** See {@link CoordinatorLocator}. */
export type { CoordinatorAddress, CoordinatorLocatorOptions } from "./coordinator-locator.js";
/** What the coordinator reads from the metadata image, and its adapter. */
export { coordinatorMetadataOf } from "./coordinator-metadata.js";
/** See {@link coordinatorMetadataOf}. */
export type { CoordinatorMetadata } from "./coordinator-metadata.js";
/** The coordinator's limits and defaults. */
export { groupConfig } from "./group-config.js";
/** See {@link groupConfig}. */
export type { GroupConfig } from "./group-config.js";
/** The offsets topic and Kafka's group placement. */
export { OFFSETS_TOPIC, offsetsPartitionFor, javaStringHashCode } from "./offsets-topic.js";
/** The pure state machine of one offsets partition. */
export { GroupCoordinatorShard } from "./group-coordinator-shard.js";
/** The server-side assignors. */
export { ASSIGNORS, DEFAULT_ASSIGNOR } from "./assignors.js";
