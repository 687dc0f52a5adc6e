// Original file: proto/tributary/v1/controller.proto

import type { ConfigResource as _tributary_v1_ConfigResource, ConfigResource__Output as _tributary_v1_ConfigResource__Output } from '../../tributary/v1/ConfigResource.js';
import type { AlterConfigEntry as _tributary_v1_AlterConfigEntry, AlterConfigEntry__Output as _tributary_v1_AlterConfigEntry__Output } from '../../tributary/v1/AlterConfigEntry.js';

export interface AlterConfigsResource {
  'resource'?: (_tributary_v1_ConfigResource | null);
  'configs'?: (_tributary_v1_AlterConfigEntry)[];
}

export interface AlterConfigsResource__Output {
  'resource': (_tributary_v1_ConfigResource__Output | null);
  'configs': (_tributary_v1_AlterConfigEntry__Output)[];
}
