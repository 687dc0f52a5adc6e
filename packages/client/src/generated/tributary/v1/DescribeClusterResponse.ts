// Original file: proto/tributary/v1/controller.proto

import type { Error as _tributary_v1_Error, Error__Output as _tributary_v1_Error__Output } from '../../tributary/v1/Error.js';
import type { BrokerDescription as _tributary_v1_BrokerDescription, BrokerDescription__Output as _tributary_v1_BrokerDescription__Output } from '../../tributary/v1/BrokerDescription.js';
import type { ControllerDescription as _tributary_v1_ControllerDescription, ControllerDescription__Output as _tributary_v1_ControllerDescription__Output } from '../../tributary/v1/ControllerDescription.js';

export interface DescribeClusterResponse {
  'error'?: (_tributary_v1_Error | null);
  'clusterId'?: (string);
  'controllerId'?: (number);
  'brokers'?: (_tributary_v1_BrokerDescription)[];
  'controllers'?: (_tributary_v1_ControllerDescription)[];
}

export interface DescribeClusterResponse__Output {
  'error': (_tributary_v1_Error__Output | null);
  'clusterId': (string);
  'controllerId': (number);
  'brokers': (_tributary_v1_BrokerDescription__Output)[];
  'controllers': (_tributary_v1_ControllerDescription__Output)[];
}
