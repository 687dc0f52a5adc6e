/**
 * The broker's control plane: how a broker talks to the controller quorum (DESIGN.md decisions 5
 * and 6). A broker process builds one of each, in this order:
 * 1. {@link ControllerChannel}: unary calls to the active controller, wherever it is;
 * 2. {@link MetadataListener}: the committed metadata log, streamed into a local image, with a
 *    LevelDB checkpoint under the first log dir (`__metadata_checkpoint`);
 * 3. {@link BrokerLifecycle}: registration, heartbeats, fencing and controlled shutdown; it holds
 *    the broker epoch that AlterPartition and fetches carry.
 * Stop them in reverse order: lifecycle (after a controlled shutdown), listener, channel.
 */
export { ControllerChannel } from "./controller-channel.js";
export type { CallOptions, ControllerChannelOptions } from "./controller-channel.js";
export type { ControllerMethod, ControllerRequest, ControllerResponse, ControllerUnaryMethods } from "./controller-methods.js";
export { GrpcControllerTransport } from "./controller-transport.js";
export type { ControllerTransport } from "./controller-transport.js";
export { MetadataListener } from "./metadata-listener.js";
export type { MetadataChangeListener, MetadataListenerOptions } from "./metadata-listener.js";
export { samePartitionState } from "./metadata-delta.js";
export type { DeletedTopic, LocalChanges, MetadataDelta } from "./metadata-delta.js";
export { CHECKPOINT_FORMAT_VERSION, METADATA_CHECKPOINT_DIR, MetadataCheckpointStore } from "./metadata-checkpoint.js";
export type { MetadataCheckpoint } from "./metadata-checkpoint.js";
export { advertisedEndpoints, BrokerLifecycle } from "./broker-lifecycle.js";
export type { BrokerLifecycleOptions, ControlledShutdownOutcome, MetadataProgress } from "./broker-lifecycle.js";
export { canTransition, LIFECYCLE_TRANSITIONS } from "./broker-lifecycle-state.js";
export type { BrokerLifecycleState } from "./broker-lifecycle-state.js";
export { Backoff, DEFAULT_BACKOFF } from "./backoff.js";
export type { BackoffPolicy } from "./backoff.js";
export { sleep, systemScheduler } from "./scheduler.js";
export type { Scheduler } from "./scheduler.js";
export { SILENT_LOGGER } from "./logger.js";
export type { Logger } from "./logger.js";
