// Original file: proto/tributary/v1/raft.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';

export interface DeliverResponse {
  'error'?: (_tributary_v1_Error | null);
}

export interface DeliverResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
}
