// Original file: proto/tributary/v1/broker.proto

import type { TopicPartitions as _tributary_v1_TopicPartitions, TopicPartitions__Output as _tributary_v1_TopicPartitions__Output } from '../../tributary/v1/TopicPartitions.js';

export interface ConsumerGroupAssignment {
  'partitions'?: (_tributary_v1_TopicPartitions)[];
}

export interface ConsumerGroupAssignment__Output {
  'partitions': (_tributary_v1_TopicPartitions__Output)[];
}
