import { TributaryError } from "@tributary/client/internal/errors";
import { errorFromWire } from "@tributary/client/internal/wire";
import type { ControllerChannel } from "../control/controller-channel.js";

const PRODUCER_EPOCH_MAX = 32_767;

/**
 * ProducerIdManager hands idempotent producers their ids from blocks the controller allocates to
 * this broker (KIP-730): ids are unique across the cluster because every block is in the metadata
 * log before it is used. One block request is in flight at a time; callers queue behind it.
 */
export class ProducerIdManager {
  readonly #channel: Pick<ControllerChannel, "call">;
  readonly #brokerId: number;
  readonly #brokerEpoch: () => number;
  #next = 0n;
  #end = 0n;
  #refill: Promise<void> | undefined;

  constructor(channel: Pick<ControllerChannel, "call">, brokerId: number, brokerEpoch: () => number) {
    this.#channel = channel;
    this.#brokerId = brokerId;
    this.#brokerEpoch = brokerEpoch;
  }

  /**
   * initProducerId returns a new producer id with epoch 0, or, for a producer that presents its
   * id and epoch, the same id with the next epoch (fencing its older incarnation, KIP-360).
   */
  async initProducerId(existingId: bigint, existingEpoch: number): Promise<{ producerId: bigint; producerEpoch: number }> {
    if (existingId >= 0n && existingEpoch >= 0 && existingEpoch < PRODUCER_EPOCH_MAX) return { producerId: existingId, producerEpoch: existingEpoch + 1 };
    for (;;) {
      if (this.#next < this.#end) return { producerId: this.#next++, producerEpoch: 0 };
      this.#refill ??= this.#fetchBlock().finally(() => (this.#refill = undefined));
      await this.#refill;
    }
  }

  async #fetchBlock(): Promise<void> {
    const response = await this.#channel.call("AllocateProducerIds", { brokerId: this.#brokerId, brokerEpoch: String(this.#brokerEpoch()) }, { timeoutMs: 10_000 });
    const error = errorFromWire(response.error);
    if (error !== null) throw error;
    const first = BigInt(response.firstProducerId);
    if (response.count <= 0) throw new TributaryError("UNKNOWN_SERVER_ERROR", "the controller allocated an empty producer id block");
    this.#next = first;
    this.#end = first + BigInt(response.count);
  }
}
