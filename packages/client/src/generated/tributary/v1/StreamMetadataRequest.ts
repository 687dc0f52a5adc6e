// Original file: proto/tributary/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface StreamMetadataRequest {
  'fromOffset'?: (number | string | Long);
  'brokerId'?: (number);
}

export interface StreamMetadataRequest__Output {
  'fromOffset': (string);
  'brokerId': (number);
}
