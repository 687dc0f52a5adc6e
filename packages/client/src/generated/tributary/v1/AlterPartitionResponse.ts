// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { AlterPartitionTopicResult as _tributary_v1_AlterPartitionTopicResult, AlterPartitionTopicResult__Output as _tributary_v1_AlterPartitionTopicResult__Output } from '../../tributary/v1/AlterPartitionTopicResult.js';

export interface AlterPartitionResponse {
  'error'?: (_tributary_v1_Error | null);
  'topics'?: (_tributary_v1_AlterPartitionTopicResult)[];
}

export interface AlterPartitionResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'topics': (_tributary_v1_AlterPartitionTopicResult__Output)[];
}
