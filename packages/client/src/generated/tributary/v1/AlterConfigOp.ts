// Original file: proto/tributary/v1/controller.proto

export const AlterConfigOp = {
  ALTER_CONFIG_OP_UNSPECIFIED: 'ALTER_CONFIG_OP_UNSPECIFIED',
  ALTER_CONFIG_OP_SET: 'ALTER_CONFIG_OP_SET',
  ALTER_CONFIG_OP_DELETE: 'ALTER_CONFIG_OP_DELETE',
} as const;

export type AlterConfigOp =
  | 'ALTER_CONFIG_OP_UNSPECIFIED'
  | 0
  | 'ALTER_CONFIG_OP_SET'
  | 1
  | 'ALTER_CONFIG_OP_DELETE'
  | 2

export type AlterConfigOp__Output = typeof AlterConfigOp[keyof typeof AlterConfigOp]
