// Original file: proto/tributary/v1/broker.proto

import type { OffsetForLeaderEpochPartition as _tributary_v1_OffsetForLeaderEpochPartition, OffsetForLeaderEpochPartition__Output as _tributary_v1_OffsetForLeaderEpochPartition__Output } from '../../tributary/v1/OffsetForLeaderEpochPartition.js';

export interface OffsetForLeaderEpochTopic {
  'name'?: (string);
  'partitions'?: (_tributary_v1_OffsetForLeaderEpochPartition)[];
}

export interface OffsetForLeaderEpochTopic__Output {
  'name': (string);
  'partitions': (_tributary_v1_OffsetForLeaderEpochPartition__Output)[];
}
