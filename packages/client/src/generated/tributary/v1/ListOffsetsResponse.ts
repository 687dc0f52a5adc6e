// Original file: proto/tributary/v1/broker.proto

import type { ListOffsetsTopicResult as _tributary_v1_ListOffsetsTopicResult, ListOffsetsTopicResult__Output as _tributary_v1_ListOffsetsTopicResult__Output } from '../../tributary/v1/ListOffsetsTopicResult.js';

export interface ListOffsetsResponse {
  'topics'?: (_tributary_v1_ListOffsetsTopicResult)[];
}

export interface ListOffsetsResponse__Output {
  'topics': (_tributary_v1_ListOffsetsTopicResult__Output)[];
}
