// Original file: proto/tributary/v1/broker.proto


export interface DeleteGroupsRequest {
  'groupIds'?: (string)[];
}

export interface DeleteGroupsRequest__Output {
  'groupIds': (string)[];
}
