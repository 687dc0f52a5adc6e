// Original file: /work/main/proto/tributary/v1/controller.proto


export interface DescribeClusterRequest {
}

export interface DescribeClusterRequest__Output {
}
