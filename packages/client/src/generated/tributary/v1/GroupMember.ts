// Original file: proto/tributary/v1/broker.proto

import type { TopicPartitions as _tributary_v1_TopicPartitions, TopicPartitions__Output as _tributary_v1_TopicPartitions__Output } from '../../tributary/v1/TopicPartitions.js';

export interface GroupMember {
  'memberId'?: (string);
  'instanceId'?: (string);
  'clientId'?: (string);
  'clientHost'?: (string);
  'memberEpoch'?: (number);
  'subscribedTopicNames'?: (string)[];
  'subscribedTopicRegex'?: (string);
  'assignment'?: (_tributary_v1_TopicPartitions)[];
  'targetAssignment'?: (_tributary_v1_TopicPartitions)[];
  '_instanceId'?: "instanceId";
  '_subscribedTopicRegex'?: "subscribedTopicRegex";
}

export interface GroupMember__Output {
  'memberId': (string);
  'instanceId'?: (string);
  'clientId': (string);
  'clientHost': (string);
  'memberEpoch': (number);
  'subscribedTopicNames': (string)[];
  'subscribedTopicRegex'?: (string);
  'assignment': (_tributary_v1_TopicPartitions__Output)[];
  'targetAssignment': (_tributary_v1_TopicPartitions__Output)[];
  '_instanceId'?: "instanceId";
  '_subscribedTopicRegex'?: "subscribedTopicRegex";
}
