// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { ListedGroup as _tributary_v1_ListedGroup, ListedGroup__Output as _tributary_v1_ListedGroup__Output } from '../../tributary/v1/ListedGroup.js';

export interface ListGroupsResponse {
  'error'?: (_tributary_v1_Error | null);
  'groups'?: (_tributary_v1_ListedGroup)[];
}

export interface ListGroupsResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'groups': (_tributary_v1_ListedGroup__Output)[];
}
