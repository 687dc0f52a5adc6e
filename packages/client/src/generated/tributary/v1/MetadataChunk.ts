// Original file: proto/tributary/v1/controller.proto

import type { MetadataSnapshot as _tributary_v1_MetadataSnapshot, MetadataSnapshot__Output as _tributary_v1_MetadataSnapshot__Output } from '../../tributary/v1/MetadataSnapshot.js';
import type { MetadataBatch as _tributary_v1_MetadataBatch, MetadataBatch__Output as _tributary_v1_MetadataBatch__Output } from '../../tributary/v1/MetadataBatch.js';
import type { Long } from '@grpc/proto-loader';

export interface MetadataChunk {
  'snapshot'?: (_tributary_v1_MetadataSnapshot | null);
  'batches'?: (_tributary_v1_MetadataBatch)[];
  'highWatermark'?: (number | string | Long);
}

export interface MetadataChunk__Output {
  'snapshot': (_tributary_v1_MetadataSnapshot__Output | null);
  'batches': (_tributary_v1_MetadataBatch__Output)[];
  'highWatermark': (string);
}
