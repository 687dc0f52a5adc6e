// Original file: proto/tributary/v1/broker.proto

import type { OffsetCommitPartitionResult as _tributary_v1_OffsetCommitPartitionResult, OffsetCommitPartitionResult__Output as _tributary_v1_OffsetCommitPartitionResult__Output } from '../../tributary/v1/OffsetCommitPartitionResult.js';

export interface OffsetCommitTopicResult {
  'name'?: (string);
  'partitions'?: (_tributary_v1_OffsetCommitPartitionResult)[];
}

export interface OffsetCommitTopicResult__Output {
  'name': (string);
  'partitions': (_tributary_v1_OffsetCommitPartitionResult__Output)[];
}
