import { credentials, type ClientReadableStream } from "@grpc/grpc-js";
import { assert } from "@tributary/client/internal/assert";
import type { QuorumVoter } from "@tributary/client/internal/config";
import type { ControllerClient } from "@tributary/client/internal/generated/tributary/v1/Controller";
import type { MetadataChunk__Output } from "@tributary/client/internal/generated/tributary/v1/MetadataChunk";
import type { StreamMetadataRequest } from "@tributary/client/internal/generated/tributary/v1/StreamMetadataRequest";
import { CHANNEL_OPTIONS, loadProtos, unaryCall } from "@tributary/client/internal/wire";
import type { ControllerMethod, ControllerRequest, ControllerResponse } from "./controller-methods.js";

/**
 * ControllerTransport reaches one named voter: a single attempt of a unary call, or a metadata
 * stream. It does no routing or retrying ({@link ControllerChannel} does); tests replace it.
 */
export interface ControllerTransport {
  /** call makes one attempt; it rejects with a TributaryError (NETWORK_EXCEPTION, REQUEST_TIMED_OUT, or what the voter answered). */
  call<M extends ControllerMethod>(voterId: number, method: M, request: ControllerRequest<M>, timeoutMs: number): Promise<ControllerResponse<M>>;
  /** streamMetadata opens StreamMetadata on one voter. */
  streamMetadata(voterId: number, request: StreamMetadataRequest): ClientReadableStream<MetadataChunk__Output>;
  /** close closes every connection; nothing may be called afterwards. */
  close(): void;
}

// unaryCall infers request and response types from a literal method name; with a generic name the
// inference does not reduce, so the typed signature is restored by ControllerUnaryMethods instead.
type UntypedUnaryCall = (client: ControllerClient, method: string, request: unknown, timeoutMs: number) => Promise<unknown>;

/**
 * GrpcControllerTransport keeps one gRPC client per voter, created up front (grpc-js connects
 * lazily and reconnects by itself) and closed together.
 */
export class GrpcControllerTransport implements ControllerTransport {
  readonly #clients = new Map<number, ControllerClient>();
  #closed = false;

  constructor(voters: readonly QuorumVoter[]) {
    const { proto } = loadProtos();
    for (const voter of voters) {
      this.#clients.set(voter.nodeId, new proto.tributary.v1.Controller(`${voter.host}:${voter.port}`, credentials.createInsecure(), CHANNEL_OPTIONS));
    }
  }

  call<M extends ControllerMethod>(voterId: number, method: M, request: ControllerRequest<M>, timeoutMs: number): Promise<ControllerResponse<M>> {
    return (unaryCall as unknown as UntypedUnaryCall)(this.#client(voterId), method, request, timeoutMs) as Promise<ControllerResponse<M>>;
  }

  streamMetadata(voterId: number, request: StreamMetadataRequest): ClientReadableStream<MetadataChunk__Output> {
    return this.#client(voterId).StreamMetadata(request);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const client of this.#clients.values()) client.close();
  }

  #client(voterId: number): ControllerClient {
    assert(!this.#closed, "controller transport used after close");
    const client = this.#clients.get(voterId);
    assert(client !== undefined, `voter ${voterId} is not configured`);
    return client;
  }
}
