// Original file: proto/tributary/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

export interface OffsetCommitPartition {
  'partition'?: (number);
  'committedOffset'?: (number | string | Long);
  'committedLeaderEpoch'?: (number);
  'metadata'?: (string);
  '_metadata'?: "metadata";
}

export interface OffsetCommitPartition__Output {
  'partition': (number);
  'committedOffset': (string);
  'committedLeaderEpoch': (number);
  'metadata'?: (string);
  '_metadata'?: "metadata";
}
