// Original file: /work/main/proto/tributary/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface MetadataRecordEntry {
  'offset'?: (number | string | Long);
  'record'?: (Buffer | Uint8Array | string);
}

export interface MetadataRecordEntry__Output {
  'offset': (string);
  'record': (Buffer);
}
