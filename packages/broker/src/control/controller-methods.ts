import type { AllocateProducerIdsRequest } from "@tributary/client/internal/generated/tributary/v1/AllocateProducerIdsRequest";
import type { AllocateProducerIdsResponse__Output } from "@tributary/client/internal/generated/tributary/v1/AllocateProducerIdsResponse";
import type { AlterConfigsRequest } from "@tributary/client/internal/generated/tributary/v1/AlterConfigsRequest";
import type { AlterConfigsResponse__Output } from "@tributary/client/internal/generated/tributary/v1/AlterConfigsResponse";
import type { AlterPartitionRequest } from "@tributary/client/internal/generated/tributary/v1/AlterPartitionRequest";
import type { AlterPartitionResponse__Output } from "@tributary/client/internal/generated/tributary/v1/AlterPartitionResponse";
import type { BrokerHeartbeatRequest } from "@tributary/client/internal/generated/tributary/v1/BrokerHeartbeatRequest";
import type { BrokerHeartbeatResponse__Output } from "@tributary/client/internal/generated/tributary/v1/BrokerHeartbeatResponse";
import type { CreatePartitionsRequest } from "@tributary/client/internal/generated/tributary/v1/CreatePartitionsRequest";
import type { CreatePartitionsResponse__Output } from "@tributary/client/internal/generated/tributary/v1/CreatePartitionsResponse";
import type { CreateTopicsRequest } from "@tributary/client/internal/generated/tributary/v1/CreateTopicsRequest";
import type { CreateTopicsResponse__Output } from "@tributary/client/internal/generated/tributary/v1/CreateTopicsResponse";
import type { DeleteTopicsRequest } from "@tributary/client/internal/generated/tributary/v1/DeleteTopicsRequest";
import type { DeleteTopicsResponse__Output } from "@tributary/client/internal/generated/tributary/v1/DeleteTopicsResponse";
import type { DescribeClusterRequest } from "@tributary/client/internal/generated/tributary/v1/DescribeClusterRequest";
import type { DescribeClusterResponse__Output } from "@tributary/client/internal/generated/tributary/v1/DescribeClusterResponse";
import type { DescribeConfigsRequest } from "@tributary/client/internal/generated/tributary/v1/DescribeConfigsRequest";
import type { DescribeConfigsResponse__Output } from "@tributary/client/internal/generated/tributary/v1/DescribeConfigsResponse";
import type { DescribeQuorumRequest } from "@tributary/client/internal/generated/tributary/v1/DescribeQuorumRequest";
import type { DescribeQuorumResponse__Output } from "@tributary/client/internal/generated/tributary/v1/DescribeQuorumResponse";
import type { ElectLeadersRequest } from "@tributary/client/internal/generated/tributary/v1/ElectLeadersRequest";
import type { ElectLeadersResponse__Output } from "@tributary/client/internal/generated/tributary/v1/ElectLeadersResponse";
import type { RegisterBrokerRequest } from "@tributary/client/internal/generated/tributary/v1/RegisterBrokerRequest";
import type { RegisterBrokerResponse__Output } from "@tributary/client/internal/generated/tributary/v1/RegisterBrokerResponse";

/**
 * ControllerUnaryMethods maps each unary method of the Controller service that must reach the
 * active controller to its request and response types. (Reads such as DescribeConfigs are served
 * by any controller, but sending them to the active one reads the freshest image.)
 */
export interface ControllerUnaryMethods {
  RegisterBroker: { request: RegisterBrokerRequest; response: RegisterBrokerResponse__Output };
  BrokerHeartbeat: { request: BrokerHeartbeatRequest; response: BrokerHeartbeatResponse__Output };
  AlterPartition: { request: AlterPartitionRequest; response: AlterPartitionResponse__Output };
  AllocateProducerIds: { request: AllocateProducerIdsRequest; response: AllocateProducerIdsResponse__Output };
  CreateTopics: { request: CreateTopicsRequest; response: CreateTopicsResponse__Output };
  DeleteTopics: { request: DeleteTopicsRequest; response: DeleteTopicsResponse__Output };
  CreatePartitions: { request: CreatePartitionsRequest; response: CreatePartitionsResponse__Output };
  DescribeConfigs: { request: DescribeConfigsRequest; response: DescribeConfigsResponse__Output };
  AlterConfigs: { request: AlterConfigsRequest; response: AlterConfigsResponse__Output };
  ElectLeaders: { request: ElectLeadersRequest; response: ElectLeadersResponse__Output };
  DescribeQuorum: { request: DescribeQuorumRequest; response: DescribeQuorumResponse__Output };
  DescribeCluster: { request: DescribeClusterRequest; response: DescribeClusterResponse__Output };
}

/** ControllerMethod names one of {@link ControllerUnaryMethods}. */
export type ControllerMethod = keyof ControllerUnaryMethods;

/** ControllerRequest is the request type of method `M`. */
export type ControllerRequest<M extends ControllerMethod> = ControllerUnaryMethods[M]["request"];

/** ControllerResponse is the response type of method `M`. */
export type ControllerResponse<M extends ControllerMethod> = ControllerUnaryMethods[M]["response"];
