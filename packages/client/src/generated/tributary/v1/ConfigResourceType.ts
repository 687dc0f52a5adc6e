// Original file: proto/tributary/v1/common.proto

export const ConfigResourceType = {
  CONFIG_RESOURCE_TYPE_UNSPECIFIED: 'CONFIG_RESOURCE_TYPE_UNSPECIFIED',
  CONFIG_RESOURCE_TYPE_TOPIC: 'CONFIG_RESOURCE_TYPE_TOPIC',
  CONFIG_RESOURCE_TYPE_BROKER: 'CONFIG_RESOURCE_TYPE_BROKER',
} as const;

export type ConfigResourceType =
  | 'CONFIG_RESOURCE_TYPE_UNSPECIFIED'
  | 0
  | 'CONFIG_RESOURCE_TYPE_TOPIC'
  | 1
  | 'CONFIG_RESOURCE_TYPE_BROKER'
  | 2

export type ConfigResourceType__Output = typeof ConfigResourceType[keyof typeof ConfigResourceType]
