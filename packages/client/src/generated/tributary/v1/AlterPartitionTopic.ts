// Original file: proto/tributary/v1/controller.proto

import type { AlterPartitionPartition as _tributary_v1_AlterPartitionPartition, AlterPartitionPartition__Output as _tributary_v1_AlterPartitionPartition__Output } from '../../tributary/v1/AlterPartitionPartition.js';

export interface AlterPartitionTopic {
  'topicId'?: (string);
  'partitions'?: (_tributary_v1_AlterPartitionPartition)[];
}

export interface AlterPartitionTopic__Output {
  'topicId': (string);
  'partitions': (_tributary_v1_AlterPartitionPartition__Output)[];
}
