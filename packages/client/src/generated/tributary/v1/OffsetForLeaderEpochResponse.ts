// Original file: proto/tributary/v1/broker.proto

import type { OffsetForLeaderEpochTopicResult as _tributary_v1_OffsetForLeaderEpochTopicResult, OffsetForLeaderEpochTopicResult__Output as _tributary_v1_OffsetForLeaderEpochTopicResult__Output } from '../../tributary/v1/OffsetForLeaderEpochTopicResult.js';

export interface OffsetForLeaderEpochResponse {
  'topics'?: (_tributary_v1_OffsetForLeaderEpochTopicResult)[];
}

export interface OffsetForLeaderEpochResponse__Output {
  'topics': (_tributary_v1_OffsetForLeaderEpochTopicResult__Output)[];
}
