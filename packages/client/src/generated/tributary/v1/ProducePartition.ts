// Original file: proto/tributary/v1/broker.proto


export interface ProducePartition {
  'partition'?: (number);
  'records'?: (Buffer | Uint8Array | string);
}

export interface ProducePartition__Output {
  'partition': (number);
  'records': (Buffer);
}
