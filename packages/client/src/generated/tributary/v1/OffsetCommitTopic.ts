// Original file: proto/tributary/v1/broker.proto

import type { OffsetCommitPartition as _tributary_v1_OffsetCommitPartition, OffsetCommitPartition__Output as _tributary_v1_OffsetCommitPartition__Output } from '../../tributary/v1/OffsetCommitPartition.js';

export interface OffsetCommitTopic {
  'name'?: (string);
  'partitions'?: (_tributary_v1_OffsetCommitPartition)[];
}

export interface OffsetCommitTopic__Output {
  'name': (string);
  'partitions': (_tributary_v1_OffsetCommitPartition__Output)[];
}
