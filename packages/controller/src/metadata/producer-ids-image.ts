import { assert } from "@tributary/client/internal/assert";
import type { ProducerIdsRecord } from "./records.js";

/** ProducerIdsView is the read side of producer-id allocation. */
export interface ProducerIdsView {
  /** nextProducerId is the first id not yet handed out. */
  readonly nextProducerId: bigint;
  /** lastBlock names who got the most recent block, or null before the first. */
  readonly lastBlock: { readonly brokerId: number; readonly brokerEpoch: number } | null;
}

/**
 * ProducerIdsImage tracks the high-water mark of handed-out producer ids (Kafka's
 * ProducerIdControlManager, KIP-730). Invariant: nextProducerId only grows, so no id is handed out
 * twice, even across controller failover.
 */
export class ProducerIdsImage implements ProducerIdsView {
  #nextProducerId = 0n;
  #lastBlock: { readonly brokerId: number; readonly brokerEpoch: number } | null = null;

  get nextProducerId(): bigint {
    return this.#nextProducerId;
  }

  get lastBlock(): { readonly brokerId: number; readonly brokerEpoch: number } | null {
    return this.#lastBlock;
  }

  /** replay records that ids below `record.nextProducerId` are handed out. */
  replay(record: ProducerIdsRecord): void {
    assert(record.nextProducerId > this.#nextProducerId, `producer ids went from ${this.#nextProducerId} to ${record.nextProducerId}`);
    this.#nextProducerId = record.nextProducerId;
    this.#lastBlock = { brokerId: record.brokerId, brokerEpoch: record.brokerEpoch };
  }

  /** toSnapshotRecords restates the last block, if any was handed out. */
  toSnapshotRecords(): ProducerIdsRecord[] {
    if (this.#lastBlock === null) return [];
    return [{ type: "producer-ids", ...this.#lastBlock, nextProducerId: this.#nextProducerId }];
  }
}
