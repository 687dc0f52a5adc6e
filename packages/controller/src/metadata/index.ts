/**
 * The controller's metadata state machine (KIP-631): records and their codec, the image that
 * `replay` mutates, and the managers that compute `{ records, response }` without mutating.
 */
export type {
  BrokerControlledShutdownRecord,
  BrokerEndpoint,
  ConfigRecord,
  ConfigResourceType,
  FenceBrokerRecord,
  MetadataRecord,
  MetadataRecordType,
  NoOpRecord,
  PartitionChangeRecord,
  PartitionRecord,
  ProducerIdsRecord,
  RegisterBrokerRecord,
  RemoveTopicRecord,
  TopicRecord,
  UnfenceBrokerRecord,
  UnregisterBrokerRecord,
} from "./records.js";
export { NO_LEADER } from "./records.js";
export { decodeMetadataRecord, encodeMetadataRecord, METADATA_RECORD_BYTES_MAX, METADATA_RECORD_VERSION, metadataRecordProblem } from "./record-codec.js";
export { MetadataImage } from "./metadata-image.js";
export type { BrokerRegistration, BrokerState, ClusterView } from "./cluster-image.js";
export type { TopicImage, TopicsView } from "./topics-image.js";
export type { ConfigResource, ConfigsView } from "./configs-image.js";
export type { ProducerIdsView } from "./producer-ids-image.js";
export { applyPartitionChange } from "./partition-state.js";
export type { PartitionState } from "./partition-state.js";
export { imageInvariantProblems } from "./image-invariants.js";
export type { AtOffset, ControllerResult } from "./controller-result.js";
export { DEFAULT_METADATA_CONTROL_OPTIONS } from "./metadata-options.js";
export type { MetadataControlOptions } from "./metadata-options.js";
export { createMetadataControl } from "./metadata-control.js";
export type { MetadataControl, MetadataControlParams } from "./metadata-control.js";
export { HeartbeatTracker } from "./heartbeat-tracker.js";
export { ClusterControl } from "./cluster-control.js";
export type { BrokerHeartbeatReply, BrokerHeartbeatRequest, BrokerRegistrationReply, RegisterBrokerRequest } from "./cluster-control.js";
export { TopicControl } from "./topic-control.js";
export type {
  CreatePartitionsRequest,
  CreatePartitionsResult,
  CreateTopicRequest,
  CreateTopicResult,
  DeleteTopicResult,
  TopicIdGenerator,
} from "./topic-control.js";
export { leadershipOf, ReplicationControl } from "./replication-control.js";
export type { AlterPartitionRequest, IsrMember, PartitionLeadership } from "./replication-control.js";
export { ConfigControl } from "./config-control.js";
export type { AlterConfigsRequest, AlterConfigsResult, ConfigChange, ConfigSource, DescribeConfigsResult, DescribedConfig } from "./config-control.js";
export { BROKER_CONFIGS, TOPIC_CONFIGS } from "./topic-configs.js";
export type { TopicConfigDefinition } from "./topic-configs.js";
export { ProducerIdControl } from "./producer-id-control.js";
export type { AllocateProducerIdsRequest, ProducerIdBlock } from "./producer-id-control.js";
export { placeReplicas } from "./replica-placement.js";
export type { PlacementBroker, PlacementRequest } from "./replica-placement.js";
export { topicCollisionKey, topicNameProblem, TOPIC_NAME_CHARS_MAX } from "./topic-validation.js";
export { describeBrokers, describeTopicById, describeTopics, partitionsOfBroker } from "./metadata-queries.js";
export type { BrokerDescription, PartitionDescription, TopicDescription } from "./metadata-queries.js";
