// Original file: proto/tributary/v1/broker.proto


export interface BrokerNode {
  'nodeId'?: (number);
  'host'?: (string);
  'port'?: (number);
  'rack'?: (string);
  '_rack'?: "rack";
}

export interface BrokerNode__Output {
  'nodeId': (number);
  'host': (string);
  'port': (number);
  'rack'?: (string);
  '_rack'?: "rack";
}
