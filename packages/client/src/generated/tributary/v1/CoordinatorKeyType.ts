// Original file: proto/tributary/v1/broker.proto

export const CoordinatorKeyType = {
  COORDINATOR_KEY_TYPE_GROUP: 'COORDINATOR_KEY_TYPE_GROUP',
  COORDINATOR_KEY_TYPE_TRANSACTION: 'COORDINATOR_KEY_TYPE_TRANSACTION',
} as const;

export type CoordinatorKeyType =
  | 'COORDINATOR_KEY_TYPE_GROUP'
  | 0
  | 'COORDINATOR_KEY_TYPE_TRANSACTION'
  | 1

export type CoordinatorKeyType__Output = typeof CoordinatorKeyType[keyof typeof CoordinatorKeyType]
