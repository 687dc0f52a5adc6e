// Original file: proto/tributary/v1/broker.proto

import type { ProducePartition as _tributary_v1_ProducePartition, ProducePartition__Output as _tributary_v1_ProducePartition__Output } from '../../tributary/v1/ProducePartition.js';

export interface ProduceTopic {
  'name'?: (string);
  'partitions'?: (_tributary_v1_ProducePartition)[];
}

export interface ProduceTopic__Output {
  'name': (string);
  'partitions': (_tributary_v1_ProducePartition__Output)[];
}
