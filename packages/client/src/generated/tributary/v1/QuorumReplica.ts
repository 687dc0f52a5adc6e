// Original file: proto/tributary/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface QuorumReplica {
  'replicaId'?: (number);
  'logEndOffset'?: (number | string | Long);
  'lastFetchTimestampMs'?: (number | string | Long);
  'lastCaughtUpTimestampMs'?: (number | string | Long);
  'endpoint'?: (string);
}

export interface QuorumReplica__Output {
  'replicaId': (number);
  'logEndOffset': (string);
  'lastFetchTimestampMs': (string);
  'lastCaughtUpTimestampMs': (string);
  'endpoint': (string);
}
