/**
 * @internal The wire contract for controllers and brokers: proto loading, generated types, channel
 * options and error mapping. Not covered by semver.
 */
export { loadProtos, PROTO_FILES, PROTO_ROOT } from "../wire/load-protos.js";
export type { TributaryProto } from "../wire/load-protos.js";
export { PROTO_LOADER_OPTIONS } from "../wire/proto-options.js";
export { CHANNEL_OPTIONS, FLOW_CONTROL_WINDOW_BYTES, MESSAGE_BYTES_MAX } from "../wire/channel-options.js";
export { unaryCall } from "../wire/unary-call.js";
export { unary } from "../wire/unary-handler.js";
export type { UnaryMethodName } from "../wire/unary-call.js";
export { ERROR_TRAILER, NO_ERROR, errorFromWire, errorToWire, fromServiceError, toServiceError } from "../wire/wire-errors.js";
