// Original file: proto/tributary/v1/controller.proto

import type { ConfigResource as _tributary_v1_ConfigResource, ConfigResource__Output as _tributary_v1_ConfigResource__Output } from '../../tributary/v1/ConfigResource.js';
import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { DescribedConfig as _tributary_v1_DescribedConfig, DescribedConfig__Output as _tributary_v1_DescribedConfig__Output } from '../../tributary/v1/DescribedConfig.js';

export interface DescribeConfigsResult {
  'resource'?: (_tributary_v1_ConfigResource | null);
  'error'?: (_tributary_v1_Error | null);
  'configs'?: (_tributary_v1_DescribedConfig)[];
}

export interface DescribeConfigsResult__Output {
  'resource': (_tributary_v1_ConfigResource__Output | null);
  'error': (_tributary_v1_Error__Output | null);
  'configs': (_tributary_v1_DescribedConfig__Output)[];
}
