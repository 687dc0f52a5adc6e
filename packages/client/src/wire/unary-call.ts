import type { CallOptions, Client, ServiceError } from "@grpc/grpc-js";
import { fromServiceError } from "./wire-errors.js";

type UnaryMethod<Request, Response> = (
  request: Request,
  options: CallOptions,
  callback: (error: ServiceError | null, response?: Response) => void,
) => unknown;

/** UnaryMethodName is any method name of a generated client; non-unary ones get a `never` request. */
export type UnaryMethodName<C> = keyof C & string;

// Generated client methods are overloaded; inference sees the last overload, (request, callback).
type RequestOf<M> = M extends (request: infer Request, callback: (error: ServiceError | null, response?: infer _R) => void) => unknown ? Request : never;
type ResponseOf<M> = M extends (request: infer _Q, callback: (error: ServiceError | null, response?: infer Response) => void) => unknown ? Response : never;

/**
 * unaryCall makes one unary call on a generated client and returns its response, or throws a
 * TributaryError (RPC-level errors carry their name and leader hint; transport failures become
 * NETWORK_EXCEPTION or REQUEST_TIMED_OUT).
 */
export function unaryCall<C extends Client, M extends UnaryMethodName<C>>(
  client: C,
  method: M,
  request: RequestOf<C[M]>,
  timeoutMs: number,
): Promise<NonNullable<ResponseOf<C[M]>>> {
  return new Promise((resolve, reject) => {
    const invoke = client[method] as unknown as UnaryMethod<RequestOf<C[M]>, NonNullable<ResponseOf<C[M]>>>;
    invoke.call(client, request, { deadline: Date.now() + timeoutMs }, (error, response) => {
      if (error) reject(fromServiceError(error));
      else if (response === undefined) reject(new Error(`${method} returned no response`));
      else resolve(response);
    });
  });
}
