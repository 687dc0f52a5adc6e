// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { ElectLeadersResult as _tributary_v1_ElectLeadersResult, ElectLeadersResult__Output as _tributary_v1_ElectLeadersResult__Output } from '../../tributary/v1/ElectLeadersResult.js';

export interface ElectLeadersResponse {
  'error'?: (_tributary_v1_Error | null);
  'results'?: (_tributary_v1_ElectLeadersResult)[];
}

export interface ElectLeadersResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'results': (_tributary_v1_ElectLeadersResult__Output)[];
}
