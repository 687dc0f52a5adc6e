// Original file: /work/main/proto/tributary/v1/controller.proto

import type { MetadataSnapshot as _tributary_v1_MetadataSnapshot, MetadataSnapshot__Output as _tributary_v1_MetadataSnapshot__Output } from '../../tributary/v1/MetadataSnapshot.js';
import type { MetadataRecordEntry as _tributary_v1_MetadataRecordEntry, MetadataRecordEntry__Output as _tributary_v1_MetadataRecordEntry__Output } from '../../tributary/v1/MetadataRecordEntry.js';
import type { Long } from '@grpc/proto-loader';

export interface MetadataChunk {
  'snapshot'?: (_tributary_v1_MetadataSnapshot | null);
  'records'?: (_tributary_v1_MetadataRecordEntry)[];
  'highWatermark'?: (number | string | Long);
}

export interface MetadataChunk__Output {
  'snapshot': (_tributary_v1_MetadataSnapshot__Output | null);
  'records': (_tributary_v1_MetadataRecordEntry__Output)[];
  'highWatermark': (string);
}
