// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { QuorumReplica as _tributary_v1_QuorumReplica, QuorumReplica__Output as _tributary_v1_QuorumReplica__Output } from '../../tributary/v1/QuorumReplica.js';
import type { Long } from '@grpc/proto-loader';

export interface DescribeQuorumResponse {
  'error'?: (_tributary_v1_Error | null);
  'leaderId'?: (number);
  'leaderEpoch'?: (number | string | Long);
  'highWatermark'?: (number | string | Long);
  'voters'?: (_tributary_v1_QuorumReplica)[];
  'observers'?: (_tributary_v1_QuorumReplica)[];
}

export interface DescribeQuorumResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'leaderId': (number);
  'leaderEpoch': (string);
  'highWatermark': (string);
  'voters': (_tributary_v1_QuorumReplica__Output)[];
  'observers': (_tributary_v1_QuorumReplica__Output)[];
}
