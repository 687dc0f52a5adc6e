// Original file: proto/tributary/v1/controller.proto

import type { CreatePartitionsTopic as _tributary_v1_CreatePartitionsTopic, CreatePartitionsTopic__Output as _tributary_v1_CreatePartitionsTopic__Output } from '../../tributary/v1/CreatePartitionsTopic.js';

export interface CreatePartitionsRequest {
  'topics'?: (_tributary_v1_CreatePartitionsTopic)[];
  'validateOnly'?: (boolean);
  'timeoutMs'?: (number);
}

export interface CreatePartitionsRequest__Output {
  'topics': (_tributary_v1_CreatePartitionsTopic__Output)[];
  'validateOnly': (boolean);
  'timeoutMs': (number);
}
