// Original file: proto/tributary/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

export interface ListOffsetsPartition {
  'partition'?: (number);
  'currentLeaderEpoch'?: (number);
  'timestamp'?: (number | string | Long);
}

export interface ListOffsetsPartition__Output {
  'partition': (number);
  'currentLeaderEpoch': (number);
  'timestamp': (string);
}
