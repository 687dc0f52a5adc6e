import { TributaryError } from "@tributary/client/internal/errors";
import { resultOf, type ControllerResult } from "./controller-result.js";
import { INT64_MAX } from "./json-fields.js";
import type { MetadataImage } from "./metadata-image.js";
import type { MetadataControlOptions } from "./metadata-options.js";

/** AllocateProducerIdsRequest asks for a block of producer ids for one broker (KIP-730). */
export interface AllocateProducerIdsRequest {
  readonly brokerId: number;
  readonly brokerEpoch: number;
}

/** ProducerIdBlock is a block of ids: firstProducerId up to firstProducerId + count - 1. */
export interface ProducerIdBlock {
  readonly firstProducerId: bigint;
  readonly count: number;
}

/**
 * ProducerIdControl hands out producer ids in blocks (Kafka's ProducerIdControlManager, KIP-730), so
 * brokers assign ids to idempotent producers without a controller round trip each. The block is in
 * the log before the broker uses it, so no id is handed out twice across failovers.
 */
export class ProducerIdControl {
  readonly #image: MetadataImage;
  readonly #options: MetadataControlOptions;

  constructor(image: MetadataImage, options: MetadataControlOptions) {
    this.#image = image;
    this.#options = options;
  }

  /**
   * allocateProducerIds hands out the next block. Errors: BROKER_ID_NOT_REGISTERED,
   * STALE_BROKER_EPOCH, UNKNOWN_SERVER_ERROR when the 64-bit id space is exhausted.
   */
  allocateProducerIds(request: AllocateProducerIdsRequest): ControllerResult<ProducerIdBlock> {
    const broker = this.#image.cluster.broker(request.brokerId);
    if (broker === undefined) throw new TributaryError("BROKER_ID_NOT_REGISTERED", `broker ${request.brokerId} is not registered`);
    if (broker.brokerEpoch !== request.brokerEpoch) {
      throw new TributaryError("STALE_BROKER_EPOCH", `broker ${request.brokerId} epoch ${request.brokerEpoch} is not ${broker.brokerEpoch}`);
    }
    const count = this.#options.producerIdBlockSize;
    const firstProducerId = this.#image.producerIds.nextProducerId;
    const nextProducerId = firstProducerId + BigInt(count);
    if (nextProducerId > INT64_MAX) throw new TributaryError("UNKNOWN_SERVER_ERROR", "every producer id has been handed out");
    return resultOf([{ type: "producer-ids", brokerId: broker.brokerId, brokerEpoch: broker.brokerEpoch, nextProducerId }], { firstProducerId, count });
  }
}
