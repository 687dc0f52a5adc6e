// Original file: proto/tributary/v1/common.proto


export interface ConfigEntry {
  'name'?: (string);
  'value'?: (string);
  '_value'?: "value";
}

export interface ConfigEntry__Output {
  'name': (string);
  'value'?: (string);
  '_value'?: "value";
}
