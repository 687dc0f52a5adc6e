// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { OffsetFetchTopicResult as _tributary_v1_OffsetFetchTopicResult, OffsetFetchTopicResult__Output as _tributary_v1_OffsetFetchTopicResult__Output } from '../../tributary/v1/OffsetFetchTopicResult.js';

export interface OffsetFetchResponse {
  'error'?: (_tributary_v1_Error | null);
  'topics'?: (_tributary_v1_OffsetFetchTopicResult)[];
}

export interface OffsetFetchResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'topics': (_tributary_v1_OffsetFetchTopicResult__Output)[];
}
