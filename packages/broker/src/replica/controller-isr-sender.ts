import { errorFromWire } from "@tributary/client/internal/wire";
import { TributaryError } from "@tributary/client/internal/errors";
import type { ControllerChannel } from "../control/controller-channel.js";
import type { IsrChangeRequest, IsrChangeResult, IsrChangeSender } from "./partition-registration.js";

/**
 * ControllerIsrSender sends a leader's ISR proposals to the active controller as AlterPartition
 * requests, with this broker's id and epoch (the controller fences both).
 */
export class ControllerIsrSender implements IsrChangeSender {
  readonly #channel: Pick<ControllerChannel, "call">;
  readonly #brokerId: number;
  readonly #brokerEpoch: () => number;

  constructor(channel: Pick<ControllerChannel, "call">, brokerId: number, brokerEpoch: () => number) {
    this.#channel = channel;
    this.#brokerId = brokerId;
    this.#brokerEpoch = brokerEpoch;
  }

  async send(request: IsrChangeRequest): Promise<IsrChangeResult> {
    try {
      const response = await this.#channel.call(
        "AlterPartition",
        {
          brokerId: this.#brokerId,
          brokerEpoch: String(this.#brokerEpoch()),
          topics: [
            {
              topicId: request.topicId,
              partitions: [
                {
                  partition: request.partition,
                  leaderEpoch: request.leaderEpoch,
                  partitionEpoch: request.partitionEpoch,
                  // The leader's own epoch is this broker's current one.
                  newIsr: request.newIsr.map((member) => ({
                    brokerId: member.brokerId,
                    brokerEpoch: String(member.brokerId === this.#brokerId ? this.#brokerEpoch() : member.brokerEpoch),
                  })),
                },
              ],
            },
          ],
        },
        { timeoutMs: 10_000 },
      );
      const result = response.topics[0]?.partitions[0];
      if (result === undefined) return { ok: false, code: "UNKNOWN_SERVER_ERROR", message: "AlterPartition answered no partition" };
      const error = errorFromWire(result.error);
      if (error !== null) return { ok: false, code: error.code, message: error.message };
      return { ok: true, leader: result.leader, leaderEpoch: result.leaderEpoch, partitionEpoch: result.partitionEpoch, isr: result.isr };
    } catch (error) {
      const typed = TributaryError.from(error);
      return { ok: false, code: typed.code, message: typed.message };
    }
  }
}
