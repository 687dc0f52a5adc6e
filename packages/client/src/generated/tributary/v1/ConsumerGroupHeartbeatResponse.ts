// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { ConsumerGroupAssignment as _tributary_v1_ConsumerGroupAssignment, ConsumerGroupAssignment__Output as _tributary_v1_ConsumerGroupAssignment__Output } from '../../tributary/v1/ConsumerGroupAssignment.js';

export interface ConsumerGroupHeartbeatResponse {
  'error'?: (_tributary_v1_Error | null);
  'memberId'?: (string);
  'memberEpoch'?: (number);
  'heartbeatIntervalMs'?: (number);
  'assignment'?: (_tributary_v1_ConsumerGroupAssignment | null);
}

export interface ConsumerGroupHeartbeatResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'memberId': (string);
  'memberEpoch': (number);
  'heartbeatIntervalMs': (number);
  'assignment': (_tributary_v1_ConsumerGroupAssignment__Output | null);
}
