// Original file: proto/tributary/v1/broker.proto


export interface ListGroupsRequest {
  'states'?: (string)[];
}

export interface ListGroupsRequest__Output {
  'states': (string)[];
}
