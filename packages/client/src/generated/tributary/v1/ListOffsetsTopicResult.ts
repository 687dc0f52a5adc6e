// Original file: proto/tributary/v1/broker.proto

import type { ListOffsetsPartitionResult as _tributary_v1_ListOffsetsPartitionResult, ListOffsetsPartitionResult__Output as _tributary_v1_ListOffsetsPartitionResult__Output } from '../../tributary/v1/ListOffsetsPartitionResult.js';

export interface ListOffsetsTopicResult {
  'name'?: (string);
  'partitions'?: (_tributary_v1_ListOffsetsPartitionResult)[];
}

export interface ListOffsetsTopicResult__Output {
  'name': (string);
  'partitions': (_tributary_v1_ListOffsetsPartitionResult__Output)[];
}
