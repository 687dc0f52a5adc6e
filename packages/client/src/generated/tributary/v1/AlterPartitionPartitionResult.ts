// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';

export interface AlterPartitionPartitionResult {
  'partition'?: (number);
  'error'?: (_tributary_v1_Error | null);
  'leader'?: (number);
  'leaderEpoch'?: (number);
  'partitionEpoch'?: (number);
  'isr'?: (number)[];
}

export interface AlterPartitionPartitionResult__Output {
  'partition': (number);
  'error': (_tributary_v1_Error__Output | null);
  'leader': (number);
  'leaderEpoch': (number);
  'partitionEpoch': (number);
  'isr': (number)[];
}
