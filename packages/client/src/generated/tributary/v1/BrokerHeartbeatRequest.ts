// Original file: proto/tributary/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface BrokerHeartbeatRequest {
  'brokerId'?: (number);
  'brokerEpoch'?: (number | string | Long);
  'currentMetadataOffset'?: (number | string | Long);
  'wantFence'?: (boolean);
  'wantShutDown'?: (boolean);
}

export interface BrokerHeartbeatRequest__Output {
  'brokerId': (number);
  'brokerEpoch': (string);
  'currentMetadataOffset': (string);
  'wantFence': (boolean);
  'wantShutDown': (boolean);
}
