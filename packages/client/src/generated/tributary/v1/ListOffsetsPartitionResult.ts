// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { Long } from '@grpc/proto-loader';

export interface ListOffsetsPartitionResult {
  'partition'?: (number);
  'error'?: (_tributary_v1_Error | null);
  'timestamp'?: (number | string | Long);
  'offset'?: (number | string | Long);
  'leaderEpoch'?: (number);
}

export interface ListOffsetsPartitionResult__Output {
  'partition': (number);
  'error': (_tributary_v1_Error__Output | null);
  'timestamp': (string);
  'offset': (string);
  'leaderEpoch': (number);
}
