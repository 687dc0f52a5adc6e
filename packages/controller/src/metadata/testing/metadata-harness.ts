import { assert } from "@tributary/client/internal/assert";
import type { BrokerHeartbeatReply, BrokerHeartbeatRequest } from "../cluster-control.js";
import type { ControllerResult } from "../controller-result.js";
import { createMetadataControl, type MetadataControl } from "../metadata-control.js";
import type { MetadataImage } from "../metadata-image.js";
import type { MetadataControlOptions } from "../metadata-options.js";
import { decodeMetadataRecord, encodeMetadataRecord } from "../record-codec.js";
import type { MetadataRecord } from "../records.js";

/**
 * MetadataHarness plays the driver in tests: it runs manager calls one at a time, commits their
 * records as one batch at the next offset (through the codec, as brokers will read them) and
 * replays them. Time is a plain number the test advances.
 */
export class MetadataHarness {
  readonly control: MetadataControl;
  /** nowMs is the harness clock; tests advance it. */
  nowMs = 1_000_000;
  #nextOffset = 1;
  #topicIds = 0;
  #incarnations = 0;

  constructor(params: { sessionTimeoutMs?: number; options?: Partial<MetadataControlOptions> } = {}) {
    this.control = createMetadataControl({
      sessionTimeoutMs: params.sessionTimeoutMs ?? 9_000,
      newTopicId: () => `topic-${++this.#topicIds}`,
      ...(params.options === undefined ? {} : { options: params.options }),
    });
  }

  /** image is the image the managers read. */
  get image(): MetadataImage {
    return this.control.image;
  }

  /** commit appends `records` as one batch and replays it; returns the batch offset (the image offset if empty). */
  commit(records: readonly MetadataRecord[]): number {
    if (records.length === 0) return this.image.offset;
    const offset = this.#nextOffset++;
    for (const record of records) this.image.replay(decodeMetadataRecord(encodeMetadataRecord(record)), offset);
    return offset;
  }

  /** run commits a result's records and returns its response. */
  run<R>(result: ControllerResult<R>): R {
    this.commit(result.records);
    return result.response;
  }

  /** register registers a broker with a new incarnation and returns its epoch. */
  register(brokerId: number, rack: string | null = null, incarnationId = `inc-${++this.#incarnations}`): number {
    const result = this.control.cluster.registerBroker(
      { brokerId, incarnationId, endpoints: [{ listener: "PLAINTEXT", host: `broker${brokerId}`, port: 9092 }], rack },
      this.nowMs,
    );
    return result.response(this.commit(result.records)).brokerEpoch;
  }

  /** heartbeat sends a heartbeat from a registered broker; it reports the image offset unless told otherwise. */
  heartbeat(brokerId: number, fields: Partial<Omit<BrokerHeartbeatRequest, "brokerId">> = {}): BrokerHeartbeatReply {
    const broker = this.image.cluster.broker(brokerId);
    assert(broker !== undefined, `broker ${brokerId} is not registered`);
    return this.run(
      this.control.cluster.heartbeat(
        {
          brokerId,
          brokerEpoch: fields.brokerEpoch ?? broker.brokerEpoch,
          currentMetadataOffset: fields.currentMetadataOffset ?? this.image.offset,
          wantFence: fields.wantFence ?? false,
          wantShutDown: fields.wantShutDown ?? false,
        },
        this.nowMs,
      ),
    );
  }

  /** startBroker registers a broker and heartbeats it until it is unfenced; returns its epoch. */
  startBroker(brokerId: number, rack: string | null = null): number {
    const brokerEpoch = this.register(brokerId, rack);
    const reply = this.heartbeat(brokerId);
    assert(!reply.isFenced, `broker ${brokerId} stayed fenced`);
    return brokerEpoch;
  }

  /** createTopic creates one topic and returns its id, failing the test if it is refused. */
  createTopic(name: string, numPartitions: number, replicationFactor: number, configs: Record<string, string> = {}): string {
    const [result] = this.run(this.control.topics.createTopics([{ name, numPartitions, replicationFactor, configs }]));
    assert(result !== undefined && result.error === null && result.topicId !== null, `topic ${name} was refused: ${result?.error?.message}`);
    return result.topicId;
  }
}
