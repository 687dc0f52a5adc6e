// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { DescribedConfig as _tributary_v1_DescribedConfig, DescribedConfig__Output as _tributary_v1_DescribedConfig__Output } from '../../tributary/v1/DescribedConfig.js';

export interface CreatableTopicResult {
  'name'?: (string);
  'topicId'?: (string);
  'error'?: (_tributary_v1_Error | null);
  'numPartitions'?: (number);
  'replicationFactor'?: (number);
  'configs'?: (_tributary_v1_DescribedConfig)[];
}

export interface CreatableTopicResult__Output {
  'name': (string);
  'topicId': (string);
  'error': (_tributary_v1_Error__Output | null);
  'numPartitions': (number);
  'replicationFactor': (number);
  'configs': (_tributary_v1_DescribedConfig__Output)[];
}
