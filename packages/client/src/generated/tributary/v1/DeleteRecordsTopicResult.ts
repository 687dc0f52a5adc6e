// Original file: proto/tributary/v1/broker.proto

import type { DeleteRecordsPartitionResult as _tributary_v1_DeleteRecordsPartitionResult, DeleteRecordsPartitionResult__Output as _tributary_v1_DeleteRecordsPartitionResult__Output } from '../../tributary/v1/DeleteRecordsPartitionResult.js';

export interface DeleteRecordsTopicResult {
  'name'?: (string);
  'partitions'?: (_tributary_v1_DeleteRecordsPartitionResult)[];
}

export interface DeleteRecordsTopicResult__Output {
  'name': (string);
  'partitions': (_tributary_v1_DeleteRecordsPartitionResult__Output)[];
}
