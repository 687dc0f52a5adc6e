// Original file: proto/tributary/v1/broker.proto

import type { OffsetCommitTopic as _tributary_v1_OffsetCommitTopic, OffsetCommitTopic__Output as _tributary_v1_OffsetCommitTopic__Output } from '../../tributary/v1/OffsetCommitTopic.js';

export interface OffsetCommitRequest {
  'groupId'?: (string);
  'memberId'?: (string);
  'memberEpoch'?: (number);
  'topics'?: (_tributary_v1_OffsetCommitTopic)[];
}

export interface OffsetCommitRequest__Output {
  'groupId': (string);
  'memberId': (string);
  'memberEpoch': (number);
  'topics': (_tributary_v1_OffsetCommitTopic__Output)[];
}
