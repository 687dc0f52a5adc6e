// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';

export interface BrokerHeartbeatResponse {
  'error'?: (_tributary_v1_Error | null);
  'isCaughtUp'?: (boolean);
  'isFenced'?: (boolean);
  'shouldShutDown'?: (boolean);
}

export interface BrokerHeartbeatResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'isCaughtUp': (boolean);
  'isFenced': (boolean);
  'shouldShutDown': (boolean);
}
