// Original file: proto/tributary/v1/broker.proto

import type { DeleteRecordsTopic as _tributary_v1_DeleteRecordsTopic, DeleteRecordsTopic__Output as _tributary_v1_DeleteRecordsTopic__Output } from '../../tributary/v1/DeleteRecordsTopic.js';

export interface DeleteRecordsRequest {
  'topics'?: (_tributary_v1_DeleteRecordsTopic)[];
  'timeoutMs'?: (number);
}

export interface DeleteRecordsRequest__Output {
  'topics': (_tributary_v1_DeleteRecordsTopic__Output)[];
  'timeoutMs': (number);
}
