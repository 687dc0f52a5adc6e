// Original file: /work/main/proto/tributary/v1/controller.proto

import type { MetadataRecordEntry as _tributary_v1_MetadataRecordEntry, MetadataRecordEntry__Output as _tributary_v1_MetadataRecordEntry__Output } from '../../tributary/v1/MetadataRecordEntry.js';
import type { Long } from '@grpc/proto-loader';

export interface MetadataSnapshot {
  'lastOffset'?: (number | string | Long);
  'records'?: (_tributary_v1_MetadataRecordEntry)[];
}

export interface MetadataSnapshot__Output {
  'lastOffset': (string);
  'records': (_tributary_v1_MetadataRecordEntry__Output)[];
}
