// Original file: proto/tributary/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

export interface InitProducerIdRequest {
  'transactionalId'?: (string);
  'transactionTimeoutMs'?: (number);
  'producerId'?: (number | string | Long);
  'producerEpoch'?: (number);
  '_transactionalId'?: "transactionalId";
}

export interface InitProducerIdRequest__Output {
  'transactionalId'?: (string);
  'transactionTimeoutMs': (number);
  'producerId': (string);
  'producerEpoch': (number);
  '_transactionalId'?: "transactionalId";
}
