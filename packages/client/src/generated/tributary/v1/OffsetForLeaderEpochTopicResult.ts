// Original file: proto/tributary/v1/broker.proto

import type { OffsetForLeaderEpochPartitionResult as _tributary_v1_OffsetForLeaderEpochPartitionResult, OffsetForLeaderEpochPartitionResult__Output as _tributary_v1_OffsetForLeaderEpochPartitionResult__Output } from '../../tributary/v1/OffsetForLeaderEpochPartitionResult.js';

export interface OffsetForLeaderEpochTopicResult {
  'name'?: (string);
  'partitions'?: (_tributary_v1_OffsetForLeaderEpochPartitionResult)[];
}

export interface OffsetForLeaderEpochTopicResult__Output {
  'name': (string);
  'partitions': (_tributary_v1_OffsetForLeaderEpochPartitionResult__Output)[];
}
