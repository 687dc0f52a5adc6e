// Original file: proto/tributary/v1/broker.proto

import type { DeleteGroupsResult as _tributary_v1_DeleteGroupsResult, DeleteGroupsResult__Output as _tributary_v1_DeleteGroupsResult__Output } from '../../tributary/v1/DeleteGroupsResult.js';

export interface DeleteGroupsResponse {
  'results'?: (_tributary_v1_DeleteGroupsResult)[];
}

export interface DeleteGroupsResponse__Output {
  'results': (_tributary_v1_DeleteGroupsResult__Output)[];
}
