// Original file: proto/tributary/v1/common.proto

import type { ConfigResourceType as _tributary_v1_ConfigResourceType, ConfigResourceType__Output as _tributary_v1_ConfigResourceType__Output } from '../../tributary/v1/ConfigResourceType.js';

export interface ConfigResource {
  'type'?: (_tributary_v1_ConfigResourceType);
  'name'?: (string);
}

export interface ConfigResource__Output {
  'type': (_tributary_v1_ConfigResourceType__Output);
  'name': (string);
}
