// Original file: proto/tributary/v1/common.proto


export interface TopicPartition {
  'topic'?: (string);
  'partition'?: (number);
}

export interface TopicPartition__Output {
  'topic': (string);
  'partition': (number);
}
