import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ConfigEntry as _tributary_v1_ConfigEntry, ConfigEntry__Output as _tributary_v1_ConfigEntry__Output } from './tributary/v1/ConfigEntry.js';
import type { ConfigResource as _tributary_v1_ConfigResource, ConfigResource__Output as _tributary_v1_ConfigResource__Output } from './tributary/v1/ConfigResource.js';
import type { DeliverRequest as _tributary_v1_DeliverRequest, DeliverRequest__Output as _tributary_v1_DeliverRequest__Output } from './tributary/v1/DeliverRequest.js';
import type { DeliverResponse as _tributary_v1_DeliverResponse, DeliverResponse__Output as _tributary_v1_DeliverResponse__Output } from './tributary/v1/DeliverResponse.js';
import type { DescribedConfig as _tributary_v1_DescribedConfig, DescribedConfig__Output as _tributary_v1_DescribedConfig__Output } from './tributary/v1/DescribedConfig.js';
import type { Endpoint as _tributary_v1_Endpoint, Endpoint__Output as _tributary_v1_Endpoint__Output } from './tributary/v1/Endpoint.js';
import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from './tributary/v1/Error.js';
import type { LeaderHint as _tributary_v1_LeaderHint, LeaderHint__Output as _tributary_v1_LeaderHint__Output } from './tributary/v1/LeaderHint.js';
import type { RaftClient as _tributary_v1_RaftClient, RaftDefinition as _tributary_v1_RaftDefinition } from './tributary/v1/Raft.js';
import type { RaftEntry as _tributary_v1_RaftEntry, RaftEntry__Output as _tributary_v1_RaftEntry__Output } from './tributary/v1/RaftEntry.js';
import type { RaftMessage as _tributary_v1_RaftMessage, RaftMessage__Output as _tributary_v1_RaftMessage__Output } from './tributary/v1/RaftMessage.js';
import type { SnapshotChunk as _tributary_v1_SnapshotChunk, SnapshotChunk__Output as _tributary_v1_SnapshotChunk__Output } from './tributary/v1/SnapshotChunk.js';
import type { TopicPartition as _tributary_v1_TopicPartition, TopicPartition__Output as _tributary_v1_TopicPartition__Output } from './tributary/v1/TopicPartition.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tributary: {
    v1: {
      ConfigEntry: MessageTypeDefinition<_tributary_v1_ConfigEntry, _tributary_v1_ConfigEntry__Output>
      ConfigResource: MessageTypeDefinition<_tributary_v1_ConfigResource, _tributary_v1_ConfigResource__Output>
      ConfigResourceType: EnumTypeDefinition
      ConfigSource: EnumTypeDefinition
      DeliverRequest: MessageTypeDefinition<_tributary_v1_DeliverRequest, _tributary_v1_DeliverRequest__Output>
      DeliverResponse: MessageTypeDefinition<_tributary_v1_DeliverResponse, _tributary_v1_DeliverResponse__Output>
      DescribedConfig: MessageTypeDefinition<_tributary_v1_DescribedConfig, _tributary_v1_DescribedConfig__Output>
      Endpoint: MessageTypeDefinition<_tributary_v1_Endpoint, _tributary_v1_Endpoint__Output>
      Error: MessageTypeDefinition<_tributary_v1_Error, _tributary_v1_Error__Output>
      LeaderHint: MessageTypeDefinition<_tributary_v1_LeaderHint, _tributary_v1_LeaderHint__Output>
      Raft: SubtypeConstructor<typeof grpc.Client, _tributary_v1_RaftClient> & { service: _tributary_v1_RaftDefinition }
      RaftEntry: MessageTypeDefinition<_tributary_v1_RaftEntry, _tributary_v1_RaftEntry__Output>
      RaftEntryType: EnumTypeDefinition
      RaftMessage: MessageTypeDefinition<_tributary_v1_RaftMessage, _tributary_v1_RaftMessage__Output>
      RaftMessageType: EnumTypeDefinition
      SnapshotChunk: MessageTypeDefinition<_tributary_v1_SnapshotChunk, _tributary_v1_SnapshotChunk__Output>
      TopicPartition: MessageTypeDefinition<_tributary_v1_TopicPartition, _tributary_v1_TopicPartition__Output>
    }
  }
}

