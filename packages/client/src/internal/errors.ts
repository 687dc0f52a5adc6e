/** @internal The shared error table and error type, for controllers and brokers. Not covered by semver. */
export { ERRORS, errorNameOfCode, isErrorName } from "../errors/error-codes.js";
export type { ErrorName, ErrorSpec } from "../errors/error-codes.js";
export { grpcStatusCode } from "../errors/grpc-status.js";
export type { GrpcStatusName } from "../errors/grpc-status.js";
export { TributaryError } from "../errors/tributary-error.js";
export type { LeaderHint } from "../errors/tributary-error.js";
