import type { sendUnaryData, ServerUnaryCall } from "@grpc/grpc-js";
import { AssertionError } from "../util/assert.js";
import { toServiceError } from "./wire-errors.js";

/**
 * unary adapts an async function to a grpc-js unary handler. A thrown TributaryError becomes an
 * RPC-level status with its name and leader hint in the trailers; anything else is reported as
 * UNKNOWN_SERVER_ERROR, and an AssertionError (a bug) is also passed to `onBug` so the process
 * can stop rather than serve from a broken state.
 */
export function unary<Request, Response>(
  handler: (request: Request) => Promise<Response> | Response,
  onBug?: (error: AssertionError) => void,
): (call: ServerUnaryCall<Request, Response>, callback: sendUnaryData<Response>) => void {
  return (call, callback) => {
    Promise.resolve()
      .then(() => handler(call.request))
      .then(
        (response) => callback(null, response),
        (error: unknown) => {
          if (error instanceof AssertionError) onBug?.(error);
          callback(toServiceError(error));
        },
      );
  };
}
