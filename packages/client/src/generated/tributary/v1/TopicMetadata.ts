// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { PartitionMetadata as _tributary_v1_PartitionMetadata, PartitionMetadata__Output as _tributary_v1_PartitionMetadata__Output } from '../../tributary/v1/PartitionMetadata.js';

export interface TopicMetadata {
  'error'?: (_tributary_v1_Error | null);
  'name'?: (string);
  'topicId'?: (string);
  'isInternal'?: (boolean);
  'partitions'?: (_tributary_v1_PartitionMetadata)[];
}

export interface TopicMetadata__Output {
  'error': (_tributary_v1_Error__Output | null);
  'name': (string);
  'topicId': (string);
  'isInternal': (boolean);
  'partitions': (_tributary_v1_PartitionMetadata__Output)[];
}
