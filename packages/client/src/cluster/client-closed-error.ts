import { TributaryError } from "../errors/tributary-error.js";

/**
 * ClientClosedError: the producer or admin client was disconnected while this request was
 * waiting or retrying. Code SHUTTING_DOWN, not retriable on this client: connect it again first.
 */
export class ClientClosedError extends TributaryError {
  constructor(message = "the client was disconnected; connect it again before making requests") {
    super("SHUTTING_DOWN", message);
    Object.defineProperty(this, "name", { value: "ClientClosedError" });
  }

  /** retriable is false: this client will not retry until it is connected again. */
  override get retriable(): boolean {
    return false;
  }

  /** refreshMetadata is false: nothing is wrong with the cluster. */
  override get refreshMetadata(): boolean {
    return false;
  }
}
