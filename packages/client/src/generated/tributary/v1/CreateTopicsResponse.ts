// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { CreatableTopicResult as _tributary_v1_CreatableTopicResult, CreatableTopicResult__Output as _tributary_v1_CreatableTopicResult__Output } from '../../tributary/v1/CreatableTopicResult.js';

export interface CreateTopicsResponse {
  'error'?: (_tributary_v1_Error | null);
  'topics'?: (_tributary_v1_CreatableTopicResult)[];
}

export interface CreateTopicsResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'topics': (_tributary_v1_CreatableTopicResult__Output)[];
}
