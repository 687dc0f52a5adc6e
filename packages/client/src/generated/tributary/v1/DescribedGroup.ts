// Original file: proto/tributary/v1/broker.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { GroupMember as _tributary_v1_GroupMember, GroupMember__Output as _tributary_v1_GroupMember__Output } from '../../tributary/v1/GroupMember.js';

export interface DescribedGroup {
  'groupId'?: (string);
  'error'?: (_tributary_v1_Error | null);
  'state'?: (string);
  'assignor'?: (string);
  'groupEpoch'?: (number);
  'assignmentEpoch'?: (number);
  'members'?: (_tributary_v1_GroupMember)[];
  'coordinatorId'?: (number);
}

export interface DescribedGroup__Output {
  'groupId': (string);
  'error': (_tributary_v1_Error__Output | null);
  'state': (string);
  'assignor': (string);
  'groupEpoch': (number);
  'assignmentEpoch': (number);
  'members': (_tributary_v1_GroupMember__Output)[];
  'coordinatorId': (number);
}
