// Original file: proto/tributary/v1/broker.proto

import type { DescribedGroup as _tributary_v1_DescribedGroup, DescribedGroup__Output as _tributary_v1_DescribedGroup__Output } from '../../tributary/v1/DescribedGroup.js';

export interface DescribeGroupsResponse {
  'groups'?: (_tributary_v1_DescribedGroup)[];
}

export interface DescribeGroupsResponse__Output {
  'groups': (_tributary_v1_DescribedGroup__Output)[];
}
