// Original file: proto/tributary/v1/raft.proto

import type { RaftMessageType as _tributary_v1_RaftMessageType, RaftMessageType__Output as _tributary_v1_RaftMessageType__Output } from '../../tributary/v1/RaftMessageType.js';
import type { RaftEntry as _tributary_v1_RaftEntry, RaftEntry__Output as _tributary_v1_RaftEntry__Output } from '../../tributary/v1/RaftEntry.js';
import type { SnapshotChunk as _tributary_v1_SnapshotChunk, SnapshotChunk__Output as _tributary_v1_SnapshotChunk__Output } from '../../tributary/v1/SnapshotChunk.js';
import type { Long } from '@grpc/proto-loader';

export interface RaftMessage {
  'type'?: (_tributary_v1_RaftMessageType);
  'from'?: (number);
  'to'?: (number);
  'term'?: (number | string | Long);
  'logIndex'?: (number | string | Long);
  'logTerm'?: (number | string | Long);
  'entries'?: (_tributary_v1_RaftEntry)[];
  'commit'?: (number | string | Long);
  'reject'?: (boolean);
  'rejectHintIndex'?: (number | string | Long);
  'rejectHintTerm'?: (number | string | Long);
  'snapshot'?: (_tributary_v1_SnapshotChunk | null);
  'matchIndex'?: (number | string | Long);
  'transfer'?: (boolean);
}

export interface RaftMessage__Output {
  'type': (_tributary_v1_RaftMessageType__Output);
  'from': (number);
  'to': (number);
  'term': (string);
  'logIndex': (string);
  'logTerm': (string);
  'entries': (_tributary_v1_RaftEntry__Output)[];
  'commit': (string);
  'reject': (boolean);
  'rejectHintIndex': (string);
  'rejectHintTerm': (string);
  'snapshot': (_tributary_v1_SnapshotChunk__Output | null);
  'matchIndex': (string);
  'transfer': (boolean);
}
