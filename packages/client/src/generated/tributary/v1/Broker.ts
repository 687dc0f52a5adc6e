// Original file: proto/tributary/v1/broker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AlterConfigsRequest as _tributary_v1_AlterConfigsRequest, AlterConfigsRequest__Output as _tributary_v1_AlterConfigsRequest__Output } from '../../tributary/v1/AlterConfigsRequest.js';
import type { AlterConfigsResponse as _tributary_v1_AlterConfigsResponse, AlterConfigsResponse__Output as _tributary_v1_AlterConfigsResponse__Output } from '../../tributary/v1/AlterConfigsResponse.js';
import type { ConsumerGroupHeartbeatRequest as _tributary_v1_ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatRequest__Output as _tributary_v1_ConsumerGroupHeartbeatRequest__Output } from '../../tributary/v1/ConsumerGroupHeartbeatRequest.js';
import type { ConsumerGroupHeartbeatResponse as _tributary_v1_ConsumerGroupHeartbeatResponse, ConsumerGroupHeartbeatResponse__Output as _tributary_v1_ConsumerGroupHeartbeatResponse__Output } from '../../tributary/v1/ConsumerGroupHeartbeatResponse.js';
import type { CreatePartitionsRequest as _tributary_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _tributary_v1_CreatePartitionsRequest__Output } from '../../tributary/v1/CreatePartitionsRequest.js';
import type { CreatePartitionsResponse as _tributary_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _tributary_v1_CreatePartitionsResponse__Output } from '../../tributary/v1/CreatePartitionsResponse.js';
import type { CreateTopicsRequest as _tributary_v1_CreateTopicsRequest, CreateTopicsRequest__Output as _tributary_v1_CreateTopicsRequest__Output } from '../../tributary/v1/CreateTopicsRequest.js';
import type { CreateTopicsResponse as _tributary_v1_CreateTopicsResponse, CreateTopicsResponse__Output as _tributary_v1_CreateTopicsResponse__Output } from '../../tributary/v1/CreateTopicsResponse.js';
import type { DeleteGroupsRequest as _tributary_v1_DeleteGroupsRequest, DeleteGroupsRequest__Output as _tributary_v1_DeleteGroupsRequest__Output } from '../../tributary/v1/DeleteGroupsRequest.js';
import type { DeleteGroupsResponse as _tributary_v1_DeleteGroupsResponse, DeleteGroupsResponse__Output as _tributary_v1_DeleteGroupsResponse__Output } from '../../tributary/v1/DeleteGroupsResponse.js';
import type { DeleteRecordsRequest as _tributary_v1_DeleteRecordsRequest, DeleteRecordsRequest__Output as _tributary_v1_DeleteRecordsRequest__Output } from '../../tributary/v1/DeleteRecordsRequest.js';
import type { DeleteRecordsResponse as _tributary_v1_DeleteRecordsResponse, DeleteRecordsResponse__Output as _tributary_v1_DeleteRecordsResponse__Output } from '../../tributary/v1/DeleteRecordsResponse.js';
import type { DeleteTopicsRequest as _tributary_v1_DeleteTopicsRequest, DeleteTopicsRequest__Output as _tributary_v1_DeleteTopicsRequest__Output } from '../../tributary/v1/DeleteTopicsRequest.js';
import type { DeleteTopicsResponse as _tributary_v1_DeleteTopicsResponse, DeleteTopicsResponse__Output as _tributary_v1_DeleteTopicsResponse__Output } from '../../tributary/v1/DeleteTopicsResponse.js';
import type { DescribeClusterRequest as _tributary_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _tributary_v1_DescribeClusterRequest__Output } from '../../tributary/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _tributary_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _tributary_v1_DescribeClusterResponse__Output } from '../../tributary/v1/DescribeClusterResponse.js';
import type { DescribeConfigsRequest as _tributary_v1_DescribeConfigsRequest, DescribeConfigsRequest__Output as _tributary_v1_DescribeConfigsRequest__Output } from '../../tributary/v1/DescribeConfigsRequest.js';
import type { DescribeConfigsResponse as _tributary_v1_DescribeConfigsResponse, DescribeConfigsResponse__Output as _tributary_v1_DescribeConfigsResponse__Output } from '../../tributary/v1/DescribeConfigsResponse.js';
import type { DescribeGroupsRequest as _tributary_v1_DescribeGroupsRequest, DescribeGroupsRequest__Output as _tributary_v1_DescribeGroupsRequest__Output } from '../../tributary/v1/DescribeGroupsRequest.js';
import type { DescribeGroupsResponse as _tributary_v1_DescribeGroupsResponse, DescribeGroupsResponse__Output as _tributary_v1_DescribeGroupsResponse__Output } from '../../tributary/v1/DescribeGroupsResponse.js';
import type { DescribeQuorumRequest as _tributary_v1_DescribeQuorumRequest, DescribeQuorumRequest__Output as _tributary_v1_DescribeQuorumRequest__Output } from '../../tributary/v1/DescribeQuorumRequest.js';
import type { DescribeQuorumResponse as _tributary_v1_DescribeQuorumResponse, DescribeQuorumResponse__Output as _tributary_v1_DescribeQuorumResponse__Output } from '../../tributary/v1/DescribeQuorumResponse.js';
import type { ElectLeadersRequest as _tributary_v1_ElectLeadersRequest, ElectLeadersRequest__Output as _tributary_v1_ElectLeadersRequest__Output } from '../../tributary/v1/ElectLeadersRequest.js';
import type { ElectLeadersResponse as _tributary_v1_ElectLeadersResponse, ElectLeadersResponse__Output as _tributary_v1_ElectLeadersResponse__Output } from '../../tributary/v1/ElectLeadersResponse.js';
import type { FetchRequest as _tributary_v1_FetchRequest, FetchRequest__Output as _tributary_v1_FetchRequest__Output } from '../../tributary/v1/FetchRequest.js';
import type { FetchResponse as _tributary_v1_FetchResponse, FetchResponse__Output as _tributary_v1_FetchResponse__Output } from '../../tributary/v1/FetchResponse.js';
import type { FindCoordinatorRequest as _tributary_v1_FindCoordinatorRequest, FindCoordinatorRequest__Output as _tributary_v1_FindCoordinatorRequest__Output } from '../../tributary/v1/FindCoordinatorRequest.js';
import type { FindCoordinatorResponse as _tributary_v1_FindCoordinatorResponse, FindCoordinatorResponse__Output as _tributary_v1_FindCoordinatorResponse__Output } from '../../tributary/v1/FindCoordinatorResponse.js';
import type { InitProducerIdRequest as _tributary_v1_InitProducerIdRequest, InitProducerIdRequest__Output as _tributary_v1_InitProducerIdRequest__Output } from '../../tributary/v1/InitProducerIdRequest.js';
import type { InitProducerIdResponse as _tributary_v1_InitProducerIdResponse, InitProducerIdResponse__Output as _tributary_v1_InitProducerIdResponse__Output } from '../../tributary/v1/InitProducerIdResponse.js';
import type { ListGroupsRequest as _tributary_v1_ListGroupsRequest, ListGroupsRequest__Output as _tributary_v1_ListGroupsRequest__Output } from '../../tributary/v1/ListGroupsRequest.js';
import type { ListGroupsResponse as _tributary_v1_ListGroupsResponse, ListGroupsResponse__Output as _tributary_v1_ListGroupsResponse__Output } from '../../tributary/v1/ListGroupsResponse.js';
import type { ListOffsetsRequest as _tributary_v1_ListOffsetsRequest, ListOffsetsRequest__Output as _tributary_v1_ListOffsetsRequest__Output } from '../../tributary/v1/ListOffsetsRequest.js';
import type { ListOffsetsResponse as _tributary_v1_ListOffsetsResponse, ListOffsetsResponse__Output as _tributary_v1_ListOffsetsResponse__Output } from '../../tributary/v1/ListOffsetsResponse.js';
import type { MetadataRequest as _tributary_v1_MetadataRequest, MetadataRequest__Output as _tributary_v1_MetadataRequest__Output } from '../../tributary/v1/MetadataRequest.js';
import type { MetadataResponse as _tributary_v1_MetadataResponse, MetadataResponse__Output as _tributary_v1_MetadataResponse__Output } from '../../tributary/v1/MetadataResponse.js';
import type { OffsetCommitRequest as _tributary_v1_OffsetCommitRequest, OffsetCommitRequest__Output as _tributary_v1_OffsetCommitRequest__Output } from '../../tributary/v1/OffsetCommitRequest.js';
import type { OffsetCommitResponse as _tributary_v1_OffsetCommitResponse, OffsetCommitResponse__Output as _tributary_v1_OffsetCommitResponse__Output } from '../../tributary/v1/OffsetCommitResponse.js';
import type { OffsetFetchRequest as _tributary_v1_OffsetFetchRequest, OffsetFetchRequest__Output as _tributary_v1_OffsetFetchRequest__Output } from '../../tributary/v1/OffsetFetchRequest.js';
import type { OffsetFetchResponse as _tributary_v1_OffsetFetchResponse, OffsetFetchResponse__Output as _tributary_v1_OffsetFetchResponse__Output } from '../../tributary/v1/OffsetFetchResponse.js';
import type { OffsetForLeaderEpochRequest as _tributary_v1_OffsetForLeaderEpochRequest, OffsetForLeaderEpochRequest__Output as _tributary_v1_OffsetForLeaderEpochRequest__Output } from '../../tributary/v1/OffsetForLeaderEpochRequest.js';
import type { OffsetForLeaderEpochResponse as _tributary_v1_OffsetForLeaderEpochResponse, OffsetForLeaderEpochResponse__Output as _tributary_v1_OffsetForLeaderEpochResponse__Output } from '../../tributary/v1/OffsetForLeaderEpochResponse.js';
import type { ProduceRequest as _tributary_v1_ProduceRequest, ProduceRequest__Output as _tributary_v1_ProduceRequest__Output } from '../../tributary/v1/ProduceRequest.js';
import type { ProduceResponse as _tributary_v1_ProduceResponse, ProduceResponse__Output as _tributary_v1_ProduceResponse__Output } from '../../tributary/v1/ProduceResponse.js';

export interface BrokerClient extends grpc.Client {
  AlterConfigs(argument: _tributary_v1_AlterConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _tributary_v1_AlterConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _tributary_v1_AlterConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _tributary_v1_AlterConfigsRequest, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _tributary_v1_AlterConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _tributary_v1_AlterConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _tributary_v1_AlterConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _tributary_v1_AlterConfigsRequest, callback: grpc.requestCallback<_tributary_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  
  ConsumerGroupHeartbeat(argument: _tributary_v1_ConsumerGroupHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  ConsumerGroupHeartbeat(argument: _tributary_v1_ConsumerGroupHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  ConsumerGroupHeartbeat(argument: _tributary_v1_ConsumerGroupHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  ConsumerGroupHeartbeat(argument: _tributary_v1_ConsumerGroupHeartbeatRequest, callback: grpc.requestCallback<_tributary_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  consumerGroupHeartbeat(argument: _tributary_v1_ConsumerGroupHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  consumerGroupHeartbeat(argument: _tributary_v1_ConsumerGroupHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  consumerGroupHeartbeat(argument: _tributary_v1_ConsumerGroupHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  consumerGroupHeartbeat(argument: _tributary_v1_ConsumerGroupHeartbeatRequest, callback: grpc.requestCallback<_tributary_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
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
  
  DeleteGroups(argument: _tributary_v1_DeleteGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroups(argument: _tributary_v1_DeleteGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroups(argument: _tributary_v1_DeleteGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroups(argument: _tributary_v1_DeleteGroupsRequest, callback: grpc.requestCallback<_tributary_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  deleteGroups(argument: _tributary_v1_DeleteGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  deleteGroups(argument: _tributary_v1_DeleteGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  deleteGroups(argument: _tributary_v1_DeleteGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  deleteGroups(argument: _tributary_v1_DeleteGroupsRequest, callback: grpc.requestCallback<_tributary_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteRecords(argument: _tributary_v1_DeleteRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteRecordsResponse__Output>): grpc.ClientUnaryCall;
  DeleteRecords(argument: _tributary_v1_DeleteRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DeleteRecordsResponse__Output>): grpc.ClientUnaryCall;
  DeleteRecords(argument: _tributary_v1_DeleteRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteRecordsResponse__Output>): grpc.ClientUnaryCall;
  DeleteRecords(argument: _tributary_v1_DeleteRecordsRequest, callback: grpc.requestCallback<_tributary_v1_DeleteRecordsResponse__Output>): grpc.ClientUnaryCall;
  deleteRecords(argument: _tributary_v1_DeleteRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteRecordsResponse__Output>): grpc.ClientUnaryCall;
  deleteRecords(argument: _tributary_v1_DeleteRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DeleteRecordsResponse__Output>): grpc.ClientUnaryCall;
  deleteRecords(argument: _tributary_v1_DeleteRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeleteRecordsResponse__Output>): grpc.ClientUnaryCall;
  deleteRecords(argument: _tributary_v1_DeleteRecordsRequest, callback: grpc.requestCallback<_tributary_v1_DeleteRecordsResponse__Output>): grpc.ClientUnaryCall;
  
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
  
  DescribeGroups(argument: _tributary_v1_DescribeGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_v1_DescribeGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_v1_DescribeGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _tributary_v1_DescribeGroupsRequest, callback: grpc.requestCallback<_tributary_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_v1_DescribeGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_v1_DescribeGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_v1_DescribeGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _tributary_v1_DescribeGroupsRequest, callback: grpc.requestCallback<_tributary_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  
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
  
  Fetch(argument: _tributary_v1_FetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _tributary_v1_FetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _tributary_v1_FetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _tributary_v1_FetchRequest, callback: grpc.requestCallback<_tributary_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _tributary_v1_FetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _tributary_v1_FetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _tributary_v1_FetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _tributary_v1_FetchRequest, callback: grpc.requestCallback<_tributary_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  
  FindCoordinator(argument: _tributary_v1_FindCoordinatorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  FindCoordinator(argument: _tributary_v1_FindCoordinatorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  FindCoordinator(argument: _tributary_v1_FindCoordinatorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  FindCoordinator(argument: _tributary_v1_FindCoordinatorRequest, callback: grpc.requestCallback<_tributary_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  findCoordinator(argument: _tributary_v1_FindCoordinatorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  findCoordinator(argument: _tributary_v1_FindCoordinatorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  findCoordinator(argument: _tributary_v1_FindCoordinatorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  findCoordinator(argument: _tributary_v1_FindCoordinatorRequest, callback: grpc.requestCallback<_tributary_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  
  InitProducerId(argument: _tributary_v1_InitProducerIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_InitProducerIdResponse__Output>): grpc.ClientUnaryCall;
  InitProducerId(argument: _tributary_v1_InitProducerIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_InitProducerIdResponse__Output>): grpc.ClientUnaryCall;
  InitProducerId(argument: _tributary_v1_InitProducerIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_InitProducerIdResponse__Output>): grpc.ClientUnaryCall;
  InitProducerId(argument: _tributary_v1_InitProducerIdRequest, callback: grpc.requestCallback<_tributary_v1_InitProducerIdResponse__Output>): grpc.ClientUnaryCall;
  initProducerId(argument: _tributary_v1_InitProducerIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_InitProducerIdResponse__Output>): grpc.ClientUnaryCall;
  initProducerId(argument: _tributary_v1_InitProducerIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_InitProducerIdResponse__Output>): grpc.ClientUnaryCall;
  initProducerId(argument: _tributary_v1_InitProducerIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_InitProducerIdResponse__Output>): grpc.ClientUnaryCall;
  initProducerId(argument: _tributary_v1_InitProducerIdRequest, callback: grpc.requestCallback<_tributary_v1_InitProducerIdResponse__Output>): grpc.ClientUnaryCall;
  
  ListGroups(argument: _tributary_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _tributary_v1_ListGroupsRequest, callback: grpc.requestCallback<_tributary_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _tributary_v1_ListGroupsRequest, callback: grpc.requestCallback<_tributary_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  ListOffsets(argument: _tributary_v1_ListOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _tributary_v1_ListOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _tributary_v1_ListOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _tributary_v1_ListOffsetsRequest, callback: grpc.requestCallback<_tributary_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _tributary_v1_ListOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _tributary_v1_ListOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _tributary_v1_ListOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _tributary_v1_ListOffsetsRequest, callback: grpc.requestCallback<_tributary_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  Metadata(argument: _tributary_v1_MetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _tributary_v1_MetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _tributary_v1_MetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _tributary_v1_MetadataRequest, callback: grpc.requestCallback<_tributary_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _tributary_v1_MetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _tributary_v1_MetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _tributary_v1_MetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _tributary_v1_MetadataRequest, callback: grpc.requestCallback<_tributary_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  
  OffsetCommit(argument: _tributary_v1_OffsetCommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  OffsetCommit(argument: _tributary_v1_OffsetCommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  OffsetCommit(argument: _tributary_v1_OffsetCommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  OffsetCommit(argument: _tributary_v1_OffsetCommitRequest, callback: grpc.requestCallback<_tributary_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  offsetCommit(argument: _tributary_v1_OffsetCommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  offsetCommit(argument: _tributary_v1_OffsetCommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  offsetCommit(argument: _tributary_v1_OffsetCommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  offsetCommit(argument: _tributary_v1_OffsetCommitRequest, callback: grpc.requestCallback<_tributary_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  
  OffsetFetch(argument: _tributary_v1_OffsetFetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  OffsetFetch(argument: _tributary_v1_OffsetFetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  OffsetFetch(argument: _tributary_v1_OffsetFetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  OffsetFetch(argument: _tributary_v1_OffsetFetchRequest, callback: grpc.requestCallback<_tributary_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  offsetFetch(argument: _tributary_v1_OffsetFetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  offsetFetch(argument: _tributary_v1_OffsetFetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  offsetFetch(argument: _tributary_v1_OffsetFetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  offsetFetch(argument: _tributary_v1_OffsetFetchRequest, callback: grpc.requestCallback<_tributary_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  
  OffsetForLeaderEpoch(argument: _tributary_v1_OffsetForLeaderEpochRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  OffsetForLeaderEpoch(argument: _tributary_v1_OffsetForLeaderEpochRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  OffsetForLeaderEpoch(argument: _tributary_v1_OffsetForLeaderEpochRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  OffsetForLeaderEpoch(argument: _tributary_v1_OffsetForLeaderEpochRequest, callback: grpc.requestCallback<_tributary_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  offsetForLeaderEpoch(argument: _tributary_v1_OffsetForLeaderEpochRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  offsetForLeaderEpoch(argument: _tributary_v1_OffsetForLeaderEpochRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  offsetForLeaderEpoch(argument: _tributary_v1_OffsetForLeaderEpochRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  offsetForLeaderEpoch(argument: _tributary_v1_OffsetForLeaderEpochRequest, callback: grpc.requestCallback<_tributary_v1_OffsetForLeaderEpochResponse__Output>): grpc.ClientUnaryCall;
  
  Produce(argument: _tributary_v1_ProduceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _tributary_v1_ProduceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _tributary_v1_ProduceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _tributary_v1_ProduceRequest, callback: grpc.requestCallback<_tributary_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _tributary_v1_ProduceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _tributary_v1_ProduceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _tributary_v1_ProduceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _tributary_v1_ProduceRequest, callback: grpc.requestCallback<_tributary_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface BrokerHandlers extends grpc.UntypedServiceImplementation {
  AlterConfigs: grpc.handleUnaryCall<_tributary_v1_AlterConfigsRequest__Output, _tributary_v1_AlterConfigsResponse>;
  
  ConsumerGroupHeartbeat: grpc.handleUnaryCall<_tributary_v1_ConsumerGroupHeartbeatRequest__Output, _tributary_v1_ConsumerGroupHeartbeatResponse>;
  
  CreatePartitions: grpc.handleUnaryCall<_tributary_v1_CreatePartitionsRequest__Output, _tributary_v1_CreatePartitionsResponse>;
  
  CreateTopics: grpc.handleUnaryCall<_tributary_v1_CreateTopicsRequest__Output, _tributary_v1_CreateTopicsResponse>;
  
  DeleteGroups: grpc.handleUnaryCall<_tributary_v1_DeleteGroupsRequest__Output, _tributary_v1_DeleteGroupsResponse>;
  
  DeleteRecords: grpc.handleUnaryCall<_tributary_v1_DeleteRecordsRequest__Output, _tributary_v1_DeleteRecordsResponse>;
  
  DeleteTopics: grpc.handleUnaryCall<_tributary_v1_DeleteTopicsRequest__Output, _tributary_v1_DeleteTopicsResponse>;
  
  DescribeCluster: grpc.handleUnaryCall<_tributary_v1_DescribeClusterRequest__Output, _tributary_v1_DescribeClusterResponse>;
  
  DescribeConfigs: grpc.handleUnaryCall<_tributary_v1_DescribeConfigsRequest__Output, _tributary_v1_DescribeConfigsResponse>;
  
  DescribeGroups: grpc.handleUnaryCall<_tributary_v1_DescribeGroupsRequest__Output, _tributary_v1_DescribeGroupsResponse>;
  
  DescribeQuorum: grpc.handleUnaryCall<_tributary_v1_DescribeQuorumRequest__Output, _tributary_v1_DescribeQuorumResponse>;
  
  ElectLeaders: grpc.handleUnaryCall<_tributary_v1_ElectLeadersRequest__Output, _tributary_v1_ElectLeadersResponse>;
  
  Fetch: grpc.handleUnaryCall<_tributary_v1_FetchRequest__Output, _tributary_v1_FetchResponse>;
  
  FindCoordinator: grpc.handleUnaryCall<_tributary_v1_FindCoordinatorRequest__Output, _tributary_v1_FindCoordinatorResponse>;
  
  InitProducerId: grpc.handleUnaryCall<_tributary_v1_InitProducerIdRequest__Output, _tributary_v1_InitProducerIdResponse>;
  
  ListGroups: grpc.handleUnaryCall<_tributary_v1_ListGroupsRequest__Output, _tributary_v1_ListGroupsResponse>;
  
  ListOffsets: grpc.handleUnaryCall<_tributary_v1_ListOffsetsRequest__Output, _tributary_v1_ListOffsetsResponse>;
  
  Metadata: grpc.handleUnaryCall<_tributary_v1_MetadataRequest__Output, _tributary_v1_MetadataResponse>;
  
  OffsetCommit: grpc.handleUnaryCall<_tributary_v1_OffsetCommitRequest__Output, _tributary_v1_OffsetCommitResponse>;
  
  OffsetFetch: grpc.handleUnaryCall<_tributary_v1_OffsetFetchRequest__Output, _tributary_v1_OffsetFetchResponse>;
  
  OffsetForLeaderEpoch: grpc.handleUnaryCall<_tributary_v1_OffsetForLeaderEpochRequest__Output, _tributary_v1_OffsetForLeaderEpochResponse>;
  
  Produce: grpc.handleUnaryCall<_tributary_v1_ProduceRequest__Output, _tributary_v1_ProduceResponse>;
  
}

export interface BrokerDefinition extends grpc.ServiceDefinition {
  AlterConfigs: MethodDefinition<_tributary_v1_AlterConfigsRequest, _tributary_v1_AlterConfigsResponse, _tributary_v1_AlterConfigsRequest__Output, _tributary_v1_AlterConfigsResponse__Output>
  ConsumerGroupHeartbeat: MethodDefinition<_tributary_v1_ConsumerGroupHeartbeatRequest, _tributary_v1_ConsumerGroupHeartbeatResponse, _tributary_v1_ConsumerGroupHeartbeatRequest__Output, _tributary_v1_ConsumerGroupHeartbeatResponse__Output>
  CreatePartitions: MethodDefinition<_tributary_v1_CreatePartitionsRequest, _tributary_v1_CreatePartitionsResponse, _tributary_v1_CreatePartitionsRequest__Output, _tributary_v1_CreatePartitionsResponse__Output>
  CreateTopics: MethodDefinition<_tributary_v1_CreateTopicsRequest, _tributary_v1_CreateTopicsResponse, _tributary_v1_CreateTopicsRequest__Output, _tributary_v1_CreateTopicsResponse__Output>
  DeleteGroups: MethodDefinition<_tributary_v1_DeleteGroupsRequest, _tributary_v1_DeleteGroupsResponse, _tributary_v1_DeleteGroupsRequest__Output, _tributary_v1_DeleteGroupsResponse__Output>
  DeleteRecords: MethodDefinition<_tributary_v1_DeleteRecordsRequest, _tributary_v1_DeleteRecordsResponse, _tributary_v1_DeleteRecordsRequest__Output, _tributary_v1_DeleteRecordsResponse__Output>
  DeleteTopics: MethodDefinition<_tributary_v1_DeleteTopicsRequest, _tributary_v1_DeleteTopicsResponse, _tributary_v1_DeleteTopicsRequest__Output, _tributary_v1_DeleteTopicsResponse__Output>
  DescribeCluster: MethodDefinition<_tributary_v1_DescribeClusterRequest, _tributary_v1_DescribeClusterResponse, _tributary_v1_DescribeClusterRequest__Output, _tributary_v1_DescribeClusterResponse__Output>
  DescribeConfigs: MethodDefinition<_tributary_v1_DescribeConfigsRequest, _tributary_v1_DescribeConfigsResponse, _tributary_v1_DescribeConfigsRequest__Output, _tributary_v1_DescribeConfigsResponse__Output>
  DescribeGroups: MethodDefinition<_tributary_v1_DescribeGroupsRequest, _tributary_v1_DescribeGroupsResponse, _tributary_v1_DescribeGroupsRequest__Output, _tributary_v1_DescribeGroupsResponse__Output>
  DescribeQuorum: MethodDefinition<_tributary_v1_DescribeQuorumRequest, _tributary_v1_DescribeQuorumResponse, _tributary_v1_DescribeQuorumRequest__Output, _tributary_v1_DescribeQuorumResponse__Output>
  ElectLeaders: MethodDefinition<_tributary_v1_ElectLeadersRequest, _tributary_v1_ElectLeadersResponse, _tributary_v1_ElectLeadersRequest__Output, _tributary_v1_ElectLeadersResponse__Output>
  Fetch: MethodDefinition<_tributary_v1_FetchRequest, _tributary_v1_FetchResponse, _tributary_v1_FetchRequest__Output, _tributary_v1_FetchResponse__Output>
  FindCoordinator: MethodDefinition<_tributary_v1_FindCoordinatorRequest, _tributary_v1_FindCoordinatorResponse, _tributary_v1_FindCoordinatorRequest__Output, _tributary_v1_FindCoordinatorResponse__Output>
  InitProducerId: MethodDefinition<_tributary_v1_InitProducerIdRequest, _tributary_v1_InitProducerIdResponse, _tributary_v1_InitProducerIdRequest__Output, _tributary_v1_InitProducerIdResponse__Output>
  ListGroups: MethodDefinition<_tributary_v1_ListGroupsRequest, _tributary_v1_ListGroupsResponse, _tributary_v1_ListGroupsRequest__Output, _tributary_v1_ListGroupsResponse__Output>
  ListOffsets: MethodDefinition<_tributary_v1_ListOffsetsRequest, _tributary_v1_ListOffsetsResponse, _tributary_v1_ListOffsetsRequest__Output, _tributary_v1_ListOffsetsResponse__Output>
  Metadata: MethodDefinition<_tributary_v1_MetadataRequest, _tributary_v1_MetadataResponse, _tributary_v1_MetadataRequest__Output, _tributary_v1_MetadataResponse__Output>
  OffsetCommit: MethodDefinition<_tributary_v1_OffsetCommitRequest, _tributary_v1_OffsetCommitResponse, _tributary_v1_OffsetCommitRequest__Output, _tributary_v1_OffsetCommitResponse__Output>
  OffsetFetch: MethodDefinition<_tributary_v1_OffsetFetchRequest, _tributary_v1_OffsetFetchResponse, _tributary_v1_OffsetFetchRequest__Output, _tributary_v1_OffsetFetchResponse__Output>
  OffsetForLeaderEpoch: MethodDefinition<_tributary_v1_OffsetForLeaderEpochRequest, _tributary_v1_OffsetForLeaderEpochResponse, _tributary_v1_OffsetForLeaderEpochRequest__Output, _tributary_v1_OffsetForLeaderEpochResponse__Output>
  Produce: MethodDefinition<_tributary_v1_ProduceRequest, _tributary_v1_ProduceResponse, _tributary_v1_ProduceRequest__Output, _tributary_v1_ProduceResponse__Output>
}
