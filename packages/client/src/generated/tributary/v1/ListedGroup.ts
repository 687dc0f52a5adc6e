// Original file: proto/tributary/v1/broker.proto


export interface ListedGroup {
  'groupId'?: (string);
  'state'?: (string);
  'protocolType'?: (string);
}

export interface ListedGroup__Output {
  'groupId': (string);
  'state': (string);
  'protocolType': (string);
}
