// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { Long } from '@grpc/proto-loader';

export interface RegisterBrokerResponse {
  'error'?: (_tributary_v1_Error | null);
  'brokerEpoch'?: (number | string | Long);
}

export interface RegisterBrokerResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'brokerEpoch': (string);
}
