// Original file: proto/tributary/v1/controller.proto

import type { ReplicaAssignment as _tributary_v1_ReplicaAssignment, ReplicaAssignment__Output as _tributary_v1_ReplicaAssignment__Output } from '../../tributary/v1/ReplicaAssignment.js';
import type { ConfigEntry as _tributary_v1_ConfigEntry, ConfigEntry__Output as _tributary_v1_ConfigEntry__Output } from '../../tributary/v1/ConfigEntry.js';

export interface CreatableTopic {
  'name'?: (string);
  'numPartitions'?: (number);
  'replicationFactor'?: (number);
  'assignments'?: (_tributary_v1_ReplicaAssignment)[];
  'configs'?: (_tributary_v1_ConfigEntry)[];
}

export interface CreatableTopic__Output {
  'name': (string);
  'numPartitions': (number);
  'replicationFactor': (number);
  'assignments': (_tributary_v1_ReplicaAssignment__Output)[];
  'configs': (_tributary_v1_ConfigEntry__Output)[];
}
