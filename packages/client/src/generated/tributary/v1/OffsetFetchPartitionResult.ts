// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { Long } from '@grpc/proto-loader';

export interface OffsetFetchPartitionResult {
  'partition'?: (number);
  'error'?: (_tributary_v1_Error | null);
  'committedOffset'?: (number | string | Long);
  'committedLeaderEpoch'?: (number);
  'metadata'?: (string);
  '_metadata'?: "metadata";
}

export interface OffsetFetchPartitionResult__Output {
  'partition': (number);
  'error': (_tributary_v1_Error__Output | null);
  'committedOffset': (string);
  'committedLeaderEpoch': (number);
  'metadata'?: (string);
  '_metadata'?: "metadata";
}
