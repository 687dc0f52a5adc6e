// Original file: proto/tributary/v1/controller.proto

import type { Endpoint as _tributary_v1_Endpoint, Endpoint__Output as _tributary_v1_Endpoint__Output } from '../../tributary/v1/Endpoint.js';

export interface RegisterBrokerRequest {
  'clusterId'?: (string);
  'brokerId'?: (number);
  'incarnationId'?: (string);
  'endpoints'?: (_tributary_v1_Endpoint)[];
  'rack'?: (string);
  '_rack'?: "rack";
}

export interface RegisterBrokerRequest__Output {
  'clusterId': (string);
  'brokerId': (number);
  'incarnationId': (string);
  'endpoints': (_tributary_v1_Endpoint__Output)[];
  'rack'?: (string);
  '_rack'?: "rack";
}
