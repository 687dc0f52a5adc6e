// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { Long } from '@grpc/proto-loader';

export interface AllocateProducerIdsResponse {
  'error'?: (_tributary_v1_Error | null);
  'firstProducerId'?: (number | string | Long);
  'count'?: (number);
}

export interface AllocateProducerIdsResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'firstProducerId': (string);
  'count': (number);
}
