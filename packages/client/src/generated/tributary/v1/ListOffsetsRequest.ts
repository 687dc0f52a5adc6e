// Original file: proto/tributary/v1/broker.proto

import type { IsolationLevel as _tributary_v1_IsolationLevel, IsolationLevel__Output as _tributary_v1_IsolationLevel__Output } from '../../tributary/v1/IsolationLevel.js';
import type { ListOffsetsTopic as _tributary_v1_ListOffsetsTopic, ListOffsetsTopic__Output as _tributary_v1_ListOffsetsTopic__Output } from '../../tributary/v1/ListOffsetsTopic.js';

export interface ListOffsetsRequest {
  'replicaId'?: (number);
  'isolationLevel'?: (_tributary_v1_IsolationLevel);
  'topics'?: (_tributary_v1_ListOffsetsTopic)[];
}

export interface ListOffsetsRequest__Output {
  'replicaId': (number);
  'isolationLevel': (_tributary_v1_IsolationLevel__Output);
  'topics': (_tributary_v1_ListOffsetsTopic__Output)[];
}
