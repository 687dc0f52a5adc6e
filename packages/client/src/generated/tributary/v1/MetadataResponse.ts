// Original file: proto/tributary/v1/broker.proto

import type { BrokerNode as _tributary_v1_BrokerNode, BrokerNode__Output as _tributary_v1_BrokerNode__Output } from '../../tributary/v1/BrokerNode.js';
import type { TopicMetadata as _tributary_v1_TopicMetadata, TopicMetadata__Output as _tributary_v1_TopicMetadata__Output } from '../../tributary/v1/TopicMetadata.js';
import type { Long } from '@grpc/proto-loader';

export interface MetadataResponse {
  'clusterId'?: (string);
  'controllerId'?: (number);
  'brokers'?: (_tributary_v1_BrokerNode)[];
  'topics'?: (_tributary_v1_TopicMetadata)[];
  'metadataOffset'?: (number | string | Long);
}

export interface MetadataResponse__Output {
  'clusterId': (string);
  'controllerId': (number);
  'brokers': (_tributary_v1_BrokerNode__Output)[];
  'topics': (_tributary_v1_TopicMetadata__Output)[];
  'metadataOffset': (string);
}
