// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { OffsetCommitTopicResult as _tributary_v1_OffsetCommitTopicResult, OffsetCommitTopicResult__Output as _tributary_v1_OffsetCommitTopicResult__Output } from '../../tributary/v1/OffsetCommitTopicResult.js';

export interface OffsetCommitResponse {
  'error'?: (_tributary_v1_Error | null);
  'topics'?: (_tributary_v1_OffsetCommitTopicResult)[];
}

export interface OffsetCommitResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'topics': (_tributary_v1_OffsetCommitTopicResult__Output)[];
}
