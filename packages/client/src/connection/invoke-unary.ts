import type { CallOptions, ClientUnaryCall, ServiceError } from "@grpc/grpc-js";
import type { BrokerClient } from "../generated/tributary/v1/Broker.js";
import { TributaryError } from "../errors/tributary-error.js";
import { fromServiceError } from "../wire/wire-errors.js";

// Generated client methods are overloaded; conditional types see the last one, (request, callback).
type RequestOf<M> = M extends (request: infer Request, callback: (error: ServiceError | null, response?: infer _R) => void) => unknown ? Request : never;
type ResponseOf<M> = M extends (request: infer _Q, callback: (error: ServiceError | null, response?: infer Response) => void) => unknown ? Response : never;

/** BrokerRpcName is the name of a unary Broker RPC as the generated client spells it ("Produce"). */
export type BrokerRpcName =
  | "Metadata"
  | "Produce"
  | "Fetch"
  | "ListOffsets"
  | "OffsetForLeaderEpoch"
  | "DeleteRecords"
  | "InitProducerId"
  | "FindCoordinator"
  | "ConsumerGroupHeartbeat"
  | "OffsetCommit"
  | "OffsetFetch"
  | "ListGroups"
  | "DescribeGroups"
  | "DeleteGroups"
  | "CreateTopics"
  | "DeleteTopics"
  | "CreatePartitions"
  | "DescribeConfigs"
  | "AlterConfigs"
  | "ElectLeaders"
  | "DescribeCluster"
  | "DescribeQuorum";

/** BrokerRpcRequest is the request type of an RPC. */
export type BrokerRpcRequest<M extends BrokerRpcName> = RequestOf<BrokerClient[M]>;

/** BrokerRpcResponse is the response type of an RPC, as the loader produces it. */
export type BrokerRpcResponse<M extends BrokerRpcName> = NonNullable<ResponseOf<BrokerClient[M]>>;

/** PendingUnary is a started call: its outcome and a way to cancel it. */
export interface PendingUnary<Response> {
  readonly response: Promise<Response>;
  cancel(): void;
}

type UnaryInvoker<Request, Response> = (
  request: Request,
  options: CallOptions,
  callback: (error: ServiceError | null, response?: Response) => void,
) => ClientUnaryCall;

/**
 * invokeUnary starts one unary call with a deadline of `timeoutMs` and returns it with a cancel
 * handle (wire/unary-call has none, and a closing producer must cancel what it has in flight).
 * The response rejects only with TributaryError: named errors from the node, NETWORK_EXCEPTION for
 * transport failures and cancellation, REQUEST_TIMED_OUT for the deadline.
 */
export function invokeUnary<M extends BrokerRpcName>(
  client: BrokerClient,
  method: M,
  request: BrokerRpcRequest<M>,
  timeoutMs: number,
): PendingUnary<BrokerRpcResponse<M>> {
  let call: ClientUnaryCall | undefined;
  const response = new Promise<BrokerRpcResponse<M>>((resolve, reject) => {
    const invoke = client[method] as unknown as UnaryInvoker<BrokerRpcRequest<M>, BrokerRpcResponse<M>>;
    call = invoke.call(client, request, { deadline: Date.now() + timeoutMs }, (error, value) => {
      if (error) reject(fromServiceError(error));
      else if (value === undefined) reject(new TributaryError("NETWORK_EXCEPTION", `${method} returned no response`));
      else resolve(value);
    });
  });
  return { response, cancel: () => call?.cancel() };
}
