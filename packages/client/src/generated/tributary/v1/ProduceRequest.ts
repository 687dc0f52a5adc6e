// Original file: proto/tributary/v1/broker.proto

import type { ProduceTopic as _tributary_v1_ProduceTopic, ProduceTopic__Output as _tributary_v1_ProduceTopic__Output } from '../../tributary/v1/ProduceTopic.js';

export interface ProduceRequest {
  'acks'?: (number);
  'timeoutMs'?: (number);
  'transactionalId'?: (string);
  'topics'?: (_tributary_v1_ProduceTopic)[];
  '_transactionalId'?: "transactionalId";
}

export interface ProduceRequest__Output {
  'acks': (number);
  'timeoutMs': (number);
  'transactionalId'?: (string);
  'topics': (_tributary_v1_ProduceTopic__Output)[];
  '_transactionalId'?: "transactionalId";
}
