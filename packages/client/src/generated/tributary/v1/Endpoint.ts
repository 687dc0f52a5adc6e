// Original file: proto/tributary/v1/common.proto


export interface Endpoint {
  'listener'?: (string);
  'host'?: (string);
  'port'?: (number);
}

export interface Endpoint__Output {
  'listener': (string);
  'host': (string);
  'port': (number);
}
