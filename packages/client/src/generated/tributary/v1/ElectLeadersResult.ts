// Original file: proto/tributary/v1/controller.proto

import type { TopicPartition as _tributary_v1_TopicPartition, TopicPartition__Output as _tributary_v1_TopicPartition__Output } from '../../tributary/v1/TopicPartition.js';
import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';

export interface ElectLeadersResult {
  'partition'?: (_tributary_v1_TopicPartition | null);
  'error'?: (_tributary_v1_Error | null);
}

export interface ElectLeadersResult__Output {
  'partition': (_tributary_v1_TopicPartition__Output | null);
  'error': (_tributary_v1_Error__Output | null);
}
