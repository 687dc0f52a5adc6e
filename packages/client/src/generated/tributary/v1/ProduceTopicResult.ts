// Original file: proto/tributary/v1/broker.proto

import type { ProducePartitionResult as _tributary_v1_ProducePartitionResult, ProducePartitionResult__Output as _tributary_v1_ProducePartitionResult__Output } from '../../tributary/v1/ProducePartitionResult.js';

export interface ProduceTopicResult {
  'name'?: (string);
  'partitions'?: (_tributary_v1_ProducePartitionResult)[];
}

export interface ProduceTopicResult__Output {
  'name': (string);
  'partitions': (_tributary_v1_ProducePartitionResult__Output)[];
}
