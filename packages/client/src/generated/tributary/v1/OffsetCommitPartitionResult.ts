// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';

export interface OffsetCommitPartitionResult {
  'partition'?: (number);
  'error'?: (_tributary_v1_Error | null);
}

export interface OffsetCommitPartitionResult__Output {
  'partition': (number);
  'error': (_tributary_v1_Error__Output | null);
}
