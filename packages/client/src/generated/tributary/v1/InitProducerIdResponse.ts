// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { Long } from '@grpc/proto-loader';

export interface InitProducerIdResponse {
  'error'?: (_tributary_v1_Error | null);
  'producerId'?: (number | string | Long);
  'producerEpoch'?: (number);
}

export interface InitProducerIdResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'producerId': (string);
  'producerEpoch': (number);
}
