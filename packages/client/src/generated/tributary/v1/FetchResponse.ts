// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { FetchTopicResult as _tributary_v1_FetchTopicResult, FetchTopicResult__Output as _tributary_v1_FetchTopicResult__Output } from '../../tributary/v1/FetchTopicResult.js';

export interface FetchResponse {
  'error'?: (_tributary_v1_Error | null);
  'topics'?: (_tributary_v1_FetchTopicResult)[];
  'throttleTimeMs'?: (number);
}

export interface FetchResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'topics': (_tributary_v1_FetchTopicResult__Output)[];
  'throttleTimeMs': (number);
}
