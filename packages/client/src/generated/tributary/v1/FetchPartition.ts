// Original file: proto/tributary/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

export interface FetchPartition {
  'partition'?: (number);
  'currentLeaderEpoch'?: (number);
  'fetchOffset'?: (number | string | Long);
  'partitionMaxBytes'?: (number);
  'lastFetchedEpoch'?: (number);
  'logStartOffset'?: (number | string | Long);
  'durableEndOffset'?: (number | string | Long);
}

export interface FetchPartition__Output {
  'partition': (number);
  'currentLeaderEpoch': (number);
  'fetchOffset': (string);
  'partitionMaxBytes': (number);
  'lastFetchedEpoch': (number);
  'logStartOffset': (string);
  'durableEndOffset': (string);
}
