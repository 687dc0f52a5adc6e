// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { EpochEndOffset as _tributary_v1_EpochEndOffset, EpochEndOffset__Output as _tributary_v1_EpochEndOffset__Output } from '../../tributary/v1/EpochEndOffset.js';
import type { Long } from '@grpc/proto-loader';

export interface FetchPartitionResult {
  'partition'?: (number);
  'error'?: (_tributary_v1_Error | null);
  'highWatermark'?: (number | string | Long);
  'lastStableOffset'?: (number | string | Long);
  'logStartOffset'?: (number | string | Long);
  'logEndOffset'?: (number | string | Long);
  'divergingEpoch'?: (_tributary_v1_EpochEndOffset | null);
  'records'?: (Buffer | Uint8Array | string);
  'leaderEpoch'?: (number);
}

export interface FetchPartitionResult__Output {
  'partition': (number);
  'error': (_tributary_v1_Error__Output | null);
  'highWatermark': (string);
  'lastStableOffset': (string);
  'logStartOffset': (string);
  'logEndOffset': (string);
  'divergingEpoch': (_tributary_v1_EpochEndOffset__Output | null);
  'records': (Buffer);
  'leaderEpoch': (number);
}
