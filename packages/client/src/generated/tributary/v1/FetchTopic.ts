// Original file: proto/tributary/v1/broker.proto

import type { FetchPartition as _tributary_v1_FetchPartition, FetchPartition__Output as _tributary_v1_FetchPartition__Output } from '../../tributary/v1/FetchPartition.js';

export interface FetchTopic {
  'name'?: (string);
  'partitions'?: (_tributary_v1_FetchPartition)[];
}

export interface FetchTopic__Output {
  'name': (string);
  'partitions': (_tributary_v1_FetchPartition__Output)[];
}
