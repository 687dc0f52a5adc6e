import { TributaryError } from "../errors/tributary-error.js";

/** BrokerFailure is why one broker address could not be used. */
export interface BrokerFailure {
  readonly address: string;
  readonly error: TributaryError;
}

/**
 * BrokersUnreachableError says that no broker of a list answered: the client could not
 * bootstrap, or lost every broker it knew. Code NETWORK_EXCEPTION (retriable: the cluster may
 * come back); `failures` holds each address's own error.
 */
export class BrokersUnreachableError extends TributaryError {
  readonly failures: readonly BrokerFailure[];

  constructor(failures: readonly BrokerFailure[]) {
    const detail = failures.map((failure) => `${failure.address}: ${failure.error.message}`).join("; ");
    super(
      "NETWORK_EXCEPTION",
      `could not reach any broker (${detail}); check the brokers list and that the cluster is running`,
      failures[0] === undefined ? undefined : { cause: failures[0].error },
    );
    Object.defineProperty(this, "name", { value: "BrokersUnreachableError" });
    this.failures = failures;
  }
}
