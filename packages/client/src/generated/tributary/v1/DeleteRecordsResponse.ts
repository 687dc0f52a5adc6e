// Original file: proto/tributary/v1/broker.proto

import type { DeleteRecordsTopicResult as _tributary_v1_DeleteRecordsTopicResult, DeleteRecordsTopicResult__Output as _tributary_v1_DeleteRecordsTopicResult__Output } from '../../tributary/v1/DeleteRecordsTopicResult.js';

export interface DeleteRecordsResponse {
  'topics'?: (_tributary_v1_DeleteRecordsTopicResult)[];
}

export interface DeleteRecordsResponse__Output {
  'topics': (_tributary_v1_DeleteRecordsTopicResult__Output)[];
}
