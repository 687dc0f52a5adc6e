// Original file: proto/tributary/v1/broker.proto

import type { ProduceTopicResult as _tributary_v1_ProduceTopicResult, ProduceTopicResult__Output as _tributary_v1_ProduceTopicResult__Output } from '../../tributary/v1/ProduceTopicResult.js';

export interface ProduceResponse {
  'topics'?: (_tributary_v1_ProduceTopicResult)[];
  'throttleTimeMs'?: (number);
}

export interface ProduceResponse__Output {
  'topics': (_tributary_v1_ProduceTopicResult__Output)[];
  'throttleTimeMs': (number);
}
