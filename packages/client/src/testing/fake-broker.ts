import { Server, ServerCredentials, type handleUnaryCall, type sendUnaryData } from "@grpc/grpc-js";
import { TributaryError } from "../errors/tributary-error.js";
import type { BrokerHandlers } from "../generated/tributary/v1/Broker.js";
import { CHANNEL_OPTIONS } from "../wire/channel-options.js";
import { loadProtos } from "../wire/load-protos.js";
import { toServiceError } from "../wire/wire-errors.js";

/** FakeRpcName is a Broker RPC a fake broker can answer. */
export type FakeRpcName = keyof BrokerHandlers & string;

type Types<M extends FakeRpcName> = BrokerHandlers[M] extends handleUnaryCall<infer Request, infer Response> ? { request: Request; response: Response } : never;

/** FakeRequest is the request of an RPC as a server handler sees it. */
export type FakeRequest<M extends FakeRpcName> = Types<M>["request"];

/** FakeResponse is what a handler of an RPC returns. */
export type FakeResponse<M extends FakeRpcName> = Types<M>["response"];

/** FakeHandler answers one RPC; throwing a TributaryError fails the RPC with it. */
export type FakeHandler<M extends FakeRpcName> = (request: FakeRequest<M>, broker: FakeBroker) => FakeResponse<M> | Promise<FakeResponse<M>>;

/** RecordedRequest is one request a fake broker received, in arrival order. */
export interface RecordedRequest {
  readonly method: FakeRpcName;
  readonly request: unknown;
}

/**
 * RequestFault scripts the fate of a whole RPC, decided when it arrives:
 * - rpcError: fail the RPC with this error, without processing it;
 * - hang: never answer (the client's deadline fires); nothing is processed;
 * - processThenHang: process the request (a produce is appended) and never answer;
 * - delay: answer after `ms`.
 */
export type RequestFault =
  | { readonly kind: "rpcError"; readonly error: TributaryError }
  | { readonly kind: "hang" }
  | { readonly kind: "processThenHang" }
  | { readonly kind: "delay"; readonly ms: number };

/** RequestFaultScript decides the fault of each arriving RPC, or none. */
export type RequestFaultScript = (broker: FakeBroker, method: FakeRpcName, request: unknown) => RequestFault | undefined;

const ALL_RPCS: readonly FakeRpcName[] = [
  "Metadata", "Produce", "Fetch", "ListOffsets", "OffsetForLeaderEpoch", "DeleteRecords", "InitProducerId", "FindCoordinator",
  "ConsumerGroupHeartbeat", "OffsetCommit", "OffsetFetch", "ListGroups", "DescribeGroups", "DeleteGroups", "CreateTopics",
  "DeleteTopics", "CreatePartitions", "DescribeConfigs", "AlterConfigs", "ElectLeaders", "DescribeCluster", "DescribeQuorum",
];

/**
 * FakeBroker is a real gRPC Broker server on 127.0.0.1 with scriptable handlers: tests talk to
 * it over the network exactly as the SDK talks to a broker. It records every request; RPCs
 * without a handler fail with UNKNOWN_SERVER_ERROR ("not scripted").
 */
export class FakeBroker {
  readonly nodeId: number;
  readonly requests: RecordedRequest[] = [];
  requestFault: RequestFaultScript | undefined;
  private readonly server: Server;
  private readonly handlers = new Map<FakeRpcName, FakeHandler<never>>();
  private readonly hung: sendUnaryData<unknown>[] = [];
  private portValue = 0;
  private stopped = false;

  private constructor(nodeId: number) {
    this.nodeId = nodeId;
    this.server = new Server(CHANNEL_OPTIONS);
    const implementation: Record<string, handleUnaryCall<unknown, unknown>> = {};
    for (const method of ALL_RPCS) implementation[method] = (call, callback) => this.serve(method, call.request, callback);
    this.server.addService(loadProtos().proto.tributary.v1.Broker.service, implementation);
  }

  /** start binds a new fake broker to a free port of 127.0.0.1. */
  static async start(nodeId: number): Promise<FakeBroker> {
    const broker = new FakeBroker(nodeId);
    broker.portValue = await new Promise<number>((resolve, reject) =>
      broker.server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    return broker;
  }

  /** port is the bound port. */
  get port(): number {
    return this.portValue;
  }

  /** address is host:port. */
  get address(): string {
    return `127.0.0.1:${this.portValue}`;
  }

  /** isStopped tells whether {@link stop} was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** handle sets the handler of `method`, replacing any earlier one. */
  handle<M extends FakeRpcName>(method: M, handler: FakeHandler<M>): void {
    this.handlers.set(method, handler as unknown as FakeHandler<never>);
  }

  /** requestsOf returns the requests of one RPC received so far. */
  requestsOf<M extends FakeRpcName>(method: M): FakeRequest<M>[] {
    return this.requests.filter((entry) => entry.method === method).map((entry) => entry.request as FakeRequest<M>);
  }

  /** stop shuts the server down at once, failing calls in flight and leaving hung ones unanswered. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.server.forceShutdown();
  }

  private serve(method: FakeRpcName, request: unknown, callback: sendUnaryData<unknown>): void {
    this.requests.push({ method, request });
    const fault = this.requestFault?.(this, method, request);
    void (async () => {
      if (fault?.kind === "rpcError") throw fault.error;
      if (fault?.kind === "hang") {
        this.hung.push(callback);
        return;
      }
      if (fault?.kind === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));
      const handler = this.handlers.get(method) as FakeHandler<FakeRpcName> | undefined;
      if (handler === undefined) throw new TributaryError("UNKNOWN_SERVER_ERROR", `${method} is not scripted on fake broker ${this.nodeId}`);
      const response = await handler(request as never, this);
      if (fault?.kind === "processThenHang") {
        this.hung.push(callback);
        return;
      }
      callback(null, response);
    })().catch((error: unknown) => callback(toServiceError(error)));
  }
}
