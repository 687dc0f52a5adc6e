// Original file: proto/tributary/v1/controller.proto


export interface DescribeQuorumRequest {
}

export interface DescribeQuorumRequest__Output {
}
