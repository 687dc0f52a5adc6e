// Original file: proto/tributary/v1/broker.proto

import type { ListOffsetsPartition as _tributary_v1_ListOffsetsPartition, ListOffsetsPartition__Output as _tributary_v1_ListOffsetsPartition__Output } from '../../tributary/v1/ListOffsetsPartition.js';

export interface ListOffsetsTopic {
  'name'?: (string);
  'partitions'?: (_tributary_v1_ListOffsetsPartition)[];
}

export interface ListOffsetsTopic__Output {
  'name': (string);
  'partitions': (_tributary_v1_ListOffsetsPartition__Output)[];
}
