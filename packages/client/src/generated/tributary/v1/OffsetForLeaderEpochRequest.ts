// Original file: proto/tributary/v1/broker.proto

import type { OffsetForLeaderEpochTopic as _tributary_v1_OffsetForLeaderEpochTopic, OffsetForLeaderEpochTopic__Output as _tributary_v1_OffsetForLeaderEpochTopic__Output } from '../../tributary/v1/OffsetForLeaderEpochTopic.js';

export interface OffsetForLeaderEpochRequest {
  'replicaId'?: (number);
  'topics'?: (_tributary_v1_OffsetForLeaderEpochTopic)[];
}

export interface OffsetForLeaderEpochRequest__Output {
  'replicaId': (number);
  'topics': (_tributary_v1_OffsetForLeaderEpochTopic__Output)[];
}
