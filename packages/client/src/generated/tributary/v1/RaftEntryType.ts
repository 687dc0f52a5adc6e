// Original file: proto/tributary/v1/raft.proto

export const RaftEntryType = {
  RAFT_ENTRY_TYPE_UNSPECIFIED: 'RAFT_ENTRY_TYPE_UNSPECIFIED',
  RAFT_ENTRY_TYPE_NORMAL: 'RAFT_ENTRY_TYPE_NORMAL',
  RAFT_ENTRY_TYPE_NOOP: 'RAFT_ENTRY_TYPE_NOOP',
} as const;

export type RaftEntryType =
  | 'RAFT_ENTRY_TYPE_UNSPECIFIED'
  | 0
  | 'RAFT_ENTRY_TYPE_NORMAL'
  | 1
  | 'RAFT_ENTRY_TYPE_NOOP'
  | 2

export type RaftEntryType__Output = typeof RaftEntryType[keyof typeof RaftEntryType]
