// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { Long } from '@grpc/proto-loader';

export interface ProducePartitionResult {
  'partition'?: (number);
  'error'?: (_tributary_v1_Error | null);
  'baseOffset'?: (number | string | Long);
  'logAppendTimeMs'?: (number | string | Long);
  'logStartOffset'?: (number | string | Long);
}

export interface ProducePartitionResult__Output {
  'partition': (number);
  'error': (_tributary_v1_Error__Output | null);
  'baseOffset': (string);
  'logAppendTimeMs': (string);
  'logStartOffset': (string);
}
