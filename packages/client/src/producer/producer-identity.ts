import type { Cluster } from "../cluster/cluster.js";
import type { TributaryError } from "../errors/tributary-error.js";
import { errorFromWire } from "../wire/wire-errors.js";

/**
 * ProducerIdentity is an idempotent producer's id and epoch, and the epoch-bump protocol of
 * KIP-360: a partition whose sequence can no longer continue (a batch failed for good, or the
 * broker lost the producer's state) requests a bump; the sender performs it once nothing is in
 * flight, and every partition's sequences restart at 0 under the new epoch.
 */
export class ProducerIdentity {
  readonly idempotent: boolean;
  producerId = -1n;
  producerEpoch = -1;
  /** bumpReason is set while an epoch bump is wanted and not yet done. */
  bumpReason: string | undefined;
  /** bumping is true while the InitProducerId of a bump is in flight. */
  bumping = false;
  /** fatal is set once the producer can no longer send (fenced, or a bump failed). */
  fatal: TributaryError | undefined;

  constructor(idempotent: boolean) {
    this.idempotent = idempotent;
  }

  /** hasId tells whether stamping sequences is possible. */
  get hasId(): boolean {
    return !this.idempotent || this.producerId >= 0n;
  }

  /** requestBump asks for a new epoch; the first reason is kept for the event. */
  requestBump(reason: string): void {
    this.bumpReason ??= reason;
  }

  /** init gets a fresh producer id and epoch 0 (InitProducerId with -1/-1). */
  async init(cluster: Cluster): Promise<void> {
    const identity = await initProducerId(cluster, -1n, -1);
    this.producerId = identity.producerId;
    this.producerEpoch = identity.producerEpoch;
  }

  /** bump asks for the next epoch of the current id (the broker may hand out a new id instead). */
  async bump(cluster: Cluster): Promise<void> {
    const identity = await initProducerId(cluster, this.producerId, this.producerEpoch);
    this.producerId = identity.producerId;
    this.producerEpoch = identity.producerEpoch;
    this.bumpReason = undefined;
  }
}

async function initProducerId(cluster: Cluster, producerId: bigint, producerEpoch: number): Promise<{ producerId: bigint; producerEpoch: number }> {
  return cluster.retrier.run(
    async ({ attempt }) => {
      const response = await cluster.anyConnection(attempt).initProducerId({ producerId: String(producerId), producerEpoch, transactionTimeoutMs: 0 });
      const error = errorFromWire(response.error);
      if (error !== null) throw error;
      return { producerId: BigInt(response.producerId), producerEpoch: response.producerEpoch };
    },
    { operation: "InitProducerId" },
  );
}
