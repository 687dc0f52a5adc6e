// Original file: proto/tributary/v1/broker.proto

export const IsolationLevel = {
  ISOLATION_LEVEL_READ_UNCOMMITTED: 'ISOLATION_LEVEL_READ_UNCOMMITTED',
  ISOLATION_LEVEL_READ_COMMITTED: 'ISOLATION_LEVEL_READ_COMMITTED',
} as const;

export type IsolationLevel =
  | 'ISOLATION_LEVEL_READ_UNCOMMITTED'
  | 0
  | 'ISOLATION_LEVEL_READ_COMMITTED'
  | 1

export type IsolationLevel__Output = typeof IsolationLevel[keyof typeof IsolationLevel]
