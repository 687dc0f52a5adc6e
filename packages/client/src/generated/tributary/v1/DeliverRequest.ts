// Original file: proto/tributary/v1/raft.proto

import type { RaftMessage as _tributary_v1_RaftMessage, RaftMessage__Output as _tributary_v1_RaftMessage__Output } from '../../tributary/v1/RaftMessage.js';

export interface DeliverRequest {
  'clusterId'?: (string);
  'fromNodeId'?: (number);
  'toNodeId'?: (number);
  'messages'?: (_tributary_v1_RaftMessage)[];
}

export interface DeliverRequest__Output {
  'clusterId': (string);
  'fromNodeId': (number);
  'toNodeId': (number);
  'messages': (_tributary_v1_RaftMessage__Output)[];
}
