// Original file: proto/tributary/v1/raft.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DeliverRequest as _tributary_v1_DeliverRequest, DeliverRequest__Output as _tributary_v1_DeliverRequest__Output } from '../../tributary/v1/DeliverRequest.js';
import type { DeliverResponse as _tributary_v1_DeliverResponse, DeliverResponse__Output as _tributary_v1_DeliverResponse__Output } from '../../tributary/v1/DeliverResponse.js';

export interface RaftClient extends grpc.Client {
  Deliver(argument: _tributary_v1_DeliverRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeliverResponse__Output>): grpc.ClientUnaryCall;
  Deliver(argument: _tributary_v1_DeliverRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DeliverResponse__Output>): grpc.ClientUnaryCall;
  Deliver(argument: _tributary_v1_DeliverRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeliverResponse__Output>): grpc.ClientUnaryCall;
  Deliver(argument: _tributary_v1_DeliverRequest, callback: grpc.requestCallback<_tributary_v1_DeliverResponse__Output>): grpc.ClientUnaryCall;
  deliver(argument: _tributary_v1_DeliverRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeliverResponse__Output>): grpc.ClientUnaryCall;
  deliver(argument: _tributary_v1_DeliverRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tributary_v1_DeliverResponse__Output>): grpc.ClientUnaryCall;
  deliver(argument: _tributary_v1_DeliverRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tributary_v1_DeliverResponse__Output>): grpc.ClientUnaryCall;
  deliver(argument: _tributary_v1_DeliverRequest, callback: grpc.requestCallback<_tributary_v1_DeliverResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RaftHandlers extends grpc.UntypedServiceImplementation {
  Deliver: grpc.handleUnaryCall<_tributary_v1_DeliverRequest__Output, _tributary_v1_DeliverResponse>;
  
}

export interface RaftDefinition extends grpc.ServiceDefinition {
  Deliver: MethodDefinition<_tributary_v1_DeliverRequest, _tributary_v1_DeliverResponse, _tributary_v1_DeliverRequest__Output, _tributary_v1_DeliverResponse__Output>
}
