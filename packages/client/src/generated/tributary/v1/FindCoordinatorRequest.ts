// Original file: proto/tributary/v1/broker.proto

import type { CoordinatorKeyType as _tributary_v1_CoordinatorKeyType, CoordinatorKeyType__Output as _tributary_v1_CoordinatorKeyType__Output } from '../../tributary/v1/CoordinatorKeyType.js';

export interface FindCoordinatorRequest {
  'key'?: (string);
  'keyType'?: (_tributary_v1_CoordinatorKeyType);
}

export interface FindCoordinatorRequest__Output {
  'key': (string);
  'keyType': (_tributary_v1_CoordinatorKeyType__Output);
}
