// Original file: proto/tributary/v1/broker.proto

import type { OffsetFetchPartitionResult as _tributary_v1_OffsetFetchPartitionResult, OffsetFetchPartitionResult__Output as _tributary_v1_OffsetFetchPartitionResult__Output } from '../../tributary/v1/OffsetFetchPartitionResult.js';

export interface OffsetFetchTopicResult {
  'name'?: (string);
  'partitions'?: (_tributary_v1_OffsetFetchPartitionResult)[];
}

export interface OffsetFetchTopicResult__Output {
  'name': (string);
  'partitions': (_tributary_v1_OffsetFetchPartitionResult__Output)[];
}
