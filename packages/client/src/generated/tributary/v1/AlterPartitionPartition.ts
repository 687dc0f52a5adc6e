// Original file: proto/tributary/v1/controller.proto

import type { IsrMember as _tributary_v1_IsrMember, IsrMember__Output as _tributary_v1_IsrMember__Output } from '../../tributary/v1/IsrMember.js';

export interface AlterPartitionPartition {
  'partition'?: (number);
  'leaderEpoch'?: (number);
  'partitionEpoch'?: (number);
  'newIsr'?: (_tributary_v1_IsrMember)[];
}

export interface AlterPartitionPartition__Output {
  'partition': (number);
  'leaderEpoch': (number);
  'partitionEpoch': (number);
  'newIsr': (_tributary_v1_IsrMember__Output)[];
}
