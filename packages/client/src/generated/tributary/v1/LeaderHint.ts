// Original file: proto/tributary/v1/common.proto


export interface LeaderHint {
  'nodeId'?: (number);
  'endpoint'?: (string);
  'epoch'?: (number);
}

export interface LeaderHint__Output {
  'nodeId': (number);
  'endpoint': (string);
  'epoch': (number);
}
