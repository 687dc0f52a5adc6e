import type { AssertionError } from "@tributary/client/internal/assert";
import type { BrokerHandlers } from "@tributary/client/internal/generated/tributary/v1/Broker";
import type { MetadataImage } from "@tributary/controller/internal/metadata";
import type { BrokerConfig } from "../config/broker-config.js";
import type { ControllerChannel } from "../control/controller-channel.js";
import type { Logger } from "../control/logger.js";
import { systemScheduler, type Scheduler } from "../purgatory/scheduler.js";
import type { GroupMethods } from "../service/broker-service.js";
import type { AckWaiter } from "../service/waiters.js";
import { coordinatorMetadataOf } from "./coordinator-metadata.js";
import { CoordinatorLocator } from "./coordinator-locator.js";
import { groupConfig } from "./group-config.js";
import { GroupCoordinator, type OffsetsPartitionSource } from "./group-coordinator.js";
import { groupService } from "./group-service.js";
import { topicsViewOf } from "./topics-view.js";

/** BrokerGroupsOptions is what a broker node has at hand to run its group coordinator. */
export interface BrokerGroupsOptions {
  readonly config: Pick<BrokerConfig, "nodeId" | "flushBeforeAck" | "offsetsTopicPartitions" | "offsetsTopicReplicationFactor" | "groupSessionTimeoutMs" | "groupHeartbeatIntervalMs">;
  readonly image: () => MetadataImage;
  /** The replica manager: the offsets partitions this broker leads. */
  readonly replicas: OffsetsPartitionSource;
  /** The broker's PartitionWaiters: acks=all waits. */
  readonly ackWaiter: AckWaiter;
  /** The controller channel, to create `__consumer_offsets`. */
  readonly channel: Pick<ControllerChannel, "call">;
  readonly isServing: () => boolean;
  readonly logger: Logger;
  readonly onBug: (error: AssertionError) => void;
  readonly scheduler?: Scheduler;
}

/** BrokerGroups is a broker's group coordinator and the gRPC handlers that serve it. */
export interface BrokerGroups {
  /** Start it once the replica manager exists; shut it down before the replica manager. */
  readonly coordinator: GroupCoordinator;
  /**
   * handlersFor is the Broker service's group calls for the server of one listener, to merge with
   * `brokerService(...)`: FindCoordinator answers with coordinator addresses on that listener.
   */
  handlersFor(clientListener: string): Pick<BrokerHandlers, GroupMethods>;
}

/**
 * brokerGroups builds a broker's group coordinator from its config and parts:
 *
 * ```ts
 * const groups = brokerGroups({ config, image, replicas, ackWaiter: waiters, channel, isServing, logger, onBug });
 * server.addService(Broker.service, { ...brokerService(...), ...groups.handlersFor(listener.name) }); // per listener
 * groups.coordinator.start();       // after the replica manager exists
 * await groups.coordinator.shutdown(); // in stop(), before replicas.shutdown()
 * ```
 */
export function brokerGroups(options: BrokerGroupsOptions): BrokerGroups {
  const { config } = options;
  const metadata = coordinatorMetadataOf(options.image);
  const coordinator = new GroupCoordinator({
    brokerId: config.nodeId,
    replicas: options.replicas,
    ackWaiter: options.ackWaiter,
    metadata,
    config: groupConfig({ sessionTimeoutMs: config.groupSessionTimeoutMs, heartbeatIntervalMs: config.groupHeartbeatIntervalMs }),
    scheduler: options.scheduler ?? systemScheduler,
    flushBeforeAck: config.flushBeforeAck,
    logger: options.logger,
    onBug: options.onBug,
  });
  const locator = new CoordinatorLocator({
    image: options.image,
    channel: options.channel,
    offsetsTopicPartitions: config.offsetsTopicPartitions,
    offsetsTopicReplicationFactor: config.offsetsTopicReplicationFactor,
    logger: options.logger,
  });
  const handlersFor = (clientListener: string) =>
    groupService({
      brokerId: config.nodeId,
      coordinator,
      locator,
      clientListener,
      topics: () => topicsViewOf(options.image()),
      isServing: options.isServing,
      onBug: options.onBug,
    });
  return { coordinator, handlersFor };
}
