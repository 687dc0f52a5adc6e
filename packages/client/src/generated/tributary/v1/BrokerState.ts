// Original file: proto/tributary/v1/controller.proto

export const BrokerState = {
  BROKER_STATE_UNSPECIFIED: 'BROKER_STATE_UNSPECIFIED',
  BROKER_STATE_FENCED: 'BROKER_STATE_FENCED',
  BROKER_STATE_UNFENCED: 'BROKER_STATE_UNFENCED',
  BROKER_STATE_CONTROLLED_SHUTDOWN: 'BROKER_STATE_CONTROLLED_SHUTDOWN',
} as const;

export type BrokerState =
  | 'BROKER_STATE_UNSPECIFIED'
  | 0
  | 'BROKER_STATE_FENCED'
  | 1
  | 'BROKER_STATE_UNFENCED'
  | 2
  | 'BROKER_STATE_CONTROLLED_SHUTDOWN'
  | 3

export type BrokerState__Output = typeof BrokerState[keyof typeof BrokerState]
