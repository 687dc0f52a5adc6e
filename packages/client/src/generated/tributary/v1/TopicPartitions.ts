// Original file: proto/tributary/v1/broker.proto


export interface TopicPartitions {
  'topicId'?: (string);
  'topic'?: (string);
  'partitions'?: (number)[];
}

export interface TopicPartitions__Output {
  'topicId': (string);
  'topic': (string);
  'partitions': (number)[];
}
