// Original file: proto/tributary/v1/controller.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AllocateProducerIdsRequest as _tributary_v1_AllocateProducerIdsRequest, AllocateProducerIdsRequest__Output as _tributary_v1_AllocateProducerIdsRequest__Output } from '../../tributary/v1/AllocateProducerIdsRequest.js';
import type { AllocateProducerIdsResponse as _tributary_v1_AllocateProducerIdsResponse, AllocateProducerIdsResponse__Output as _tributary_v1_AllocateProducerIdsResponse__Output } from '../../tributary/v1/AllocateProducerIdsResponse.js';
import type { AlterConfigsRequest as _tributary_v1_AlterConfigsRequest, AlterConfigsRequest__Output as _tributary_v1_AlterConfigsRequest__Output } from '../../tributary/v1/AlterConfigsRequest.js';
import type { AlterConfigsResponse as _tributary_v1_AlterConfigsResponse, AlterConfigsResponse__Output as _tributary_v1_AlterConfigsResponse__Output } from '../../tributary/v1/AlterConfigsResponse.js';
import type { AlterPartitionRequest as _tributary_v1_AlterPartitionRequest, AlterPartitionRequest__Output as _tributary_v1_AlterPartitionRequest__Output } from '../../tributary/v1/AlterPartitionRequest.js';
import type { AlterPartitionResponse as _tributary_v1_AlterPartitionResponse, AlterPartitionResponse__Output as _tributary_v1_AlterPartitionResponse__Output } from '../../tributary/v1/AlterPartitionResponse.js';
import type { BrokerHeartbeatRequest as _tributary_v1_BrokerHeartbeatRequest, BrokerHeartbeatRequest__Output as _tributary_v1_BrokerHeartbeatRequest__Output } from '../../tributary/v1/BrokerHeartbeatRequest.js';
import type { BrokerHeartbeatResponse as _tributary_v1_BrokerHeartbeatResponse, BrokerHeartbeatResponse__Output as _tributary_v1_BrokerHeartbeatResponse__Output } from '../../tributary/v1/BrokerHeartbeatResponse.js';
import type { CreatePartitionsRequest as _tributary_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _tributary_v1_CreatePartitionsRequest__Output } from '../../tributary/v1/CreatePartitionsRequest.js';
import type { CreatePartitionsResponse as _tributary_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _tributary_v1_CreatePartitionsResponse__Output } from '../../tributary/v1/CreatePartitionsResponse.js';
import type { CreateTopicsRequest as _tributary_v1_CreateTopicsRequest, CreateTopicsRequest__Output as _tributary_v1_CreateTopicsRequest__Output } from '../../tributary/v1/CreateTopicsRequest.js';
import type { CreateTopicsResponse as _tributary_v1_CreateTopicsResponse, CreateTopicsResponse__Output as _tributary_v1_CreateTopicsResponse__Output } from '../../tributary/v1/CreateTopicsResponse.js';
import type { DeleteTopicsRequest as _tributary_v1_DeleteTopicsRequest, DeleteTopicsRequest__Output as _tributary_v1_DeleteTopicsRequest__Output } from '../../tributary/v1/DeleteTopicsRequest.js';
import type { DeleteTopicsResponse as _tributary_v1_DeleteTopicsResponse, DeleteTopicsResponse__Output as _tributary_v1_DeleteTopicsResponse__Output } from '../../tributary/v1/DeleteTopicsResponse.js';
import type { DescribeClusterRequest as _tributary_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _tributary_v1_DescribeClusterRequest__Output } from '../../tributary/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _tributary_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _tributary_v1_DescribeClusterResponse__Output } from '../../tributary/v1/DescribeClusterResponse.js';
import type { DescribeConfigsRequest as _tributary_v1_DescribeConfigsRequest, DescribeConfigsRequest__Output as _tributary_v1_DescribeConfigsRequest__Output } from '../../tributary/v1/DescribeConfigsRequest.js';
import type { DescribeConfigsResponse as _tributary_v1_DescribeConfigsResponse, DescribeConfigsResponse__Output as _tributary_v1_DescribeConfigsResponse__Output } from '../../tributary/v1/DescribeConfigsResponse.js';
import type { DescribeQuorumRequest as _tributary_v1_DescribeQuorumRequest, DescribeQuorumRequest__Output as _tributary_v1_DescribeQuorumRequest__Output } from '../../tributary/v1/DescribeQuorumRequest.js';
import type { DescribeQuorumResponse as _tributary_v1_DescribeQuorumResponse, DescribeQuorumResponse__Output as _tributary_v1_DescribeQuorumResponse__Output } from '../../tributary/v1/DescribeQuorumResponse.js';
import type { ElectLeadersRequest as _tributary_v1_ElectLeadersRequest, ElectLeadersRequest__Output as _tributary_v1_ElectLeadersRequest__Output } from '../../tributary/v1/ElectLeadersRequest.js';
import type { ElectLeadersResponse as _tributary_v1_ElectLeadersResponse, ElectLeadersResponse__Output as _tributary_v1_ElectLeadersResponse__Output } from '../../tributary/v1/ElectLeadersResponse.js';
import type { MetadataChunk as _tributary_v1_MetadataChunk, MetadataChunk__Output as _tributary_v1_MetadataChunk__Output } from '../../tributary/v1/MetadataChunk.js';
import type { RegisterBrokerRequest as _tributary_v1_RegisterBrokerRequest, RegisterBrokerRequest__Output as _tributary_v1_RegisterBrokerRequest__Output } from '../../tributary/v1/RegisterBrokerRequest.js';
import type { RegisterBrokerResponse as _tributary_v1_RegisterBrokerResponse, RegisterBrokerResponse__Output as _tributary_v1_RegisterBrokerResponse__Output } from '../../tributary/v1/RegisterBrokerResponse.js';
import type { StreamMetadataRequest as _tributary_v1_StreamMetadataRequest, StreamMetadataRequest__Output as _tributary_v1_StreamMetadataRequest__Output } from '../../tributary/v1/StreamMetadataRequest.js';

export interface ControllerClient extends grpc.Client {
  AllocateProducerIds(argument: _tributary_v1_AllocateProducerIdsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AllocateProducerIdsResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerIds(argument: _tributary_v1_AllocateProducerIdsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_AllocateProducerIdsResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerIds(argument: _tributary_v1_AllocateProducerIdsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AllocateProducerIdsResponse__Output>): grpc.ClientUnaryCall;
  AllocateProducerIds(argument: _tributary_v1_AllocateProducerIdsRequest, callback: grpc.requestCallback<_tributary_v1_AllocateProducerIdsResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerIds(argument: _tributary_v1_AllocateProducerIdsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AllocateProducerIdsResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerIds(argument: _tributary_v1_AllocateProducerIdsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_AllocateProducerIdsResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerIds(argument: _tributary_v1_AllocateProducerIdsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AllocateProducerIdsResponse__Output>): grpc.ClientUnaryCall;
  allocateProducerIds(argument: _tributary_v1_AllocateProducerIdsRequest, callback: grpc.requestCallback<_tributary_v1_AllocateProducerIdsResponse__Output>): grpc.ClientUnaryCall;
  
  AlterConfigs(argument: _tributary_v1_AlterConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _tributary_v1_AlterConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _tributary_v1_AlterConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _tributary_v1_AlterConfigsRequest, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _tributary_v1_AlterConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _tributary_v1_AlterConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _tributary_v1_AlterConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _tributary_v1_AlterConfigsRequest, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  
  AlterPartition(argument: _tributary_v1_AlterPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  AlterPartition(argument: _tributary_v1_AlterPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  AlterPartition(argument: _tributary_v1_AlterPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  AlterPartition(argument: _tributary_v1_AlterPartitionRequest, callback: grpc.requestCallback<_tributary_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  alterPartition(argument: _tributary_v1_AlterPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  alterPartition(argument: _tributary_v1_AlterPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  alterPartition(argument: _tributary_v1_AlterPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  alterPartition(argument: _tributary_v1_AlterPartitionRequest, callback: grpc.requestCallback<_tributary_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  
  BrokerHeartbeat(argument: _tributary_v1_BrokerHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  BrokerHeartbeat(argument: _tributary_v1_BrokerHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  BrokerHeartbeat(argument: _tributary_v1_BrokerHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  BrokerHeartbeat(argument: _tributary_v1_BrokerHeartbeatRequest, callback: grpc.requestCallback<_tributary_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  brokerHeartbeat(argument: _tributary_v1_BrokerHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  brokerHeartbeat(argument: _tributary_v1_BrokerHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  brokerHeartbeat(argument: _tributary_v1_BrokerHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  brokerHeartbeat(argument: _tributary_v1_BrokerHeartbeatRequest, callback: grpc.requestCallback<_tributary_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  CreatePartitions(argument: _tributary_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _tributary_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_tributary_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _tributary_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_tributary_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  CreateTopics(argument: _tributary_v1_CreateTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _tributary_v1_CreateTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _tributary_v1_CreateTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _tributary_v1_CreateTopicsRequest, callback: grpc.requestCallback<_tributary_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _tributary_v1_CreateTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _tributary_v1_CreateTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _tributary_v1_CreateTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _tributary_v1_CreateTopicsRequest, callback: grpc.requestCallback<_tributary_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteTopics(argument: _tributary_v1_DeleteTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopics(argument: _tributary_v1_DeleteTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopics(argument: _tributary_v1_DeleteTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopics(argument: _tributary_v1_DeleteTopicsRequest, callback: grpc.requestCallback<_tributary_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  deleteTopics(argument: _tributary_v1_DeleteTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  deleteTopics(argument: _tributary_v1_DeleteTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  deleteTopics(argument: _tributary_v1_DeleteTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  deleteTopics(argument: _tributary_v1_DeleteTopicsRequest, callback: grpc.requestCallback<_tributary_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeCluster(argument: _tributary_v1_DescribeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _tributary_v1_DescribeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _tributary_v1_DescribeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _tributary_v1_DescribeClusterRequest, callback: grpc.requestCallback<_tributary_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _tributary_v1_DescribeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _tributary_v1_DescribeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _tributary_v1_DescribeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _tributary_v1_DescribeClusterRequest, callback: grpc.requestCallback<_tributary_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeConfigs(argument: _tributary_v1_DescribeConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeConfigsResponse__Output>): grpc.ClientUnaryCall;
  DescribeConfigs(argument: _tributary_v1_DescribeConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DescribeConfigsResponse__Output>): grpc.ClientUnaryCall;
  DescribeConfigs(argument: _tributary_v1_DescribeConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeConfigsResponse__Output>): grpc.ClientUnaryCall;
  DescribeConfigs(argument: _tributary_v1_DescribeConfigsRequest, callback: grpc.requestCallback<_tributary_v1_DescribeConfigsResponse__Output>): grpc.ClientUnaryCall;
  describeConfigs(argument: _tributary_v1_DescribeConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeConfigsResponse__Output>): grpc.ClientUnaryCall;
  describeConfigs(argument: _tributary_v1_DescribeConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DescribeConfigsResponse__Output>): grpc.ClientUnaryCall;
  describeConfigs(argument: _tributary_v1_DescribeConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeConfigsResponse__Output>): grpc.ClientUnaryCall;
  describeConfigs(argument: _tributary_v1_DescribeConfigsRequest, callback: grpc.requestCallback<_tributary_v1_DescribeConfigsResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeQuorum(argument: _tributary_v1_DescribeQuorumRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeQuorumResponse__Output>): grpc.ClientUnaryCall;
  DescribeQuorum(argument: _tributary_v1_DescribeQuorumRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DescribeQuorumResponse__Output>): grpc.ClientUnaryCall;
  DescribeQuorum(argument: _tributary_v1_DescribeQuorumRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeQuorumResponse__Output>): grpc.ClientUnaryCall;
  DescribeQuorum(argument: _tributary_v1_DescribeQuorumRequest, callback: grpc.requestCallback<_tributary_v1_DescribeQuorumResponse__Output>): grpc.ClientUnaryCall;
  describeQuorum(argument: _tributary_v1_DescribeQuorumRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeQuorumResponse__Output>): grpc.ClientUnaryCall;
  describeQuorum(argument: _tributary_v1_DescribeQuorumRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DescribeQuorumResponse__Output>): grpc.ClientUnaryCall;
  describeQuorum(argument: _tributary_v1_DescribeQuorumRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeQuorumResponse__Output>): grpc.ClientUnaryCall;
  describeQuorum(argument: _tributary_v1_DescribeQuorumRequest, callback: grpc.requestCallback<_tributary_v1_DescribeQuorumResponse__Output>): grpc.ClientUnaryCall;
  
  ElectLeaders(argument: _tributary_v1_ElectLeadersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  ElectLeaders(argument: _tributary_v1_ElectLeadersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  ElectLeaders(argument: _tributary_v1_ElectLeadersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  ElectLeaders(argument: _tributary_v1_ElectLeadersRequest, callback: grpc.requestCallback<_tributary_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  electLeaders(argument: _tributary_v1_ElectLeadersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  electLeaders(argument: _tributary_v1_ElectLeadersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  electLeaders(argument: _tributary_v1_ElectLeadersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  electLeaders(argument: _tributary_v1_ElectLeadersRequest, callback: grpc.requestCallback<_tributary_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  
  RegisterBroker(argument: _tributary_v1_RegisterBrokerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _tributary_v1_RegisterBrokerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _tributary_v1_RegisterBrokerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _tributary_v1_RegisterBrokerRequest, callback: grpc.requestCallback<_tributary_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _tributary_v1_RegisterBrokerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _tributary_v1_RegisterBrokerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _tributary_v1_RegisterBrokerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _tributary_v1_RegisterBrokerRequest, callback: grpc.requestCallback<_tributary_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  
  StreamMetadata(argument: _tributary_v1_StreamMetadataRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_v1_MetadataChunk__Output>;
  StreamMetadata(argument: _tributary_v1_StreamMetadataRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_v1_MetadataChunk__Output>;
  streamMetadata(argument: _tributary_v1_StreamMetadataRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_v1_MetadataChunk__Output>;
  streamMetadata(argument: _tributary_v1_StreamMetadataRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tributary_v1_MetadataChunk__Output>;
  
}

export interface ControllerHandlers extends grpc.UntypedServiceImplementation {
  AllocateProducerIds: grpc.handleUnaryCall<_tributary_v1_AllocateProducerIdsRequest__Output, _tributary_v1_AllocateProducerIdsResponse>;
  
  AlterConfigs: grpc.handleUnaryCall<_tributary_v1_AlterConfigsRequest__Output, _tributary_v1_AlterConfigsResponse>;
  
  AlterPartition: grpc.handleUnaryCall<_tributary_v1_AlterPartitionRequest__Output, _tributary_v1_AlterPartitionResponse>;
  
  BrokerHeartbeat: grpc.handleUnaryCall<_tributary_v1_BrokerHeartbeatRequest__Output, _tributary_v1_BrokerHeartbeatResponse>;
  
  CreatePartitions: grpc.handleUnaryCall<_tributary_v1_CreatePartitionsRequest__Output, _tributary_v1_CreatePartitionsResponse>;
  
  CreateTopics: grpc.handleUnaryCall<_tributary_v1_CreateTopicsRequest__Output, _tributary_v1_CreateTopicsResponse>;
  
  DeleteTopics: grpc.handleUnaryCall<_tributary_v1_DeleteTopicsRequest__Output, _tributary_v1_DeleteTopicsResponse>;
  
  DescribeCluster: grpc.handleUnaryCall<_tributary_v1_DescribeClusterRequest__Output, _tributary_v1_DescribeClusterResponse>;
  
  DescribeConfigs: grpc.handleUnaryCall<_tributary_v1_DescribeConfigsRequest__Output, _tributary_v1_DescribeConfigsResponse>;
  
  DescribeQuorum: grpc.handleUnaryCall<_tributary_v1_DescribeQuorumRequest__Output, _tributary_v1_DescribeQuorumResponse>;
  
  ElectLeaders: grpc.handleUnaryCall<_tributary_v1_ElectLeadersRequest__Output, _tributary_v1_ElectLeadersResponse>;
  
  RegisterBroker: grpc.handleUnaryCall<_tributary_v1_RegisterBrokerRequest__Output, _tributary_v1_RegisterBrokerResponse>;
  
  StreamMetadata: grpc.handleServerStreamingCall<_tributary_v1_StreamMetadataRequest__Output, _tributary_v1_MetadataChunk>;
  
}

export interface ControllerDefinition extends grpc.ServiceDefinition {
  AllocateProducerIds: MethodDefinition<_tributary_v1_AllocateProducerIdsRequest, _tributary_v1_AllocateProducerIdsResponse, _tributary_v1_AllocateProducerIdsRequest__Output, _tributary_v1_AllocateProducerIdsResponse__Output>
  AlterConfigs: MethodDefinition<_tributary_v1_AlterConfigsRequest, _tributary_v1_AlterConfigsResponse, _tributary_v1_AlterConfigsRequest__Output, _tributary_v1_AlterConfigsResponse__Output>
  AlterPartition: MethodDefinition<_tributary_v1_AlterPartitionRequest, _tributary_v1_AlterPartitionResponse, _tributary_v1_AlterPartitionRequest__Output, _tributary_v1_AlterPartitionResponse__Output>
  BrokerHeartbeat: MethodDefinition<_tributary_v1_BrokerHeartbeatRequest, _tributary_v1_BrokerHeartbeatResponse, _tributary_v1_BrokerHeartbeatRequest__Output, _tributary_v1_BrokerHeartbeatResponse__Output>
  CreatePartitions: MethodDefinition<_tributary_v1_CreatePartitionsRequest, _tributary_v1_CreatePartitionsResponse, _tributary_v1_CreatePartitionsRequest__Output, _tributary_v1_CreatePartitionsResponse__Output>
  CreateTopics: MethodDefinition<_tributary_v1_CreateTopicsRequest, _tributary_v1_CreateTopicsResponse, _tributary_v1_CreateTopicsRequest__Output, _tributary_v1_CreateTopicsResponse__Output>
  DeleteTopics: MethodDefinition<_tributary_v1_DeleteTopicsRequest, _tributary_v1_DeleteTopicsResponse, _tributary_v1_DeleteTopicsRequest__Output, _tributary_v1_DeleteTopicsResponse__Output>
  DescribeCluster: MethodDefinition<_tributary_v1_DescribeClusterRequest, _tributary_v1_DescribeClusterResponse, _tributary_v1_DescribeClusterRequest__Output, _tributary_v1_DescribeClusterResponse__Output>
  DescribeConfigs: MethodDefinition<_tributary_v1_DescribeConfigsRequest, _tributary_v1_DescribeConfigsResponse, _tributary_v1_DescribeConfigsRequest__Output, _tributary_v1_DescribeConfigsResponse__Output>
  DescribeQuorum: MethodDefinition<_tributary_v1_DescribeQuorumRequest, _tributary_v1_DescribeQuorumResponse, _tributary_v1_DescribeQuorumRequest__Output, _tributary_v1_DescribeQuorumResponse__Output>
  ElectLeaders: MethodDefinition<_tributary_v1_ElectLeadersRequest, _tributary_v1_ElectLeadersResponse, _tributary_v1_ElectLeadersRequest__Output, _tributary_v1_ElectLeadersResponse__Output>
  RegisterBroker: MethodDefinition<_tributary_v1_RegisterBrokerRequest, _tributary_v1_RegisterBrokerResponse, _tributary_v1_RegisterBrokerRequest__Output, _tributary_v1_RegisterBrokerResponse__Output>
  StreamMetadata: MethodDefinition<_tributary_v1_StreamMetadataRequest, _tributary_v1_MetadataChunk, _tributary_v1_StreamMetadataRequest__Output, _tributary_v1_MetadataChunk__Output>
}
