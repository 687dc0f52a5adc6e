// Original file: proto/tributary/v1/broker.proto

import type { TopicPartitions as _tributary_v1_TopicPartitions, TopicPartitions__Output as _tributary_v1_TopicPartitions__Output } from '../../tributary/v1/TopicPartitions.js';

export interface ConsumerGroupHeartbeatRequest {
  'groupId'?: (string);
  'memberId'?: (string);
  'memberEpoch'?: (number);
  'instanceId'?: (string);
  'rackId'?: (string);
  'rebalanceTimeoutMs'?: (number);
  'subscribedTopicNames'?: (string)[];
  'subscribedTopicRegex'?: (string);
  'serverAssignor'?: (string);
  'ownedPartitions'?: (_tributary_v1_TopicPartitions)[];
  'ownedPartitionsPresent'?: (boolean);
  'clientId'?: (string);
  'sessionTimeoutMs'?: (number);
  '_instanceId'?: "instanceId";
  '_rackId'?: "rackId";
  '_subscribedTopicRegex'?: "subscribedTopicRegex";
  '_serverAssignor'?: "serverAssignor";
}

export interface ConsumerGroupHeartbeatRequest__Output {
  'groupId': (string);
  'memberId': (string);
  'memberEpoch': (number);
  'instanceId'?: (string);
  'rackId'?: (string);
  'rebalanceTimeoutMs': (number);
  'subscribedTopicNames': (string)[];
  'subscribedTopicRegex'?: (string);
  'serverAssignor'?: (string);
  'ownedPartitions': (_tributary_v1_TopicPartitions__Output)[];
  'ownedPartitionsPresent': (boolean);
  'clientId': (string);
  'sessionTimeoutMs': (number);
  '_instanceId'?: "instanceId";
  '_rackId'?: "rackId";
  '_subscribedTopicRegex'?: "subscribedTopicRegex";
  '_serverAssignor'?: "serverAssignor";
}
