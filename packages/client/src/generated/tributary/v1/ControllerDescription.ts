// Original file: proto/tributary/v1/controller.proto


export interface ControllerDescription {
  'nodeId'?: (number);
  'endpoint'?: (string);
}

export interface ControllerDescription__Output {
  'nodeId': (number);
  'endpoint': (string);
}
