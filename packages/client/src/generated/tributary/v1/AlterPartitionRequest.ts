// Original file: proto/tributary/v1/controller.proto

import type { AlterPartitionTopic as _tributary_v1_AlterPartitionTopic, AlterPartitionTopic__Output as _tributary_v1_AlterPartitionTopic__Output } from '../../tributary/v1/AlterPartitionTopic.js';
import type { Long } from '@grpc/proto-loader';

export interface AlterPartitionRequest {
  'brokerId'?: (number);
  'brokerEpoch'?: (number | string | Long);
  'topics'?: (_tributary_v1_AlterPartitionTopic)[];
}

export interface AlterPartitionRequest__Output {
  'brokerId': (number);
  'brokerEpoch': (string);
  'topics': (_tributary_v1_AlterPartitionTopic__Output)[];
}
