// Original file: proto/tributary/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface MetadataSnapshot {
  'lastOffset'?: (number | string | Long);
  'records'?: (Buffer | Uint8Array | string)[];
}

export interface MetadataSnapshot__Output {
  'lastOffset': (string);
  'records': (Buffer)[];
}
