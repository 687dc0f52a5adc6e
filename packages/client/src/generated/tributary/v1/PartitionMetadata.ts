// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';

export interface PartitionMetadata {
  'error'?: (_tributary_v1_Error | null);
  'partition'?: (number);
  'leader'?: (number);
  'leaderEpoch'?: (number);
  'replicas'?: (number)[];
  'isr'?: (number)[];
  'offlineReplicas'?: (number)[];
}

export interface PartitionMetadata__Output {
  'error': (_tributary_v1_Error__Output | null);
  'partition': (number);
  'leader': (number);
  'leaderEpoch': (number);
  'replicas': (number)[];
  'isr': (number)[];
  'offlineReplicas': (number)[];
}
