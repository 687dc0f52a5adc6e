// Original file: proto/tributary/v1/broker.proto

import type { IsolationLevel as _tributary_v1_IsolationLevel, IsolationLevel__Output as _tributary_v1_IsolationLevel__Output } from '../../tributary/v1/IsolationLevel.js';
import type { FetchTopic as _tributary_v1_FetchTopic, FetchTopic__Output as _tributary_v1_FetchTopic__Output } from '../../tributary/v1/FetchTopic.js';
import type { Long } from '@grpc/proto-loader';

export interface FetchRequest {
  'replicaId'?: (number);
  'replicaEpoch'?: (number | string | Long);
  'maxWaitMs'?: (number);
  'minBytes'?: (number);
  'maxBytes'?: (number);
  'isolationLevel'?: (_tributary_v1_IsolationLevel);
  'topics'?: (_tributary_v1_FetchTopic)[];
  'maxRecords'?: (number);
}

export interface FetchRequest__Output {
  'replicaId': (number);
  'replicaEpoch': (string);
  'maxWaitMs': (number);
  'minBytes': (number);
  'maxBytes': (number);
  'isolationLevel': (_tributary_v1_IsolationLevel__Output);
  'topics': (_tributary_v1_FetchTopic__Output)[];
  'maxRecords': (number);
}
