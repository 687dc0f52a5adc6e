// Original file: proto/tributary/v1/controller.proto


export interface DescribeClusterRequest {
}

export interface DescribeClusterRequest__Output {
}
