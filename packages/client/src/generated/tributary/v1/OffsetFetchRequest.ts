// Original file: proto/tributary/v1/broker.proto

import type { TopicPartitions as _tributary_v1_TopicPartitions, TopicPartitions__Output as _tributary_v1_TopicPartitions__Output } from '../../tributary/v1/TopicPartitions.js';

export interface OffsetFetchRequest {
  'groupId'?: (string);
  'topics'?: (_tributary_v1_TopicPartitions)[];
  'memberId'?: (string);
  'memberEpoch'?: (number);
}

export interface OffsetFetchRequest__Output {
  'groupId': (string);
  'topics': (_tributary_v1_TopicPartitions__Output)[];
  'memberId': (string);
  'memberEpoch': (number);
}
