// Original file: proto/tributary/v1/controller.proto

import type { ReplicaAssignment as _tributary_v1_ReplicaAssignment, ReplicaAssignment__Output as _tributary_v1_ReplicaAssignment__Output } from '../../tributary/v1/ReplicaAssignment.js';

export interface CreatePartitionsTopic {
  'name'?: (string);
  'count'?: (number);
  'assignments'?: (_tributary_v1_ReplicaAssignment)[];
}

export interface CreatePartitionsTopic__Output {
  'name': (string);
  'count': (number);
  'assignments': (_tributary_v1_ReplicaAssignment__Output)[];
}
