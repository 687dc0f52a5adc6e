// Original file: proto/tributary/v1/controller.proto

import type { ConfigResource as _tributary_v1_ConfigResource, ConfigResource__Output as _tributary_v1_ConfigResource__Output } from '../../tributary/v1/ConfigResource.js';

export interface DescribeConfigsRequest {
  'resources'?: (_tributary_v1_ConfigResource)[];
  'names'?: (string)[];
}

export interface DescribeConfigsRequest__Output {
  'resources': (_tributary_v1_ConfigResource__Output)[];
  'names': (string)[];
}
