// Original file: proto/tributary/v1/controller.proto

import type { Endpoint as _tributary_v1_Endpoint, Endpoint__Output as _tributary_v1_Endpoint__Output } from '../../tributary/v1/Endpoint.js';
import type { BrokerState as _tributary_v1_BrokerState, BrokerState__Output as _tributary_v1_BrokerState__Output } from '../../tributary/v1/BrokerState.js';
import type { Long } from '@grpc/proto-loader';

export interface BrokerDescription {
  'brokerId'?: (number);
  'endpoints'?: (_tributary_v1_Endpoint)[];
  'rack'?: (string);
  'state'?: (_tributary_v1_BrokerState);
  'brokerEpoch'?: (number | string | Long);
  'incarnationId'?: (string);
  '_rack'?: "rack";
}

export interface BrokerDescription__Output {
  'brokerId': (number);
  'endpoints': (_tributary_v1_Endpoint__Output)[];
  'rack'?: (string);
  'state': (_tributary_v1_BrokerState__Output);
  'brokerEpoch': (string);
  'incarnationId': (string);
  '_rack'?: "rack";
}
