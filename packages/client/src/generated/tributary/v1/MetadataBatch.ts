// Original file: proto/tributary/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface MetadataBatch {
  'offset'?: (number | string | Long);
  'records'?: (Buffer | Uint8Array | string)[];
}

export interface MetadataBatch__Output {
  'offset': (string);
  'records': (Buffer)[];
}
