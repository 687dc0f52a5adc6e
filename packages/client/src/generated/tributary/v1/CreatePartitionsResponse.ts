// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { CreatePartitionsTopicResult as _tributary_v1_CreatePartitionsTopicResult, CreatePartitionsTopicResult__Output as _tributary_v1_CreatePartitionsTopicResult__Output } from '../../tributary/v1/CreatePartitionsTopicResult.js';

export interface CreatePartitionsResponse {
  'error'?: (_tributary_v1_Error | null);
  'topics'?: (_tributary_v1_CreatePartitionsTopicResult)[];
}

export interface CreatePartitionsResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'topics': (_tributary_v1_CreatePartitionsTopicResult__Output)[];
}
