// Original file: proto/tributary/v1/raft.proto

import type { Long } from '@grpc/proto-loader';

export interface SnapshotChunk {
  'lastIndex'?: (number | string | Long);
  'lastTerm'?: (number | string | Long);
  'offset'?: (number | string | Long);
  'data'?: (Buffer | Uint8Array | string);
  'done'?: (boolean);
  'totalBytes'?: (number | string | Long);
}

export interface SnapshotChunk__Output {
  'lastIndex': (string);
  'lastTerm': (string);
  'offset': (string);
  'data': (Buffer);
  'done': (boolean);
  'totalBytes': (string);
}
