// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { DeletableTopicResult as _tributary_v1_DeletableTopicResult, DeletableTopicResult__Output as _tributary_v1_DeletableTopicResult__Output } from '../../tributary/v1/DeletableTopicResult.js';

export interface DeleteTopicsResponse {
  'error'?: (_tributary_v1_Error | null);
  'topics'?: (_tributary_v1_DeletableTopicResult)[];
}

export interface DeleteTopicsResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'topics': (_tributary_v1_DeletableTopicResult__Output)[];
}
