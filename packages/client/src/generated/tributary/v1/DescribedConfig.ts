// Original file: proto/tributary/v1/common.proto

import type { ConfigSource as _tributary_v1_ConfigSource, ConfigSource__Output as _tributary_v1_ConfigSource__Output } from '../../tributary/v1/ConfigSource.js';

export interface DescribedConfig {
  'name'?: (string);
  'value'?: (string);
  'source'?: (_tributary_v1_ConfigSource);
  'readOnly'?: (boolean);
  'sensitive'?: (boolean);
  '_value'?: "value";
}

export interface DescribedConfig__Output {
  'name': (string);
  'value'?: (string);
  'source': (_tributary_v1_ConfigSource__Output);
  'readOnly': (boolean);
  'sensitive': (boolean);
  '_value'?: "value";
}
