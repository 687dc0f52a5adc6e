// Original file: proto/tributary/v1/controller.proto

import type { AlterPartitionPartitionResult as _tributary_v1_AlterPartitionPartitionResult, AlterPartitionPartitionResult__Output as _tributary_v1_AlterPartitionPartitionResult__Output } from '../../tributary/v1/AlterPartitionPartitionResult.js';

export interface AlterPartitionTopicResult {
  'topicId'?: (string);
  'partitions'?: (_tributary_v1_AlterPartitionPartitionResult)[];
}

export interface AlterPartitionTopicResult__Output {
  'topicId': (string);
  'partitions': (_tributary_v1_AlterPartitionPartitionResult__Output)[];
}
