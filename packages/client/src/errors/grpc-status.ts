import { status } from "@grpc/grpc-js";

/** GrpcStatusName is a gRPC status code by its canonical name. */
export type GrpcStatusName = Exclude<keyof typeof status, number>;

/** grpcStatusCode returns the numeric gRPC status for a canonical name. */
export function grpcStatusCode(name: GrpcStatusName): number {
  return status[name];
}
