// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';

export interface FindCoordinatorResponse {
  'error'?: (_tributary_v1_Error | null);
  'nodeId'?: (number);
  'host'?: (string);
  'port'?: (number);
}

export interface FindCoordinatorResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'nodeId': (number);
  'host': (string);
  'port': (number);
}
