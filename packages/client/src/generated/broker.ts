import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AllocateProducerIdsRequest as _tributary_v1_AllocateProducerIdsRequest, AllocateProducerIdsRequest__Output as _tributary_v1_AllocateProducerIdsRequest__Output } from './tributary/v1/AllocateProducerIdsRequest.js';
import type { AllocateProducerIdsResponse as _tributary_v1_AllocateProducerIdsResponse, AllocateProducerIdsResponse__Output as _tributary_v1_AllocateProducerIdsResponse__Output } from './tributary/v1/AllocateProducerIdsResponse.js';
import type { AlterConfigEntry as _tributary_v1_AlterConfigEntry, AlterConfigEntry__Output as _tributary_v1_AlterConfigEntry__Output } from './tributary/v1/AlterConfigEntry.js';
import type { AlterConfigsRequest as _tributary_v1_AlterConfigsRequest, AlterConfigsRequest__Output as _tributary_v1_AlterConfigsRequest__Output } from './tributary/v1/AlterConfigsRequest.js';
import type { AlterConfigsResource as _tributary_v1_AlterConfigsResource, AlterConfigsResource__Output as _tributary_v1_AlterConfigsResource__Output } from './tributary/v1/AlterConfigsResource.js';
import type { AlterConfigsResponse as _tributary_v1_AlterConfigsResponse, AlterConfigsResponse__Output as _tributary_v1_AlterConfigsResponse__Output } from './tributary/v1/AlterConfigsResponse.js';
import type { AlterConfigsResult as _tributary_v1_AlterConfigsResult, AlterConfigsResult__Output as _tributary_v1_AlterConfigsResult__Output } from './tributary/v1/AlterConfigsResult.js';
import type { AlterPartitionPartition as _tributary_v1_AlterPartitionPartition, AlterPartitionPartition__Output as _tributary_v1_AlterPartitionPartition__Output } from './tributary/v1/AlterPartitionPartition.js';
import type { AlterPartitionPartitionResult as _tributary_v1_AlterPartitionPartitionResult, AlterPartitionPartitionResult__Output as _tributary_v1_AlterPartitionPartitionResult__Output } from './tributary/v1/AlterPartitionPartitionResult.js';
import type { AlterPartitionRequest as _tributary_v1_AlterPartitionRequest, AlterPartitionRequest__Output as _tributary_v1_AlterPartitionRequest__Output } from './tributary/v1/AlterPartitionRequest.js';
import type { AlterPartitionResponse as _tributary_v1_AlterPartitionResponse, AlterPartitionResponse__Output as _tributary_v1_AlterPartitionResponse__Output } from './tributary/v1/AlterPartitionResponse.js';
import type { AlterPartitionTopic as _tributary_v1_AlterPartitionTopic, AlterPartitionTopic__Output as _tributary_v1_AlterPartitionTopic__Output } from './tributary/v1/AlterPartitionTopic.js';
import type { AlterPartitionTopicResult as _tributary_v1_AlterPartitionTopicResult, AlterPartitionTopicResult__Output as _tributary_v1_AlterPartitionTopicResult__Output } from './tributary/v1/AlterPartitionTopicResult.js';
import type { BrokerClient as _tributary_v1_BrokerClient, BrokerDefinition as _tributary_v1_BrokerDefinition } from './tributary/v1/Broker.js';
import type { BrokerDescription as _tributary_v1_BrokerDescription, BrokerDescription__Output as _tributary_v1_BrokerDescription__Output } from './tributary/v1/BrokerDescription.js';
import type { BrokerHeartbeatRequest as _tributary_v1_BrokerHeartbeatRequest, BrokerHeartbeatRequest__Output as _tributary_v1_BrokerHeartbeatRequest__Output } from './tributary/v1/BrokerHeartbeatRequest.js';
import type { BrokerHeartbeatResponse as _tributary_v1_BrokerHeartbeatResponse, BrokerHeartbeatResponse__Output as _tributary_v1_BrokerHeartbeatResponse__Output } from './tributary/v1/BrokerHeartbeatResponse.js';
import type { BrokerNode as _tributary_v1_BrokerNode, BrokerNode__Output as _tributary_v1_BrokerNode__Output } from './tributary/v1/BrokerNode.js';
import type { ConfigEntry as _tributary_v1_ConfigEntry, ConfigEntry__Output as _tributary_v1_ConfigEntry__Output } from './tributary/v1/ConfigEntry.js';
import type { ConfigResource as _tributary_v1_ConfigResource, ConfigResource__Output as _tributary_v1_ConfigResource__Output } from './tributary/v1/ConfigResource.js';
import type { ConsumerGroupAssignment as _tributary_v1_ConsumerGroupAssignment, ConsumerGroupAssignment__Output as _tributary_v1_ConsumerGroupAssignment__Output } from './tributary/v1/ConsumerGroupAssignment.js';
import type { ConsumerGroupHeartbeatRequest as _tributary_v1_ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatRequest__Output as _tributary_v1_ConsumerGroupHeartbeatRequest__Output } from './tributary/v1/ConsumerGroupHeartbeatRequest.js';
import type { ConsumerGroupHeartbeatResponse as _tributary_v1_ConsumerGroupHeartbeatResponse, ConsumerGroupHeartbeatResponse__Output as _tributary_v1_ConsumerGroupHeartbeatResponse__Output } from './tributary/v1/ConsumerGroupHeartbeatResponse.js';
import type { ControllerClient as _tributary_v1_ControllerClient, ControllerDefinition as _tributary_v1_ControllerDefinition } from './tributary/v1/Controller.js';
import type { ControllerDescription as _tributary_v1_ControllerDescription, ControllerDescription__Output as _tributary_v1_ControllerDescription__Output } from './tributary/v1/ControllerDescription.js';
import type { CreatableTopic as _tributary_v1_CreatableTopic, CreatableTopic__Output as _tributary_v1_CreatableTopic__Output } from './tributary/v1/CreatableTopic.js';
import type { CreatableTopicResult as _tributary_v1_CreatableTopicResult, CreatableTopicResult__Output as _tributary_v1_CreatableTopicResult__Output } from './tributary/v1/CreatableTopicResult.js';
import type { CreatePartitionsRequest as _tributary_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _tributary_v1_CreatePartitionsRequest__Output } from './tributary/v1/CreatePartitionsRequest.js';
import type { CreatePartitionsResponse as _tributary_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _tributary_v1_CreatePartitionsResponse__Output } from './tributary/v1/CreatePartitionsResponse.js';
import type { CreatePartitionsTopic as _tributary_v1_CreatePartitionsTopic, CreatePartitionsTopic__Output as _tributary_v1_CreatePartitionsTopic__Output } from './tributary/v1/CreatePartitionsTopic.js';
import type { CreatePartitionsTopicResult as _tributary_v1_CreatePartitionsTopicResult, CreatePartitionsTopicResult__Output as _tributary_v1_CreatePartitionsTopicResult__Output } from './tributary/v1/CreatePartitionsTopicResult.js';
import type { CreateTopicsRequest as _tributary_v1_CreateTopicsRequest, CreateTopicsRequest__Output as _tributary_v1_CreateTopicsRequest__Output } from './tributary/v1/CreateTopicsRequest.js';
import type { CreateTopicsResponse as _tributary_v1_CreateTopicsResponse, CreateTopicsResponse__Output as _tributary_v1_CreateTopicsResponse__Output } from './tributary/v1/CreateTopicsResponse.js';
import type { DeletableTopicResult as _tributary_v1_DeletableTopicResult, DeletableTopicResult__Output as _tributary_v1_DeletableTopicResult__Output } from './tributary/v1/DeletableTopicResult.js';
import type { DeleteGroupsRequest as _tributary_v1_DeleteGroupsRequest, DeleteGroupsRequest__Output as _tributary_v1_DeleteGroupsRequest__Output } from './tributary/v1/DeleteGroupsRequest.js';
import type { DeleteGroupsResponse as _tributary_v1_DeleteGroupsResponse, DeleteGroupsResponse__Output as _tributary_v1_DeleteGroupsResponse__Output } from './tributary/v1/DeleteGroupsResponse.js';
import type { DeleteGroupsResult as _tributary_v1_DeleteGroupsResult, DeleteGroupsResult__Output as _tributary_v1_DeleteGroupsResult__Output } from './tributary/v1/DeleteGroupsResult.js';
import type { DeleteRecordsPartition as _tributary_v1_DeleteRecordsPartition, DeleteRecordsPartition__Output as _tributary_v1_DeleteRecordsPartition__Output } from './tributary/v1/DeleteRecordsPartition.js';
import type { DeleteRecordsPartitionResult as _tributary_v1_DeleteRecordsPartitionResult, DeleteRecordsPartitionResult__Output as _tributary_v1_DeleteRecordsPartitionResult__Output } from './tributary/v1/DeleteRecordsPartitionResult.js';
import type { DeleteRecordsRequest as _tributary_v1_DeleteRecordsRequest, DeleteRecordsRequest__Output as _tributary_v1_DeleteRecordsRequest__Output } from './tributary/v1/DeleteRecordsRequest.js';
import type { DeleteRecordsResponse as _tributary_v1_DeleteRecordsResponse, DeleteRecordsResponse__Output as _tributary_v1_DeleteRecordsResponse__Output } from './tributary/v1/DeleteRecordsResponse.js';
import type { DeleteRecordsTopic as _tributary_v1_DeleteRecordsTopic, DeleteRecordsTopic__Output as _tributary_v1_DeleteRecordsTopic__Output } from './tributary/v1/DeleteRecordsTopic.js';
import type { DeleteRecordsTopicResult as _tributary_v1_DeleteRecordsTopicResult, DeleteRecordsTopicResult__Output as _tributary_v1_DeleteRecordsTopicResult__Output } from './tributary/v1/DeleteRecordsTopicResult.js';
import type { DeleteTopicsRequest as _tributary_v1_DeleteTopicsRequest, DeleteTopicsRequest__Output as _tributary_v1_DeleteTopicsRequest__Output } from './tributary/v1/DeleteTopicsRequest.js';
import type { DeleteTopicsResponse as _tributary_v1_DeleteTopicsResponse, DeleteTopicsResponse__Output as _tributary_v1_DeleteTopicsResponse__Output } from './tributary/v1/DeleteTopicsResponse.js';
import type { DescribeClusterRequest as _tributary_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _tributary_v1_DescribeClusterRequest__Output } from './tributary/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _tributary_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _tributary_v1_DescribeClusterResponse__Output } from './tributary/v1/DescribeClusterResponse.js';
import type { DescribeConfigsRequest as _tributary_v1_DescribeConfigsRequest, DescribeConfigsRequest__Output as _tributary_v1_DescribeConfigsRequest__Output } from './tributary/v1/DescribeConfigsRequest.js';
import type { DescribeConfigsResponse as _tributary_v1_DescribeConfigsResponse, DescribeConfigsResponse__Output as _tributary_v1_DescribeConfigsResponse__Output } from './tributary/v1/DescribeConfigsResponse.js';
import type { DescribeConfigsResult as _tributary_v1_DescribeConfigsResult, DescribeConfigsResult__Output as _tributary_v1_DescribeConfigsResult__Output } from './tributary/v1/DescribeConfigsResult.js';
import type { DescribeGroupsRequest as _tributary_v1_DescribeGroupsRequest, DescribeGroupsRequest__Output as _tributary_v1_DescribeGroupsRequest__Output } from './tributary/v1/DescribeGroupsRequest.js';
import type { DescribeGroupsResponse as _tributary_v1_DescribeGroupsResponse, DescribeGroupsResponse__Output as _tributary_v1_DescribeGroupsResponse__Output } from './tributary/v1/DescribeGroupsResponse.js';
import type { DescribeQuorumRequest as _tributary_v1_DescribeQuorumRequest, DescribeQuorumRequest__Output as _tributary_v1_DescribeQuorumRequest__Output } from './tributary/v1/DescribeQuorumRequest.js';
import type { DescribeQuorumResponse as _tributary_v1_DescribeQuorumResponse, DescribeQuorumResponse__Output as _tributary_v1_DescribeQuorumResponse__Output } from './tributary/v1/DescribeQuorumResponse.js';
import type { DescribedConfig as _tributary_v1_DescribedConfig, DescribedConfig__Output as _tributary_v1_DescribedConfig__Output } from './tributary/v1/DescribedConfig.js';
import type { DescribedGroup as _tributary_v1_DescribedGroup, DescribedGroup__Output as _tributary_v1_DescribedGroup__Output } from './tributary/v1/DescribedGroup.js';
import type { ElectLeadersRequest as _tributary_v1_ElectLeadersRequest, ElectLeadersRequest__Output as _tributary_v1_ElectLeadersRequest__Output } from './tributary/v1/ElectLeadersRequest.js';
import type { ElectLeadersResponse as _tributary_v1_ElectLeadersResponse, ElectLeadersResponse__Output as _tributary_v1_ElectLeadersResponse__Output } from './tributary/v1/ElectLeadersResponse.js';
import type { ElectLeadersResult as _tributary_v1_ElectLeadersResult, ElectLeadersResult__Output as _tributary_v1_ElectLeadersResult__Output } from './tributary/v1/ElectLeadersResult.js';
import type { Endpoint as _tributary_v1_Endpoint, Endpoint__Output as _tributary_v1_Endpoint__Output } from './tributary/v1/Endpoint.js';
import type { EpochEndOffset as _tributary_v1_EpochEndOffset, EpochEndOffset__Output as _tributary_v1_EpochEndOffset__Output } from './tributary/v1/EpochEndOffset.js';
import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from './tributary/v1/Error.js';
import type { FetchPartition as _tributary_v1_FetchPartition, FetchPartition__Output as _tributary_v1_FetchPartition__Output } from './tributary/v1/FetchPartition.js';
import type { FetchPartitionResult as _tributary_v1_FetchPartitionResult, FetchPartitionResult__Output as _tributary_v1_FetchPartitionResult__Output } from './tributary/v1/FetchPartitionResult.js';
import type { FetchRequest as _tributary_v1_FetchRequest, FetchRequest__Output as _tributary_v1_FetchRequest__Output } from './tributary/v1/FetchRequest.js';
import type { FetchResponse as _tributary_v1_FetchResponse, FetchResponse__Output as _tributary_v1_FetchResponse__Output } from './tributary/v1/FetchResponse.js';
import type { FetchTopic as _tributary_v1_FetchTopic, FetchTopic__Output as _tributary_v1_FetchTopic__Output } from './tributary/v1/FetchTopic.js';
import type { FetchTopicResult as _tributary_v1_FetchTopicResult, FetchTopicResult__Output as _tributary_v1_FetchTopicResult__Output } from './tributary/v1/FetchTopicResult.js';
import type { FindCoordinatorRequest as _tributary_v1_FindCoordinatorRequest, FindCoordinatorRequest__Output as _tributary_v1_FindCoordinatorRequest__Output } from './tributary/v1/FindCoordinatorRequest.js';
import type { FindCoordinatorResponse as _tributary_v1_FindCoordinatorResponse, FindCoordinatorResponse__Output as _tributary_v1_FindCoordinatorResponse__Output } from './tributary/v1/FindCoordinatorResponse.js';
import type { GroupMember as _tributary_v1_GroupMember, GroupMember__Output as _tributary_v1_GroupMember__Output } from './tributary/v1/GroupMember.js';
import type { InitProducerIdRequest as _tributary_v1_InitProducerIdRequest, InitProducerIdRequest__Output as _tributary_v1_InitProducerIdRequest__Output } from './tributary/v1/InitProducerIdRequest.js';
import type { InitProducerIdResponse as _tributary_v1_InitProducerIdResponse, InitProducerIdResponse__Output as _tributary_v1_InitProducerIdResponse__Output } from './tributary/v1/InitProducerIdResponse.js';
import type { IsrMember as _tributary_v1_IsrMember, IsrMember__Output as _tributary_v1_IsrMember__Output } from './tributary/v1/IsrMember.js';
import type { LeaderHint as _tributary_v1_LeaderHint, LeaderHint__Output as _tributary_v1_LeaderHint__Output } from './tributary/v1/LeaderHint.js';
import type { ListGroupsRequest as _tributary_v1_ListGroupsRequest, ListGroupsRequest__Output as _tributary_v1_ListGroupsRequest__Output } from './tributary/v1/ListGroupsRequest.js';
import type { ListGroupsResponse as _tributary_v1_ListGroupsResponse, ListGroupsResponse__Output as _tributary_v1_ListGroupsResponse__Output } from './tributary/v1/ListGroupsResponse.js';
import type { ListOffsetsPartition as _tributary_v1_ListOffsetsPartition, ListOffsetsPartition__Output as _tributary_v1_ListOffsetsPartition__Output } from './tributary/v1/ListOffsetsPartition.js';
import type { ListOffsetsPartitionResult as _tributary_v1_ListOffsetsPartitionResult, ListOffsetsPartitionResult__Output as _tributary_v1_ListOffsetsPartitionResult__Output } from './tributary/v1/ListOffsetsPartitionResult.js';
import type { ListOffsetsRequest as _tributary_v1_ListOffsetsRequest, ListOffsetsRequest__Output as _tributary_v1_ListOffsetsRequest__Output } from './tributary/v1/ListOffsetsRequest.js';
import type { ListOffsetsResponse as _tributary_v1_ListOffsetsResponse, ListOffsetsResponse__Output as _tributary_v1_ListOffsetsResponse__Output } from './tributary/v1/ListOffsetsResponse.js';
import type { ListOffsetsTopic as _tributary_v1_ListOffsetsTopic, ListOffsetsTopic__Output as _tributary_v1_ListOffsetsTopic__Output } from './tributary/v1/ListOffsetsTopic.js';
import type { ListOffsetsTopicResult as _tributary_v1_ListOffsetsTopicResult, ListOffsetsTopicResult__Output as _tributary_v1_ListOffsetsTopicResult__Output } from './tributary/v1/ListOffsetsTopicResult.js';
import type { ListedGroup as _tributary_v1_ListedGroup, ListedGroup__Output as _tributary_v1_ListedGroup__Output } from './tributary/v1/ListedGroup.js';
import type { MetadataBatch as _tributary_v1_MetadataBatch, MetadataBatch__Output as _tributary_v1_MetadataBatch__Output } from './tributary/v1/MetadataBatch.js';
import type { MetadataChunk as _tributary_v1_MetadataChunk, MetadataChunk__Output as _tributary_v1_MetadataChunk__Output } from './tributary/v1/MetadataChunk.js';
import type { MetadataRequest as _tributary_v1_MetadataRequest, MetadataRequest__Output as _tributary_v1_MetadataRequest__Output } from './tributary/v1/MetadataRequest.js';
import type { MetadataResponse as _tributary_v1_MetadataResponse, MetadataResponse__Output as _tributary_v1_MetadataResponse__Output } from './tributary/v1/MetadataResponse.js';
import type { MetadataSnapshot as _tributary_v1_MetadataSnapshot, MetadataSnapshot__Output as _tributary_v1_MetadataSnapshot__Output } from './tributary/v1/MetadataSnapshot.js';
import type { OffsetCommitPartition as _tributary_v1_OffsetCommitPartition, OffsetCommitPartition__Output as _tributary_v1_OffsetCommitPartition__Output } from './tributary/v1/OffsetCommitPartition.js';
import type { OffsetCommitPartitionResult as _tributary_v1_OffsetCommitPartitionResult, OffsetCommitPartitionResult__Output as _tributary_v1_OffsetCommitPartitionResult__Output } from './tributary/v1/OffsetCommitPartitionResult.js';
import type { OffsetCommitRequest as _tributary_v1_OffsetCommitRequest, OffsetCommitRequest__Output as _tributary_v1_OffsetCommitRequest__Output } from './tributary/v1/OffsetCommitRequest.js';
import type { OffsetCommitResponse as _tributary_v1_OffsetCommitResponse, OffsetCommitResponse__Output as _tributary_v1_OffsetCommitResponse__Output } from './tributary/v1/OffsetCommitResponse.js';
import type { OffsetCommitTopic as _tributary_v1_OffsetCommitTopic, OffsetCommitTopic__Output as _tributary_v1_OffsetCommitTopic__Output } from './tributary/v1/OffsetCommitTopic.js';
import type { OffsetCommitTopicResult as _tributary_v1_OffsetCommitTopicResult, OffsetCommitTopicResult__Output as _tributary_v1_OffsetCommitTopicResult__Output } from './tributary/v1/OffsetCommitTopicResult.js';
import type { OffsetFetchPartitionResult as _tributary_v1_OffsetFetchPartitionResult, OffsetFetchPartitionResult__Output as _tributary_v1_OffsetFetchPartitionResult__Output } from './tributary/v1/OffsetFetchPartitionResult.js';
import type { OffsetFetchRequest as _tributary_v1_OffsetFetchRequest, OffsetFetchRequest__Output as _tributary_v1_OffsetFetchRequest__Output } from './tributary/v1/OffsetFetchRequest.js';
import type { OffsetFetchResponse as _tributary_v1_OffsetFetchResponse, OffsetFetchResponse__Output as _tributary_v1_OffsetFetchResponse__Output } from './tributary/v1/OffsetFetchResponse.js';
import type { OffsetFetchTopicResult as _tributary_v1_OffsetFetchTopicResult, OffsetFetchTopicResult__Output as _tributary_v1_OffsetFetchTopicResult__Output } from './tributary/v1/OffsetFetchTopicResult.js';
import type { OffsetForLeaderEpochPartition as _tributary_v1_OffsetForLeaderEpochPartition, OffsetForLeaderEpochPartition__Output as _tributary_v1_OffsetForLeaderEpochPartition__Output } from './tributary/v1/OffsetForLeaderEpochPartition.js';
import type { OffsetForLeaderEpochPartitionResult as _tributary_v1_OffsetForLeaderEpochPartitionResult, OffsetForLeaderEpochPartitionResult__Output as _tributary_v1_OffsetForLeaderEpochPartitionResult__Output } from './tributary/v1/OffsetForLeaderEpochPartitionResult.js';
import type { OffsetForLeaderEpochRequest as _tributary_v1_OffsetForLeaderEpochRequest, OffsetForLeaderEpochRequest__Output as _tributary_v1_OffsetForLeaderEpochRequest__Output } from './tributary/v1/OffsetForLeaderEpochRequest.js';
import type { OffsetForLeaderEpochResponse as _tributary_v1_OffsetForLeaderEpochResponse, OffsetForLeaderEpochResponse__Output as _tributary_v1_OffsetForLeaderEpochResponse__Output } from './tributary/v1/OffsetForLeaderEpochResponse.js';
import type { OffsetForLeaderEpochTopic as _tributary_v1_OffsetForLeaderEpochTopic, OffsetForLeaderEpochTopic__Output as _tributary_v1_OffsetForLeaderEpochTopic__Output } from './tributary/v1/OffsetForLeaderEpochTopic.js';
import type { OffsetForLeaderEpochTopicResult as _tributary_v1_OffsetForLeaderEpochTopicResult, OffsetForLeaderEpochTopicResult__Output as _tributary_v1_OffsetForLeaderEpochTopicResult__Output } from './tributary/v1/OffsetForLeaderEpochTopicResult.js';
import type { PartitionMetadata as _tributary_v1_PartitionMetadata, PartitionMetadata__Output as _tributary_v1_PartitionMetadata__Output } from './tributary/v1/PartitionMetadata.js';
import type { ProducePartition as _tributary_v1_ProducePartition, ProducePartition__Output as _tributary_v1_ProducePartition__Output } from './tributary/v1/ProducePartition.js';
import type { ProducePartitionResult as _tributary_v1_ProducePartitionResult, ProducePartitionResult__Output as _tributary_v1_ProducePartitionResult__Output } from './tributary/v1/ProducePartitionResult.js';
import type { ProduceRequest as _tributary_v1_ProduceRequest, ProduceRequest__Output as _tributary_v1_ProduceRequest__Output } from './tributary/v1/ProduceRequest.js';
import type { ProduceResponse as _tributary_v1_ProduceResponse, ProduceResponse__Output as _tributary_v1_ProduceResponse__Output } from './tributary/v1/ProduceResponse.js';
import type { ProduceTopic as _tributary_v1_ProduceTopic, ProduceTopic__Output as _tributary_v1_ProduceTopic__Output } from './tributary/v1/ProduceTopic.js';
import type { ProduceTopicResult as _tributary_v1_ProduceTopicResult, ProduceTopicResult__Output as _tributary_v1_ProduceTopicResult__Output } from './tributary/v1/ProduceTopicResult.js';
import type { QuorumReplica as _tributary_v1_QuorumReplica, QuorumReplica__Output as _tributary_v1_QuorumReplica__Output } from './tributary/v1/QuorumReplica.js';
import type { RegisterBrokerRequest as _tributary_v1_RegisterBrokerRequest, RegisterBrokerRequest__Output as _tributary_v1_RegisterBrokerRequest__Output } from './tributary/v1/RegisterBrokerRequest.js';
import type { RegisterBrokerResponse as _tributary_v1_RegisterBrokerResponse, RegisterBrokerResponse__Output as _tributary_v1_RegisterBrokerResponse__Output } from './tributary/v1/RegisterBrokerResponse.js';
import type { ReplicaAssignment as _tributary_v1_ReplicaAssignment, ReplicaAssignment__Output as _tributary_v1_ReplicaAssignment__Output } from './tributary/v1/ReplicaAssignment.js';
import type { StreamMetadataRequest as _tributary_v1_StreamMetadataRequest, StreamMetadataRequest__Output as _tributary_v1_StreamMetadataRequest__Output } from './tributary/v1/StreamMetadataRequest.js';
import type { TopicMetadata as _tributary_v1_TopicMetadata, TopicMetadata__Output as _tributary_v1_TopicMetadata__Output } from './tributary/v1/TopicMetadata.js';
import type { TopicPartition as _tributary_v1_TopicPartition, TopicPartition__Output as _tributary_v1_TopicPartition__Output } from './tributary/v1/TopicPartition.js';
import type { TopicPartitions as _tributary_v1_TopicPartitions, TopicPartitions__Output as _tributary_v1_TopicPartitions__Output } from './tributary/v1/TopicPartitions.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tributary: {
    v1: {
      AllocateProducerIdsRequest: MessageTypeDefinition<_tributary_v1_AllocateProducerIdsRequest, _tributary_v1_AllocateProducerIdsRequest__Output>
      AllocateProducerIdsResponse: MessageTypeDefinition<_tributary_v1_AllocateProducerIdsResponse, _tributary_v1_AllocateProducerIdsResponse__Output>
      AlterConfigEntry: MessageTypeDefinition<_tributary_v1_AlterConfigEntry, _tributary_v1_AlterConfigEntry__Output>
      AlterConfigOp: EnumTypeDefinition
      AlterConfigsRequest: MessageTypeDefinition<_tributary_v1_AlterConfigsRequest, _tributary_v1_AlterConfigsRequest__Output>
      AlterConfigsResource: MessageTypeDefinition<_tributary_v1_AlterConfigsResource, _tributary_v1_AlterConfigsResource__Output>
      AlterConfigsResponse: MessageTypeDefinition<_tributary_v1_AlterConfigsResponse, _tributary_v1_AlterConfigsResponse__Output>
      AlterConfigsResult: MessageTypeDefinition<_tributary_v1_AlterConfigsResult, _tributary_v1_AlterConfigsResult__Output>
      AlterPartitionPartition: MessageTypeDefinition<_tributary_v1_AlterPartitionPartition, _tributary_v1_AlterPartitionPartition__Output>
      AlterPartitionPartitionResult: MessageTypeDefinition<_tributary_v1_AlterPartitionPartitionResult, _tributary_v1_AlterPartitionPartitionResult__Output>
      AlterPartitionRequest: MessageTypeDefinition<_tributary_v1_AlterPartitionRequest, _tributary_v1_AlterPartitionRequest__Output>
      AlterPartitionResponse: MessageTypeDefinition<_tributary_v1_AlterPartitionResponse, _tributary_v1_AlterPartitionResponse__Output>
      AlterPartitionTopic: MessageTypeDefinition<_tributary_v1_AlterPartitionTopic, _tributary_v1_AlterPartitionTopic__Output>
      AlterPartitionTopicResult: MessageTypeDefinition<_tributary_v1_AlterPartitionTopicResult, _tributary_v1_AlterPartitionTopicResult__Output>
      Broker: SubtypeConstructor<typeof grpc.Client, _tributary_v1_BrokerClient> & { service: _tributary_v1_BrokerDefinition }
      BrokerDescription: MessageTypeDefinition<_tributary_v1_BrokerDescription, _tributary_v1_BrokerDescription__Output>
      BrokerHeartbeatRequest: MessageTypeDefinition<_tributary_v1_BrokerHeartbeatRequest, _tributary_v1_BrokerHeartbeatRequest__Output>
      BrokerHeartbeatResponse: MessageTypeDefinition<_tributary_v1_BrokerHeartbeatResponse, _tributary_v1_BrokerHeartbeatResponse__Output>
      BrokerNode: MessageTypeDefinition<_tributary_v1_BrokerNode, _tributary_v1_BrokerNode__Output>
      BrokerState: EnumTypeDefinition
      ConfigEntry: MessageTypeDefinition<_tributary_v1_ConfigEntry, _tributary_v1_ConfigEntry__Output>
      ConfigResource: MessageTypeDefinition<_tributary_v1_ConfigResource, _tributary_v1_ConfigResource__Output>
      ConfigResourceType: EnumTypeDefinition
      ConfigSource: EnumTypeDefinition
      ConsumerGroupAssignment: MessageTypeDefinition<_tributary_v1_ConsumerGroupAssignment, _tributary_v1_ConsumerGroupAssignment__Output>
      ConsumerGroupHeartbeatRequest: MessageTypeDefinition<_tributary_v1_ConsumerGroupHeartbeatRequest, _tributary_v1_ConsumerGroupHeartbeatRequest__Output>
      ConsumerGroupHeartbeatResponse: MessageTypeDefinition<_tributary_v1_ConsumerGroupHeartbeatResponse, _tributary_v1_ConsumerGroupHeartbeatResponse__Output>
      Controller: SubtypeConstructor<typeof grpc.Client, _tributary_v1_ControllerClient> & { service: _tributary_v1_ControllerDefinition }
      ControllerDescription: MessageTypeDefinition<_tributary_v1_ControllerDescription, _tributary_v1_ControllerDescription__Output>
      CoordinatorKeyType: EnumTypeDefinition
      CreatableTopic: MessageTypeDefinition<_tributary_v1_CreatableTopic, _tributary_v1_CreatableTopic__Output>
      CreatableTopicResult: MessageTypeDefinition<_tributary_v1_CreatableTopicResult, _tributary_v1_CreatableTopicResult__Output>
      CreatePartitionsRequest: MessageTypeDefinition<_tributary_v1_CreatePartitionsRequest, _tributary_v1_CreatePartitionsRequest__Output>
      CreatePartitionsResponse: MessageTypeDefinition<_tributary_v1_CreatePartitionsResponse, _tributary_v1_CreatePartitionsResponse__Output>
      CreatePartitionsTopic: MessageTypeDefinition<_tributary_v1_CreatePartitionsTopic, _tributary_v1_CreatePartitionsTopic__Output>
      CreatePartitionsTopicResult: MessageTypeDefinition<_tributary_v1_CreatePartitionsTopicResult, _tributary_v1_CreatePartitionsTopicResult__Output>
      CreateTopicsRequest: MessageTypeDefinition<_tributary_v1_CreateTopicsRequest, _tributary_v1_CreateTopicsRequest__Output>
      CreateTopicsResponse: MessageTypeDefinition<_tributary_v1_CreateTopicsResponse, _tributary_v1_CreateTopicsResponse__Output>
      DeletableTopicResult: MessageTypeDefinition<_tributary_v1_DeletableTopicResult, _tributary_v1_DeletableTopicResult__Output>
      DeleteGroupsRequest: MessageTypeDefinition<_tributary_v1_DeleteGroupsRequest, _tributary_v1_DeleteGroupsRequest__Output>
      DeleteGroupsResponse: MessageTypeDefinition<_tributary_v1_DeleteGroupsResponse, _tributary_v1_DeleteGroupsResponse__Output>
      DeleteGroupsResult: MessageTypeDefinition<_tributary_v1_DeleteGroupsResult, _tributary_v1_DeleteGroupsResult__Output>
      DeleteRecordsPartition: MessageTypeDefinition<_tributary_v1_DeleteRecordsPartition, _tributary_v1_DeleteRecordsPartition__Output>
      DeleteRecordsPartitionResult: MessageTypeDefinition<_tributary_v1_DeleteRecordsPartitionResult, _tributary_v1_DeleteRecordsPartitionResult__Output>
      DeleteRecordsRequest: MessageTypeDefinition<_tributary_v1_DeleteRecordsRequest, _tributary_v1_DeleteRecordsRequest__Output>
      DeleteRecordsResponse: MessageTypeDefinition<_tributary_v1_DeleteRecordsResponse, _tributary_v1_DeleteRecordsResponse__Output>
      DeleteRecordsTopic: MessageTypeDefinition<_tributary_v1_DeleteRecordsTopic, _tributary_v1_DeleteRecordsTopic__Output>
      DeleteRecordsTopicResult: MessageTypeDefinition<_tributary_v1_DeleteRecordsTopicResult, _tributary_v1_DeleteRecordsTopicResult__Output>
      DeleteTopicsRequest: MessageTypeDefinition<_tributary_v1_DeleteTopicsRequest, _tributary_v1_DeleteTopicsRequest__Output>
      DeleteTopicsResponse: MessageTypeDefinition<_tributary_v1_DeleteTopicsResponse, _tributary_v1_DeleteTopicsResponse__Output>
      DescribeClusterRequest: MessageTypeDefinition<_tributary_v1_DescribeClusterRequest, _tributary_v1_DescribeClusterRequest__Output>
      DescribeClusterResponse: MessageTypeDefinition<_tributary_v1_DescribeClusterResponse, _tributary_v1_DescribeClusterResponse__Output>
      DescribeConfigsRequest: MessageTypeDefinition<_tributary_v1_DescribeConfigsRequest, _tributary_v1_DescribeConfigsRequest__Output>
      DescribeConfigsResponse: MessageTypeDefinition<_tributary_v1_DescribeConfigsResponse, _tributary_v1_DescribeConfigsResponse__Output>
      DescribeConfigsResult: MessageTypeDefinition<_tributary_v1_DescribeConfigsResult, _tributary_v1_DescribeConfigsResult__Output>
      DescribeGroupsRequest: MessageTypeDefinition<_tributary_v1_DescribeGroupsRequest, _tributary_v1_DescribeGroupsRequest__Output>
      DescribeGroupsResponse: MessageTypeDefinition<_tributary_v1_DescribeGroupsResponse, _tributary_v1_DescribeGroupsResponse__Output>
      DescribeQuorumRequest: MessageTypeDefinition<_tributary_v1_DescribeQuorumRequest, _tributary_v1_DescribeQuorumRequest__Output>
      DescribeQuorumResponse: MessageTypeDefinition<_tributary_v1_DescribeQuorumResponse, _tributary_v1_DescribeQuorumResponse__Output>
      DescribedConfig: MessageTypeDefinition<_tributary_v1_DescribedConfig, _tributary_v1_DescribedConfig__Output>
      DescribedGroup: MessageTypeDefinition<_tributary_v1_DescribedGroup, _tributary_v1_DescribedGroup__Output>
      ElectLeadersRequest: MessageTypeDefinition<_tributary_v1_ElectLeadersRequest, _tributary_v1_ElectLeadersRequest__Output>
      ElectLeadersResponse: MessageTypeDefinition<_tributary_v1_ElectLeadersResponse, _tributary_v1_ElectLeadersResponse__Output>
      ElectLeadersResult: MessageTypeDefinition<_tributary_v1_ElectLeadersResult, _tributary_v1_ElectLeadersResult__Output>
      ElectionType: EnumTypeDefinition
      Endpoint: MessageTypeDefinition<_tributary_v1_Endpoint, _tributary_v1_Endpoint__Output>
      EpochEndOffset: MessageTypeDefinition<_tributary_v1_EpochEndOffset, _tributary_v1_EpochEndOffset__Output>
      Error: MessageTypeDefinition<_tributary_v1_Error, _tributary_v1_Error__Output>
      FetchPartition: MessageTypeDefinition<_tributary_v1_FetchPartition, _tributary_v1_FetchPartition__Output>
      FetchPartitionResult: MessageTypeDefinition<_tributary_v1_FetchPartitionResult, _tributary_v1_FetchPartitionResult__Output>
      FetchRequest: MessageTypeDefinition<_tributary_v1_FetchRequest, _tributary_v1_FetchRequest__Output>
      FetchResponse: MessageTypeDefinition<_tributary_v1_FetchResponse, _tributary_v1_FetchResponse__Output>
      FetchTopic: MessageTypeDefinition<_tributary_v1_FetchTopic, _tributary_v1_FetchTopic__Output>
      FetchTopicResult: MessageTypeDefinition<_tributary_v1_FetchTopicResult, _tributary_v1_FetchTopicResult__Output>
      FindCoordinatorRequest: MessageTypeDefinition<_tributary_v1_FindCoordinatorRequest, _tributary_v1_FindCoordinatorRequest__Output>
      FindCoordinatorResponse: MessageTypeDefinition<_tributary_v1_FindCoordinatorResponse, _tributary_v1_FindCoordinatorResponse__Output>
      GroupMember: MessageTypeDefinition<_tributary_v1_GroupMember, _tributary_v1_GroupMember__Output>
      InitProducerIdRequest: MessageTypeDefinition<_tributary_v1_InitProducerIdRequest, _tributary_v1_InitProducerIdRequest__Output>
      InitProducerIdResponse: MessageTypeDefinition<_tributary_v1_InitProducerIdResponse, _tributary_v1_InitProducerIdResponse__Output>
      IsolationLevel: EnumTypeDefinition
      IsrMember: MessageTypeDefinition<_tributary_v1_IsrMember, _tributary_v1_IsrMember__Output>
      LeaderHint: MessageTypeDefinition<_tributary_v1_LeaderHint, _tributary_v1_LeaderHint__Output>
      ListGroupsRequest: MessageTypeDefinition<_tributary_v1_ListGroupsRequest, _tributary_v1_ListGroupsRequest__Output>
      ListGroupsResponse: MessageTypeDefinition<_tributary_v1_ListGroupsResponse, _tributary_v1_ListGroupsResponse__Output>
      ListOffsetsPartition: MessageTypeDefinition<_tributary_v1_ListOffsetsPartition, _tributary_v1_ListOffsetsPartition__Output>
      ListOffsetsPartitionResult: MessageTypeDefinition<_tributary_v1_ListOffsetsPartitionResult, _tributary_v1_ListOffsetsPartitionResult__Output>
      ListOffsetsRequest: MessageTypeDefinition<_tributary_v1_ListOffsetsRequest, _tributary_v1_ListOffsetsRequest__Output>
      ListOffsetsResponse: MessageTypeDefinition<_tributary_v1_ListOffsetsResponse, _tributary_v1_ListOffsetsResponse__Output>
      ListOffsetsTopic: MessageTypeDefinition<_tributary_v1_ListOffsetsTopic, _tributary_v1_ListOffsetsTopic__Output>
      ListOffsetsTopicResult: MessageTypeDefinition<_tributary_v1_ListOffsetsTopicResult, _tributary_v1_ListOffsetsTopicResult__Output>
      ListedGroup: MessageTypeDefinition<_tributary_v1_ListedGroup, _tributary_v1_ListedGroup__Output>
      MetadataBatch: MessageTypeDefinition<_tributary_v1_MetadataBatch, _tributary_v1_MetadataBatch__Output>
      MetadataChunk: MessageTypeDefinition<_tributary_v1_MetadataChunk, _tributary_v1_MetadataChunk__Output>
      MetadataRequest: MessageTypeDefinition<_tributary_v1_MetadataRequest, _tributary_v1_MetadataRequest__Output>
      MetadataResponse: MessageTypeDefinition<_tributary_v1_MetadataResponse, _tributary_v1_MetadataResponse__Output>
      MetadataSnapshot: MessageTypeDefinition<_tributary_v1_MetadataSnapshot, _tributary_v1_MetadataSnapshot__Output>
      OffsetCommitPartition: MessageTypeDefinition<_tributary_v1_OffsetCommitPartition, _tributary_v1_OffsetCommitPartition__Output>
      OffsetCommitPartitionResult: MessageTypeDefinition<_tributary_v1_OffsetCommitPartitionResult, _tributary_v1_OffsetCommitPartitionResult__Output>
      OffsetCommitRequest: MessageTypeDefinition<_tributary_v1_OffsetCommitRequest, _tributary_v1_OffsetCommitRequest__Output>
      OffsetCommitResponse: MessageTypeDefinition<_tributary_v1_OffsetCommitResponse, _tributary_v1_OffsetCommitResponse__Output>
      OffsetCommitTopic: MessageTypeDefinition<_tributary_v1_OffsetCommitTopic, _tributary_v1_OffsetCommitTopic__Output>
      OffsetCommitTopicResult: MessageTypeDefinition<_tributary_v1_OffsetCommitTopicResult, _tributary_v1_OffsetCommitTopicResult__Output>
      OffsetFetchPartitionResult: MessageTypeDefinition<_tributary_v1_OffsetFetchPartitionResult, _tributary_v1_OffsetFetchPartitionResult__Output>
      OffsetFetchRequest: MessageTypeDefinition<_tributary_v1_OffsetFetchRequest, _tributary_v1_OffsetFetchRequest__Output>
      OffsetFetchResponse: MessageTypeDefinition<_tributary_v1_OffsetFetchResponse, _tributary_v1_OffsetFetchResponse__Output>
      OffsetFetchTopicResult: MessageTypeDefinition<_tributary_v1_OffsetFetchTopicResult, _tributary_v1_OffsetFetchTopicResult__Output>
      OffsetForLeaderEpochPartition: MessageTypeDefinition<_tributary_v1_OffsetForLeaderEpochPartition, _tributary_v1_OffsetForLeaderEpochPartition__Output>
      OffsetForLeaderEpochPartitionResult: MessageTypeDefinition<_tributary_v1_OffsetForLeaderEpochPartitionResult, _tributary_v1_OffsetForLeaderEpochPartitionResult__Output>
      OffsetForLeaderEpochRequest: MessageTypeDefinition<_tributary_v1_OffsetForLeaderEpochRequest, _tributary_v1_OffsetForLeaderEpochRequest__Output>
      OffsetForLeaderEpochResponse: MessageTypeDefinition<_tributary_v1_OffsetForLeaderEpochResponse, _tributary_v1_OffsetForLeaderEpochResponse__Output>
      OffsetForLeaderEpochTopic: MessageTypeDefinition<_tributary_v1_OffsetForLeaderEpochTopic, _tributary_v1_OffsetForLeaderEpochTopic__Output>
      OffsetForLeaderEpochTopicResult: MessageTypeDefinition<_tributary_v1_OffsetForLeaderEpochTopicResult, _tributary_v1_OffsetForLeaderEpochTopicResult__Output>
      PartitionMetadata: MessageTypeDefinition<_tributary_v1_PartitionMetadata, _tributary_v1_PartitionMetadata__Output>
      ProducePartition: MessageTypeDefinition<_tributary_v1_ProducePartition, _tributary_v1_ProducePartition__Output>
      ProducePartitionResult: MessageTypeDefinition<_tributary_v1_ProducePartitionResult, _tributary_v1_ProducePartitionResult__Output>
      ProduceRequest: MessageTypeDefinition<_tributary_v1_ProduceRequest, _tributary_v1_ProduceRequest__Output>
      ProduceResponse: MessageTypeDefinition<_tributary_v1_ProduceResponse, _tributary_v1_ProduceResponse__Output>
      ProduceTopic: MessageTypeDefinition<_tributary_v1_ProduceTopic, _tributary_v1_ProduceTopic__Output>
      ProduceTopicResult: MessageTypeDefinition<_tributary_v1_ProduceTopicResult, _tributary_v1_ProduceTopicResult__Output>
      QuorumReplica: MessageTypeDefinition<_tributary_v1_QuorumReplica, _tributary_v1_QuorumReplica__Output>
      RegisterBrokerRequest: MessageTypeDefinition<_tributary_v1_RegisterBrokerRequest, _tributary_v1_RegisterBrokerRequest__Output>
      RegisterBrokerResponse: MessageTypeDefinition<_tributary_v1_RegisterBrokerResponse, _tributary_v1_RegisterBrokerResponse__Output>
      ReplicaAssignment: MessageTypeDefinition<_tributary_v1_ReplicaAssignment, _tributary_v1_ReplicaAssignment__Output>
      StreamMetadataRequest: MessageTypeDefinition<_tributary_v1_StreamMetadataRequest, _tributary_v1_StreamMetadataRequest__Output>
      TopicMetadata: MessageTypeDefinition<_tributary_v1_TopicMetadata, _tributary_v1_TopicMetadata__Output>
      TopicPartition: MessageTypeDefinition<_tributary_v1_TopicPartition, _tributary_v1_TopicPartition__Output>
      TopicPartitions: MessageTypeDefinition<_tributary_v1_TopicPartitions, _tributary_v1_TopicPartitions__Output>
    }
  }
}

