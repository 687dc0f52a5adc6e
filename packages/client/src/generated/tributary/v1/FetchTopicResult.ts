// Original file: proto/tributary/v1/broker.proto

import type { FetchPartitionResult as _tributary_v1_FetchPartitionResult, FetchPartitionResult__Output as _tributary_v1_FetchPartitionResult__Output } from '../../tributary/v1/FetchPartitionResult.js';

export interface FetchTopicResult {
  'name'?: (string);
  'partitions'?: (_tributary_v1_FetchPartitionResult)[];
}

export interface FetchTopicResult__Output {
  'name': (string);
  'partitions': (_tributary_v1_FetchPartitionResult__Output)[];
}
