import { connectivityState } from "@grpc/grpc-js";
import { TributaryError } from "../errors/tributary-error.js";
import type { BrokerClient } from "../generated/tributary/v1/Broker.js";
import type { NetworkObserver } from "../instrumentation/network-events.js";
import type { Logger } from "../logging/logger.js";
import type { Clock } from "../time/clock.js";
import { formatBrokerAddress, type BrokerAddress } from "./broker-address.js";
import { createBrokerClient } from "./create-broker-client.js";
import { invokeUnary, type BrokerRpcName, type BrokerRpcRequest, type BrokerRpcResponse, type PendingUnary } from "./invoke-unary.js";

/** BrokerConnectionOptions configure one {@link BrokerConnection}. */
export interface BrokerConnectionOptions {
  readonly address: BrokerAddress;
  /** nodeId is the broker's id, or -1 for a bootstrap address not yet matched to a node. */
  readonly nodeId: number;
  readonly clientId: string;
  /** requestTimeoutMs is the default deadline of an RPC, counted from when it is sent. */
  readonly requestTimeoutMs: number;
  /** connectionTimeoutMs bounds the wait for the connection to become ready before an RPC. */
  readonly connectionTimeoutMs: number;
  readonly observer?: NetworkObserver;
  readonly logger: Logger;
  readonly clock: Clock;
}

/**
 * BrokerConnection is the broker-connection layer: one gRPC channel to one broker node and one
 * method per Broker RPC. It waits (up to connectionTimeoutMs) for the channel to be ready, applies
 * request deadlines, reports every RPC to the observer (duration, timeouts, connects and
 * disconnects as it sees them), and cancels whatever is in flight when closed.
 *
 * Errors are always TributaryError: per-RPC failures as the node named them, NETWORK_EXCEPTION
 * when the broker cannot be reached or the connection is closed, REQUEST_TIMED_OUT at the deadline.
 * Per-item errors inside a response are left to the caller.
 */
export class BrokerConnection {
  /** address is host:port. */
  readonly address: string;
  private nodeIdValue: number;
  private readonly options: BrokerConnectionOptions;
  private readonly client: BrokerClient;
  private readonly pending = new Set<PendingUnary<unknown>>();
  private ready = false;
  private closed = false;
  private connecting: Promise<void> | undefined;

  constructor(options: BrokerConnectionOptions) {
    this.options = options;
    this.address = formatBrokerAddress(options.address);
    this.nodeIdValue = options.nodeId;
    this.client = createBrokerClient(this.address);
  }

  /** nodeId is the broker's id, -1 until a bootstrap connection is matched to a node. */
  get nodeId(): number {
    return this.nodeIdValue;
  }

  /** identify records which node a bootstrap address turned out to be. */
  identify(nodeId: number): void {
    this.nodeIdValue = nodeId;
  }

  /** inFlightRequests counts RPCs started on this connection and not yet answered. */
  get inFlightRequests(): number {
    return this.pending.size;
  }

  /** isClosed tells whether {@link close} was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  metadata(request: BrokerRpcRequest<"Metadata">, timeoutMs?: number): Promise<BrokerRpcResponse<"Metadata">> {
    return this.call("Metadata", request, timeoutMs);
  }
  produce(request: BrokerRpcRequest<"Produce">, timeoutMs?: number): Promise<BrokerRpcResponse<"Produce">> {
    return this.call("Produce", request, timeoutMs);
  }
  fetch(request: BrokerRpcRequest<"Fetch">, timeoutMs?: number): Promise<BrokerRpcResponse<"Fetch">> {
    return this.call("Fetch", request, timeoutMs);
  }
  listOffsets(request: BrokerRpcRequest<"ListOffsets">, timeoutMs?: number): Promise<BrokerRpcResponse<"ListOffsets">> {
    return this.call("ListOffsets", request, timeoutMs);
  }
  offsetForLeaderEpoch(request: BrokerRpcRequest<"OffsetForLeaderEpoch">, timeoutMs?: number): Promise<BrokerRpcResponse<"OffsetForLeaderEpoch">> {
    return this.call("OffsetForLeaderEpoch", request, timeoutMs);
  }
  deleteRecords(request: BrokerRpcRequest<"DeleteRecords">, timeoutMs?: number): Promise<BrokerRpcResponse<"DeleteRecords">> {
    return this.call("DeleteRecords", request, timeoutMs);
  }
  initProducerId(request: BrokerRpcRequest<"InitProducerId">, timeoutMs?: number): Promise<BrokerRpcResponse<"InitProducerId">> {
    return this.call("InitProducerId", request, timeoutMs);
  }
  findCoordinator(request: BrokerRpcRequest<"FindCoordinator">, timeoutMs?: number): Promise<BrokerRpcResponse<"FindCoordinator">> {
    return this.call("FindCoordinator", request, timeoutMs);
  }
  consumerGroupHeartbeat(request: BrokerRpcRequest<"ConsumerGroupHeartbeat">, timeoutMs?: number): Promise<BrokerRpcResponse<"ConsumerGroupHeartbeat">> {
    return this.call("ConsumerGroupHeartbeat", request, timeoutMs);
  }
  offsetCommit(request: BrokerRpcRequest<"OffsetCommit">, timeoutMs?: number): Promise<BrokerRpcResponse<"OffsetCommit">> {
    return this.call("OffsetCommit", request, timeoutMs);
  }
  offsetFetch(request: BrokerRpcRequest<"OffsetFetch">, timeoutMs?: number): Promise<BrokerRpcResponse<"OffsetFetch">> {
    return this.call("OffsetFetch", request, timeoutMs);
  }
  listGroups(request: BrokerRpcRequest<"ListGroups">, timeoutMs?: number): Promise<BrokerRpcResponse<"ListGroups">> {
    return this.call("ListGroups", request, timeoutMs);
  }
  describeGroups(request: BrokerRpcRequest<"DescribeGroups">, timeoutMs?: number): Promise<BrokerRpcResponse<"DescribeGroups">> {
    return this.call("DescribeGroups", request, timeoutMs);
  }
  deleteGroups(request: BrokerRpcRequest<"DeleteGroups">, timeoutMs?: number): Promise<BrokerRpcResponse<"DeleteGroups">> {
    return this.call("DeleteGroups", request, timeoutMs);
  }
  createTopics(request: BrokerRpcRequest<"CreateTopics">, timeoutMs?: number): Promise<BrokerRpcResponse<"CreateTopics">> {
    return this.call("CreateTopics", request, timeoutMs);
  }
  deleteTopics(request: BrokerRpcRequest<"DeleteTopics">, timeoutMs?: number): Promise<BrokerRpcResponse<"DeleteTopics">> {
    return this.call("DeleteTopics", request, timeoutMs);
  }
  createPartitions(request: BrokerRpcRequest<"CreatePartitions">, timeoutMs?: number): Promise<BrokerRpcResponse<"CreatePartitions">> {
    return this.call("CreatePartitions", request, timeoutMs);
  }
  describeConfigs(request: BrokerRpcRequest<"DescribeConfigs">, timeoutMs?: number): Promise<BrokerRpcResponse<"DescribeConfigs">> {
    return this.call("DescribeConfigs", request, timeoutMs);
  }
  alterConfigs(request: BrokerRpcRequest<"AlterConfigs">, timeoutMs?: number): Promise<BrokerRpcResponse<"AlterConfigs">> {
    return this.call("AlterConfigs", request, timeoutMs);
  }
  electLeaders(request: BrokerRpcRequest<"ElectLeaders">, timeoutMs?: number): Promise<BrokerRpcResponse<"ElectLeaders">> {
    return this.call("ElectLeaders", request, timeoutMs);
  }
  describeCluster(request: BrokerRpcRequest<"DescribeCluster">, timeoutMs?: number): Promise<BrokerRpcResponse<"DescribeCluster">> {
    return this.call("DescribeCluster", request, timeoutMs);
  }
  describeQuorum(request: BrokerRpcRequest<"DescribeQuorum">, timeoutMs?: number): Promise<BrokerRpcResponse<"DescribeQuorum">> {
    return this.call("DescribeQuorum", request, timeoutMs);
  }

  /**
   * close cancels every RPC in flight (they reject with NETWORK_EXCEPTION) and closes the
   * channel. Idempotent.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const call of [...this.pending]) call.cancel();
    this.client.close();
    if (this.ready) {
      this.ready = false;
      this.observe("disconnect");
    }
  }

  private async call<M extends BrokerRpcName>(method: M, request: BrokerRpcRequest<M>, timeoutMs = this.options.requestTimeoutMs): Promise<BrokerRpcResponse<M>> {
    const { clock } = this.options;
    const startMs = clock.nowMs();
    try {
      await this.ensureReady();
      if (this.closed) throw this.closedError();
      const call = invokeUnary(this.client, method, request, timeoutMs);
      this.pending.add(call);
      try {
        const response = await call.response;
        this.observeRequest(method, startMs, undefined);
        return response;
      } finally {
        this.pending.delete(call);
      }
    } catch (error) {
      const typed = this.closed ? this.closedError(error) : TributaryError.from(error);
      this.observeRequest(method, startMs, typed);
      if (typed.code === "REQUEST_TIMED_OUT") {
        this.options.observer?.("request_timeout", { ...this.brokerPayload(), apiName: method, requestTimeoutMs: timeoutMs });
      }
      throw typed;
    }
  }

  /**
   * ensureReady returns once the channel is READY, asking it to connect if it is idle. It fails
   * as soon as a connection attempt fails (so a dead bootstrap broker costs one refused connect,
   * not a timeout), and after connectionTimeoutMs at most. Concurrent callers share one wait.
   */
  private ensureReady(): Promise<void> {
    if (this.closed) return Promise.reject(this.closedError());
    const channel = this.client.getChannel();
    const initial = channel.getConnectivityState(true);
    if (initial === connectivityState.READY) {
      this.markReady();
      return Promise.resolve();
    }
    if (this.ready) {
      this.ready = false;
      this.observe("disconnect");
    }
    if (initial === connectivityState.TRANSIENT_FAILURE) {
      // grpc-js keeps a failed channel in TRANSIENT_FAILURE ("sticky") while it reconnects in the
      // background, until it is READY. Waiting here would only burn the caller's time; fail now
      // and let the caller's backoff give the reconnect time.
      return Promise.reject(
        new TributaryError("NETWORK_EXCEPTION", `broker ${this.address} is unreachable (the last connection attempt failed; reconnecting in the background)`),
      );
    }
    this.connecting ??= new Promise<void>((resolve, reject) => {
      const { connectionTimeoutMs } = this.options;
      const deadline = Date.now() + connectionTimeoutMs;
      const fail = (why: string, cause?: unknown): void => {
        this.connecting = undefined;
        reject(
          new TributaryError(
            "NETWORK_EXCEPTION",
            `could not connect to broker ${this.address} (${why}); check that it is running and reachable from this host`,
            cause === undefined ? undefined : { cause },
          ),
        );
      };
      const watch = (current: connectivityState): void => {
        channel.watchConnectivityState(current, deadline, (error) => {
          if (error !== undefined) {
            fail(`not ready within connectionTimeoutMs=${connectionTimeoutMs}`, error);
            return;
          }
          const next = channel.getConnectivityState(true);
          if (next === connectivityState.READY) {
            this.connecting = undefined;
            this.markReady();
            resolve();
          } else if (next === connectivityState.TRANSIENT_FAILURE && current === connectivityState.CONNECTING) {
            fail("connection refused or failed");
          } else if (next === connectivityState.SHUTDOWN) {
            fail("connection closed");
          } else {
            watch(next);
          }
        });
      };
      watch(initial);
    });
    return this.connecting;
  }

  private markReady(): void {
    if (this.ready || this.closed) return;
    this.ready = true;
    this.options.logger.debug("connected to broker", { broker: this.address, nodeId: this.nodeIdValue });
    this.observe("connect");
  }

  private closedError(cause?: unknown): TributaryError {
    return new TributaryError("NETWORK_EXCEPTION", `the connection to broker ${this.address} was closed by this client`, cause === undefined ? undefined : { cause });
  }

  private brokerPayload(): { broker: string; nodeId: number; clientId: string } {
    return { broker: this.address, nodeId: this.nodeIdValue, clientId: this.options.clientId };
  }

  private observe(type: "connect" | "disconnect"): void {
    this.options.observer?.(type, this.brokerPayload());
  }

  private observeRequest(apiName: string, startMs: number, error: TributaryError | undefined): void {
    this.options.observer?.("request", {
      ...this.brokerPayload(),
      apiName,
      durationMs: this.options.clock.nowMs() - startMs,
      inFlightRequests: this.pending.size,
      ...(error === undefined ? {} : { errorCode: error.code }),
    });
  }
}
