import { Metadata, type ServiceError } from "@grpc/grpc-js";
import { ERRORS, errorNameOfCode, isErrorName } from "../errors/error-codes.js";
import { grpcStatusCode } from "../errors/grpc-status.js";
import { TributaryError, type LeaderHint } from "../errors/tributary-error.js";
import type { Error as WireError, Error__Output as WireErrorOutput } from "../generated/tributary/v1/Error.js";

/** Trailer keys of an RPC-level error. */
export const ERROR_TRAILER = {
  code: "tributary-error-code",
  leaderId: "tributary-leader-id",
  leaderEndpoint: "tributary-leader-endpoint",
  leaderEpoch: "tributary-leader-epoch",
} as const;

/** NO_ERROR is the wire form of success. */
export const NO_ERROR: WireError = { code: 0, name: "NONE", message: "", retriable: false };

/** errorToWire turns an error (or nothing, for success) into a per-item wire `Error`. */
export function errorToWire(error: TributaryError | null | undefined): WireError {
  if (!error) return NO_ERROR;
  const hint = error.leaderHint;
  return {
    code: error.wireCode,
    name: error.code,
    message: error.message,
    retriable: error.retriable,
    leaderHint: hint === undefined ? null : { nodeId: hint.nodeId, endpoint: hint.endpoint ?? "", epoch: hint.epoch ?? -1 },
  };
}

/**
 * errorFromWire turns a per-item wire `Error` back into a TributaryError, or null for success.
 * An unknown name falls back to the numeric code, so newer servers degrade gracefully.
 */
export function errorFromWire(error: WireErrorOutput | null | undefined): TributaryError | null {
  if (!error || error.code === 0) return null;
  const name = isErrorName(error.name) ? error.name : errorNameOfCode(error.code);
  const hint = error.leaderHint;
  const leaderHint: LeaderHint | undefined =
    hint === null || hint === undefined
      ? undefined
      : { nodeId: hint.nodeId, ...(hint.endpoint ? { endpoint: hint.endpoint } : {}), ...(hint.epoch >= 0 ? { epoch: hint.epoch } : {}) };
  return new TributaryError(name, error.message || undefined, leaderHint ? { leaderHint } : undefined);
}

/**
 * toServiceError turns an error into what a gRPC handler passes to its callback: the status from
 * the error table, the message, and trailers with the error name and any leader hint.
 */
export function toServiceError(error: unknown): Partial<ServiceError> {
  const tributaryError = TributaryError.from(error);
  const metadata = new Metadata();
  metadata.set(ERROR_TRAILER.code, tributaryError.code);
  const hint = tributaryError.leaderHint;
  if (hint !== undefined) {
    metadata.set(ERROR_TRAILER.leaderId, String(hint.nodeId));
    if (hint.endpoint !== undefined) metadata.set(ERROR_TRAILER.leaderEndpoint, hint.endpoint);
    if (hint.epoch !== undefined) metadata.set(ERROR_TRAILER.leaderEpoch, String(hint.epoch));
  }
  return {
    code: grpcStatusCode(ERRORS[tributaryError.code].grpcStatus),
    details: `${tributaryError.code}: ${tributaryError.message}`,
    metadata,
  };
}

/**
 * fromServiceError turns a failed call's ServiceError into a TributaryError. Errors sent by a
 * Tributary node carry their name in the trailers; transport failures (no trailers) map from the
 * gRPC status: UNAVAILABLE to NETWORK_EXCEPTION, DEADLINE_EXCEEDED to REQUEST_TIMED_OUT.
 */
export function fromServiceError(error: ServiceError): TributaryError {
  const named = String(error.metadata?.get(ERROR_TRAILER.code)[0] ?? "");
  if (isErrorName(named)) {
    const leaderId = error.metadata.get(ERROR_TRAILER.leaderId)[0];
    const endpoint = error.metadata.get(ERROR_TRAILER.leaderEndpoint)[0];
    const epoch = error.metadata.get(ERROR_TRAILER.leaderEpoch)[0];
    const leaderHint: LeaderHint | undefined =
      leaderId === undefined
        ? undefined
        : {
            nodeId: Number(leaderId),
            ...(endpoint === undefined ? {} : { endpoint: String(endpoint) }),
            ...(epoch === undefined ? {} : { epoch: Number(epoch) }),
          };
    const message = error.details.startsWith(`${named}: `) ? error.details.slice(named.length + 2) : error.details;
    return new TributaryError(named, message, { cause: error, ...(leaderHint ? { leaderHint } : {}) });
  }
  const status = error.code;
  const name = status === grpcStatusCode("DEADLINE_EXCEEDED") ? "REQUEST_TIMED_OUT" : status === grpcStatusCode("UNAVAILABLE") || status === grpcStatusCode("CANCELLED") ? "NETWORK_EXCEPTION" : "UNKNOWN_SERVER_ERROR";
  return new TributaryError(name, error.details || error.message, { cause: error });
}
