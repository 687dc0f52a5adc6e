// Original file: proto/tributary/v1/controller.proto

import type { AlterConfigsResource as _tributary_v1_AlterConfigsResource, AlterConfigsResource__Output as _tributary_v1_AlterConfigsResource__Output } from '../../tributary/v1/AlterConfigsResource.js';

export interface AlterConfigsRequest {
  'resources'?: (_tributary_v1_AlterConfigsResource)[];
  'validateOnly'?: (boolean);
}

export interface AlterConfigsRequest__Output {
  'resources': (_tributary_v1_AlterConfigsResource__Output)[];
  'validateOnly': (boolean);
}
