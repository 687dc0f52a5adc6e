import { credentials, type sendUnaryData, type ServerUnaryCall, type ServiceError } from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, errorToWire, loadProtos, NO_ERROR } from "@tributary/client/internal/wire";
import { TributaryError } from "@tributary/client/internal/errors";
import type { DeliverRequest__Output } from "@tributary/client/internal/generated/tributary/v1/DeliverRequest";
import type { DeliverResponse } from "@tributary/client/internal/generated/tributary/v1/DeliverResponse";
import type { RaftClient, RaftHandlers } from "@tributary/client/internal/generated/tributary/v1/Raft";
import type { Message } from "../raft/message.js";
import type { NodeId } from "../raft/node-id.js";
import { raftMessageFromWire, raftMessageToWire } from "./raft-wire.js";

/** RaftTransportOptions configures a {@link RaftTransport}. */
export interface RaftTransportOptions {
  readonly clusterId: string;
  readonly nodeId: NodeId;
  /** Every other voter's host:port. */
  readonly peers: ReadonlyMap<NodeId, string>;
  /** Called for every well-formed message addressed to this node. */
  readonly onMessage: (message: Message) => void;
  /** How long one Deliver call may take before its messages count as lost. */
  readonly deliverTimeoutMs?: number;
  /** Messages queued for one peer beyond which new ones are dropped (Raft retries them). */
  readonly queuedMessagesMax?: number;
  /** Called when a peer cannot be reached, for logging. */
  readonly onPeerError?: (peer: NodeId, error: ServiceError) => void;
}

interface Peer {
  readonly client: RaftClient;
  queue: Message[];
  inFlight: boolean;
}

/**
 * RaftTransport moves Raft messages between controllers over gRPC, with the semantics Raft
 * assumes of a network: messages may be lost, never invented. Per peer, at most one Deliver call
 * is in flight; messages produced meanwhile queue (bounded) and leave together in the next call,
 * which keeps their order and batches them under load.
 */
export class RaftTransport {
  readonly #options: RaftTransportOptions;
  readonly #peers = new Map<NodeId, Peer>();
  #closed = false;

  constructor(options: RaftTransportOptions) {
    this.#options = options;
    const { proto } = loadProtos();
    for (const [id, address] of options.peers) {
      const client = new proto.tributary.v1.Raft(address, credentials.createInsecure(), CHANNEL_OPTIONS);
      this.#peers.set(id, { client, queue: [], inFlight: false });
    }
  }

  /** send queues messages for delivery; messages to unknown nodes are dropped. */
  send(messages: readonly Message[]): void {
    if (this.#closed) return;
    const limit = this.#options.queuedMessagesMax ?? 4096;
    const touched = new Set<Peer>();
    for (const message of messages) {
      const peer = this.#peers.get(message.to);
      if (peer === undefined || peer.queue.length >= limit) continue;
      peer.queue.push(message);
      touched.add(peer);
    }
    for (const peer of touched) this.#flush(peer);
  }

  #flush(peer: Peer): void {
    if (peer.inFlight || peer.queue.length === 0 || this.#closed) return;
    const batch = peer.queue;
    peer.queue = [];
    peer.inFlight = true;
    const to = batch[0]!.to;
    peer.client.Deliver(
      { clusterId: this.#options.clusterId, fromNodeId: this.#options.nodeId, toNodeId: to, messages: batch.map(raftMessageToWire) },
      { deadline: Date.now() + (this.#options.deliverTimeoutMs ?? 2_000) },
      (error) => {
        peer.inFlight = false;
        if (error) this.#options.onPeerError?.(to, error);
        this.#flush(peer);
      },
    );
  }

  /** handlers returns the Raft service implementation that feeds incoming messages to `onMessage`. */
  handlers(): RaftHandlers {
    return {
      Deliver: (call: ServerUnaryCall<DeliverRequest__Output, DeliverResponse>, callback: sendUnaryData<DeliverResponse>) => {
        const request = call.request;
        if (request.clusterId !== this.#options.clusterId) {
          callback(null, {
            error: errorToWire(new TributaryError("INCONSISTENT_CLUSTER_ID", `this controller belongs to cluster ${this.#options.clusterId}`)),
          });
          return;
        }
        for (const wire of request.messages) {
          let message: Message;
          try {
            message = raftMessageFromWire(wire);
          } catch {
            continue; // A garbled message is a lost message to Raft.
          }
          if (message.to === this.#options.nodeId && this.#peers.has(message.from)) this.#options.onMessage(message);
        }
        callback(null, { error: NO_ERROR });
      },
    };
  }

  /** close stops sending and closes every peer channel. */
  close(): void {
    this.#closed = true;
    for (const peer of this.#peers.values()) peer.client.close();
  }
}
