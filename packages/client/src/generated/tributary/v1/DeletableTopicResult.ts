// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';

export interface DeletableTopicResult {
  'name'?: (string);
  'error'?: (_tributary_v1_Error | null);
}

export interface DeletableTopicResult__Output {
  'name': (string);
  'error': (_tributary_v1_Error__Output | null);
}
