import { TributaryError } from "../errors/tributary-error.js";

/**
 * BufferExhaustedError: send() waited maxBlockMs for room in the producer's buffer and got none.
 * Records are produced faster than the cluster acknowledges them. Code RESOURCE_LIMIT_EXCEEDED
 * (retriable: sending again later may succeed). Nothing of the refused message was buffered.
 */
export class BufferExhaustedError extends TributaryError {
  constructor(bufferMemoryBytes: number, maxBlockMs: number) {
    super(
      "RESOURCE_LIMIT_EXCEEDED",
      `the producer's buffer (bufferMemoryBytes=${bufferMemoryBytes}) stayed full for maxBlockMs=${maxBlockMs}: records arrive faster than the cluster ` +
        "acknowledges them; slow down, or raise bufferMemoryBytes or maxBlockMs",
    );
    Object.defineProperty(this, "name", { value: "BufferExhaustedError" });
  }
}

/**
 * ProducerDisconnectedError: the producer is not connected, or disconnect() gave up on a record
 * after disconnectTimeoutMs. `outcomeUnknown` is true when the record may have been written
 * (it was in flight). Code SHUTTING_DOWN, not retriable on this producer: connect one first.
 */
export class ProducerDisconnectedError extends TributaryError {
  readonly outcomeUnknown: boolean;

  constructor(message: string, outcomeUnknown = false) {
    super("SHUTTING_DOWN", message);
    Object.defineProperty(this, "name", { value: "ProducerDisconnectedError" });
    this.outcomeUnknown = outcomeUnknown;
  }

  /** retriable is false: this producer will not send it; a connected one may. */
  override get retriable(): boolean {
    return false;
  }

  /** refreshMetadata is false: nothing is wrong with the cluster. */
  override get refreshMetadata(): boolean {
    return false;
  }
}
