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
import type { BrokerDescription as _tributary_v1_BrokerDescription, BrokerDescription__Output as _tributary_v1_BrokerDescription__Output } from './tributary/v1/BrokerDescription.js';
import type { BrokerHeartbeatRequest as _tributary_v1_BrokerHeartbeatRequest, BrokerHeartbeatRequest__Output as _tributary_v1_BrokerHeartbeatRequest__Output } from './tributary/v1/BrokerHeartbeatRequest.js';
import type { BrokerHeartbeatResponse as _tributary_v1_BrokerHeartbeatResponse, BrokerHeartbeatResponse__Output as _tributary_v1_BrokerHeartbeatResponse__Output } from './tributary/v1/BrokerHeartbeatResponse.js';
import type { ConfigEntry as _tributary_v1_ConfigEntry, ConfigEntry__Output as _tributary_v1_ConfigEntry__Output } from './tributary/v1/ConfigEntry.js';
import type { ConfigResource as _tributary_v1_ConfigResource, ConfigResource__Output as _tributary_v1_ConfigResource__Output } from './tributary/v1/ConfigResource.js';
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
import type { DeleteTopicsRequest as _tributary_v1_DeleteTopicsRequest, DeleteTopicsRequest__Output as _tributary_v1_DeleteTopicsRequest__Output } from './tributary/v1/DeleteTopicsRequest.js';
import type { DeleteTopicsResponse as _tributary_v1_DeleteTopicsResponse, DeleteTopicsResponse__Output as _tributary_v1_DeleteTopicsResponse__Output } from './tributary/v1/DeleteTopicsResponse.js';
import type { DescribeClusterRequest as _tributary_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _tributary_v1_DescribeClusterRequest__Output } from './tributary/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _tributary_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _tributary_v1_DescribeClusterResponse__Output } from './tributary/v1/DescribeClusterResponse.js';
import type { DescribeConfigsRequest as _tributary_v1_DescribeConfigsRequest, DescribeConfigsRequest__Output as _tributary_v1_DescribeConfigsRequest__Output } from './tributary/v1/DescribeConfigsRequest.js';
import type { DescribeConfigsResponse as _tributary_v1_DescribeConfigsResponse, DescribeConfigsResponse__Output as _tributary_v1_DescribeConfigsResponse__Output } from './tributary/v1/DescribeConfigsResponse.js';
import type { DescribeConfigsResult as _tributary_v1_DescribeConfigsResult, DescribeConfigsResult__Output as _tributary_v1_DescribeConfigsResult__Output } from './tributary/v1/DescribeConfigsResult.js';
import type { DescribeQuorumRequest as _tributary_v1_DescribeQuorumRequest, DescribeQuorumRequest__Output as _tributary_v1_DescribeQuorumRequest__Output } from './tributary/v1/DescribeQuorumRequest.js';
import type { DescribeQuorumResponse as _tributary_v1_DescribeQuorumResponse, DescribeQuorumResponse__Output as _tributary_v1_DescribeQuorumResponse__Output } from './tributary/v1/DescribeQuorumResponse.js';
import type { DescribedConfig as _tributary_v1_DescribedConfig, DescribedConfig__Output as _tributary_v1_DescribedConfig__Output } from './tributary/v1/DescribedConfig.js';
import type { ElectLeadersRequest as _tributary_v1_ElectLeadersRequest, ElectLeadersRequest__Output as _tributary_v1_ElectLeadersRequest__Output } from './tributary/v1/ElectLeadersRequest.js';
import type { ElectLeadersResponse as _tributary_v1_ElectLeadersResponse, ElectLeadersResponse__Output as _tributary_v1_ElectLeadersResponse__Output } from './tributary/v1/ElectLeadersResponse.js';
import type { ElectLeadersResult as _tributary_v1_ElectLeadersResult, ElectLeadersResult__Output as _tributary_v1_ElectLeadersResult__Output } from './tributary/v1/ElectLeadersResult.js';
import type { Endpoint as _tributary_v1_Endpoint, Endpoint__Output as _tributary_v1_Endpoint__Output } from './tributary/v1/Endpoint.js';
import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from './tributary/v1/Error.js';
import type { IsrMember as _tributary_v1_IsrMember, IsrMember__Output as _tributary_v1_IsrMember__Output } from './tributary/v1/IsrMember.js';
import type { LeaderHint as _tributary_v1_LeaderHint, LeaderHint__Output as _tributary_v1_LeaderHint__Output } from './tributary/v1/LeaderHint.js';
import type { MetadataBatch as _tributary_v1_MetadataBatch, MetadataBatch__Output as _tributary_v1_MetadataBatch__Output } from './tributary/v1/MetadataBatch.js';
import type { MetadataChunk as _tributary_v1_MetadataChunk, MetadataChunk__Output as _tributary_v1_MetadataChunk__Output } from './tributary/v1/MetadataChunk.js';
import type { MetadataSnapshot as _tributary_v1_MetadataSnapshot, MetadataSnapshot__Output as _tributary_v1_MetadataSnapshot__Output } from './tributary/v1/MetadataSnapshot.js';
import type { QuorumReplica as _tributary_v1_QuorumReplica, QuorumReplica__Output as _tributary_v1_QuorumReplica__Output } from './tributary/v1/QuorumReplica.js';
import type { RegisterBrokerRequest as _tributary_v1_RegisterBrokerRequest, RegisterBrokerRequest__Output as _tributary_v1_RegisterBrokerRequest__Output } from './tributary/v1/RegisterBrokerRequest.js';
import type { RegisterBrokerResponse as _tributary_v1_RegisterBrokerResponse, RegisterBrokerResponse__Output as _tributary_v1_RegisterBrokerResponse__Output } from './tributary/v1/RegisterBrokerResponse.js';
import type { ReplicaAssignment as _tributary_v1_ReplicaAssignment, ReplicaAssignment__Output as _tributary_v1_ReplicaAssignment__Output } from './tributary/v1/ReplicaAssignment.js';
import type { StreamMetadataRequest as _tributary_v1_StreamMetadataRequest, StreamMetadataRequest__Output as _tributary_v1_StreamMetadataRequest__Output } from './tributary/v1/StreamMetadataRequest.js';
import type { TopicPartition as _tributary_v1_TopicPartition, TopicPartition__Output as _tributary_v1_TopicPartition__Output } from './tributary/v1/TopicPartition.js';

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
      BrokerDescription: MessageTypeDefinition<_tributary_v1_BrokerDescription, _tributary_v1_BrokerDescription__Output>
      BrokerHeartbeatRequest: MessageTypeDefinition<_tributary_v1_BrokerHeartbeatRequest, _tributary_v1_BrokerHeartbeatRequest__Output>
      BrokerHeartbeatResponse: MessageTypeDefinition<_tributary_v1_BrokerHeartbeatResponse, _tributary_v1_BrokerHeartbeatResponse__Output>
      BrokerState: EnumTypeDefinition
      ConfigEntry: MessageTypeDefinition<_tributary_v1_ConfigEntry, _tributary_v1_ConfigEntry__Output>
      ConfigResource: MessageTypeDefinition<_tributary_v1_ConfigResource, _tributary_v1_ConfigResource__Output>
      ConfigResourceType: EnumTypeDefinition
      ConfigSource: EnumTypeDefinition
      Controller: SubtypeConstructor<typeof grpc.Client, _tributary_v1_ControllerClient> & { service: _tributary_v1_ControllerDefinition }
      ControllerDescription: MessageTypeDefinition<_tributary_v1_ControllerDescription, _tributary_v1_ControllerDescription__Output>
      CreatableTopic: MessageTypeDefinition<_tributary_v1_CreatableTopic, _tributary_v1_CreatableTopic__Output>
      CreatableTopicResult: MessageTypeDefinition<_tributary_v1_CreatableTopicResult, _tributary_v1_CreatableTopicResult__Output>
      CreatePartitionsRequest: MessageTypeDefinition<_tributary_v1_CreatePartitionsRequest, _tributary_v1_CreatePartitionsRequest__Output>
      CreatePartitionsResponse: MessageTypeDefinition<_tributary_v1_CreatePartitionsResponse, _tributary_v1_CreatePartitionsResponse__Output>
      CreatePartitionsTopic: MessageTypeDefinition<_tributary_v1_CreatePartitionsTopic, _tributary_v1_CreatePartitionsTopic__Output>
      CreatePartitionsTopicResult: MessageTypeDefinition<_tributary_v1_CreatePartitionsTopicResult, _tributary_v1_CreatePartitionsTopicResult__Output>
      CreateTopicsRequest: MessageTypeDefinition<_tributary_v1_CreateTopicsRequest, _tributary_v1_CreateTopicsRequest__Output>
      CreateTopicsResponse: MessageTypeDefinition<_tributary_v1_CreateTopicsResponse, _tributary_v1_CreateTopicsResponse__Output>
      DeletableTopicResult: MessageTypeDefinition<_tributary_v1_DeletableTopicResult, _tributary_v1_DeletableTopicResult__Output>
      DeleteTopicsRequest: MessageTypeDefinition<_tributary_v1_DeleteTopicsRequest, _tributary_v1_DeleteTopicsRequest__Output>
      DeleteTopicsResponse: MessageTypeDefinition<_tributary_v1_DeleteTopicsResponse, _tributary_v1_DeleteTopicsResponse__Output>
      DescribeClusterRequest: MessageTypeDefinition<_tributary_v1_DescribeClusterRequest, _tributary_v1_DescribeClusterRequest__Output>
      DescribeClusterResponse: MessageTypeDefinition<_tributary_v1_DescribeClusterResponse, _tributary_v1_DescribeClusterResponse__Output>
      DescribeConfigsRequest: MessageTypeDefinition<_tributary_v1_DescribeConfigsRequest, _tributary_v1_DescribeConfigsRequest__Output>
      DescribeConfigsResponse: MessageTypeDefinition<_tributary_v1_DescribeConfigsResponse, _tributary_v1_DescribeConfigsResponse__Output>
      DescribeConfigsResult: MessageTypeDefinition<_tributary_v1_DescribeConfigsResult, _tributary_v1_DescribeConfigsResult__Output>
      DescribeQuorumRequest: MessageTypeDefinition<_tributary_v1_DescribeQuorumRequest, _tributary_v1_DescribeQuorumRequest__Output>
      DescribeQuorumResponse: MessageTypeDefinition<_tributary_v1_DescribeQuorumResponse, _tributary_v1_DescribeQuorumResponse__Output>
      DescribedConfig: MessageTypeDefinition<_tributary_v1_DescribedConfig, _tributary_v1_DescribedConfig__Output>
      ElectLeadersRequest: MessageTypeDefinition<_tributary_v1_ElectLeadersRequest, _tributary_v1_ElectLeadersRequest__Output>
      ElectLeadersResponse: MessageTypeDefinition<_tributary_v1_ElectLeadersResponse, _tributary_v1_ElectLeadersResponse__Output>
      ElectLeadersResult: MessageTypeDefinition<_tributary_v1_ElectLeadersResult, _tributary_v1_ElectLeadersResult__Output>
      ElectionType: EnumTypeDefinition
      Endpoint: MessageTypeDefinition<_tributary_v1_Endpoint, _tributary_v1_Endpoint__Output>
      Error: MessageTypeDefinition<_tributary_v1_Error, _tributary_v1_Error__Output>
      IsrMember: MessageTypeDefinition<_tributary_v1_IsrMember, _tributary_v1_IsrMember__Output>
      LeaderHint: MessageTypeDefinition<_tributary_v1_LeaderHint, _tributary_v1_LeaderHint__Output>
      MetadataBatch: MessageTypeDefinition<_tributary_v1_MetadataBatch, _tributary_v1_MetadataBatch__Output>
      MetadataChunk: MessageTypeDefinition<_tributary_v1_MetadataChunk, _tributary_v1_MetadataChunk__Output>
      MetadataSnapshot: MessageTypeDefinition<_tributary_v1_MetadataSnapshot, _tributary_v1_MetadataSnapshot__Output>
      QuorumReplica: MessageTypeDefinition<_tributary_v1_QuorumReplica, _tributary_v1_QuorumReplica__Output>
      RegisterBrokerRequest: MessageTypeDefinition<_tributary_v1_RegisterBrokerRequest, _tributary_v1_RegisterBrokerRequest__Output>
      RegisterBrokerResponse: MessageTypeDefinition<_tributary_v1_RegisterBrokerResponse, _tributary_v1_RegisterBrokerResponse__Output>
      ReplicaAssignment: MessageTypeDefinition<_tributary_v1_ReplicaAssignment, _tributary_v1_ReplicaAssignment__Output>
      StreamMetadataRequest: MessageTypeDefinition<_tributary_v1_StreamMetadataRequest, _tributary_v1_StreamMetadataRequest__Output>
      TopicPartition: MessageTypeDefinition<_tributary_v1_TopicPartition, _tributary_v1_TopicPartition__Output>
    }
  }
}

