// Original file: proto/tributary/v1/controller.proto

import type { CreatableTopic as _tributary_v1_CreatableTopic, CreatableTopic__Output as _tributary_v1_CreatableTopic__Output } from '../../tributary/v1/CreatableTopic.js';

export interface CreateTopicsRequest {
  'topics'?: (_tributary_v1_CreatableTopic)[];
  'validateOnly'?: (boolean);
  'timeoutMs'?: (number);
}

export interface CreateTopicsRequest__Output {
  'topics': (_tributary_v1_CreatableTopic__Output)[];
  'validateOnly': (boolean);
  'timeoutMs': (number);
}
