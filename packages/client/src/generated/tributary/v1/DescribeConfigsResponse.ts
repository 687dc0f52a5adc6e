// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { DescribeConfigsResult as _tributary_v1_DescribeConfigsResult, DescribeConfigsResult__Output as _tributary_v1_DescribeConfigsResult__Output } from '../../tributary/v1/DescribeConfigsResult.js';

export interface DescribeConfigsResponse {
  'error'?: (_tributary_v1_Error | null);
  'results'?: (_tributary_v1_DescribeConfigsResult)[];
}

export interface DescribeConfigsResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'results': (_tributary_v1_DescribeConfigsResult__Output)[];
}
