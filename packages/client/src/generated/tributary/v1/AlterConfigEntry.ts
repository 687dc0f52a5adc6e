// Original file: proto/tributary/v1/controller.proto

import type { AlterConfigOp as _tributary_v1_AlterConfigOp, AlterConfigOp__Output as _tributary_v1_AlterConfigOp__Output } from '../../tributary/v1/AlterConfigOp.js';

export interface AlterConfigEntry {
  'name'?: (string);
  'op'?: (_tributary_v1_AlterConfigOp);
  'value'?: (string);
  '_value'?: "value";
}

export interface AlterConfigEntry__Output {
  'name': (string);
  'op': (_tributary_v1_AlterConfigOp__Output);
  'value'?: (string);
  '_value'?: "value";
}
