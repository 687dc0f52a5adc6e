// Original file: proto/tributary/v1/common.proto

import type { LeaderHint as _tributary_v1_LeaderHint, LeaderHint__Output as _tributary_v1_LeaderHint__Output } from '../../tributary/v1/LeaderHint.js';

export interface Error {
  'code'?: (number);
  'name'?: (string);
  'message'?: (string);
  'retriable'?: (boolean);
  'leaderHint'?: (_tributary_v1_LeaderHint | null);
}

export interface Error__Output {
  'code': (number);
  'name': (string);
  'message': (string);
  'retriable': (boolean);
  'leaderHint': (_tributary_v1_LeaderHint__Output | null);
}
