// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { AlterConfigsResult as _tributary_v1_AlterConfigsResult, AlterConfigsResult__Output as _tributary_v1_AlterConfigsResult__Output } from '../../tributary/v1/AlterConfigsResult.js';

export interface AlterConfigsResponse {
  'error'?: (_tributary_v1_Error | null);
  'results'?: (_tributary_v1_AlterConfigsResult)[];
}

export interface AlterConfigsResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'results': (_tributary_v1_AlterConfigsResult__Output)[];
}
