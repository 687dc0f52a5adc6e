// Original file: proto/tributary/v1/controller.proto


export interface DeleteTopicsRequest {
  'names'?: (string)[];
  'timeoutMs'?: (number);
}

export interface DeleteTopicsRequest__Output {
  'names': (string)[];
  'timeoutMs': (number);
}
