import type { ErrorName } from "../errors/error-codes.js";

/** BrokerEventPayload names the broker a network event is about. */
export interface BrokerEventPayload {
  /** broker is the address, host:port. */
  readonly broker: string;
  /** nodeId is the broker's id, or -1 for a bootstrap address not yet matched to a node. */
  readonly nodeId: number;
  readonly clientId: string;
}

/** RequestEventPayload describes one completed RPC, successful or not. */
export interface RequestEventPayload extends BrokerEventPayload {
  /** apiName is the RPC, e.g. "Produce". */
  readonly apiName: string;
  /** durationMs is from the call's start to its answer, connection set-up included. */
  readonly durationMs: number;
  /** errorCode is set when the RPC as a whole failed; per-item errors are not counted here. */
  readonly errorCode?: ErrorName;
  /** inFlightRequests is how many RPCs to this broker were still running when this one ended. */
  readonly inFlightRequests: number;
}

/** RequestTimeoutEventPayload describes an RPC that hit its deadline. */
export interface RequestTimeoutEventPayload extends BrokerEventPayload {
  readonly apiName: string;
  readonly requestTimeoutMs: number;
}

/**
 * NetworkEvents are the events of the connection layer, before the API layer prefixes them with
 * "producer." or "admin.": a connection became ready, was closed, an RPC ended, an RPC timed out.
 */
export interface NetworkEvents {
  readonly connect: BrokerEventPayload;
  readonly disconnect: BrokerEventPayload;
  readonly request: RequestEventPayload;
  readonly request_timeout: RequestTimeoutEventPayload;
}

/** NetworkObserver receives network events; the API layer forwards them to its emitter. */
export type NetworkObserver = <K extends keyof NetworkEvents>(type: K, payload: NetworkEvents[K]) => void;
