// Original file: proto/tributary/v1/controller.proto

import type { ElectionType as _tributary_v1_ElectionType, ElectionType__Output as _tributary_v1_ElectionType__Output } from '../../tributary/v1/ElectionType.js';
import type { TopicPartition as _tributary_v1_TopicPartition, TopicPartition__Output as _tributary_v1_TopicPartition__Output } from '../../tributary/v1/TopicPartition.js';

export interface ElectLeadersRequest {
  'type'?: (_tributary_v1_ElectionType);
  'partitions'?: (_tributary_v1_TopicPartition)[];
}

export interface ElectLeadersRequest__Output {
  'type': (_tributary_v1_ElectionType__Output);
  'partitions': (_tributary_v1_TopicPartition__Output)[];
}
