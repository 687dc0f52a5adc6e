import { TributaryError } from "@tributary/client/internal/errors";
import type { BrokerRegistration } from "./cluster-image.js";
import { resultOf, type AtOffset, type ControllerResult } from "./controller-result.js";
import type { HeartbeatTracker } from "./heartbeat-tracker.js";
import type { MetadataImage } from "./metadata-image.js";
import { metadataRecordProblem } from "./record-codec.js";
import type { BrokerEndpoint, MetadataRecord, RegisterBrokerRecord } from "./records.js";
import type { ReplicationControl } from "./replication-control.js";

/** RegisterBrokerRequest registers one start of a broker process (KIP-631 BrokerRegistration). */
export interface RegisterBrokerRequest {
  readonly brokerId: number;
  /** incarnationId is fresh for every start of the broker process. */
  readonly incarnationId: string;
  readonly endpoints: readonly BrokerEndpoint[];
  readonly rack: string | null;
}

/** BrokerRegistrationReply carries the broker's epoch: the offset of its registration. */
export interface BrokerRegistrationReply {
  readonly brokerEpoch: number;
}

/** BrokerHeartbeatRequest is a broker's periodic heartbeat (KIP-631 BrokerHeartbeat). */
export interface BrokerHeartbeatRequest {
  readonly brokerId: number;
  readonly brokerEpoch: number;
  /** currentMetadataOffset is the offset of the last metadata batch the broker has applied. */
  readonly currentMetadataOffset: number;
  readonly wantFence: boolean;
  readonly wantShutDown: boolean;
}

/** BrokerHeartbeatReply tells a broker where it stands once the heartbeat's records have committed. */
export interface BrokerHeartbeatReply {
  /** isCaughtUp: the broker has applied its own registration. */
  readonly isCaughtUp: boolean;
  readonly isFenced: boolean;
  /** shouldShutDown: a controlled shutdown is complete and the process may stop. */
  readonly shouldShutDown: boolean;
}

/**
 * ClusterControl runs the broker lifecycle (Kafka's ClusterControlManager with the broker-state part
 * of BrokerHeartbeatManager): registration, heartbeats that unfence or shut a broker down, session
 * expiry and unregistration. It reads the image and returns records; it also keeps heartbeat times
 * in the {@link HeartbeatTracker}, which is soft state outside the log.
 *
 * Broker epoch: a registration's epoch is the offset of the batch that commits it, which only the
 * driver learns (it is the Raft index of the entry). So `registerBroker` answers with an
 * {@link AtOffset} function: the driver calls it with the committed batch offset.
 */
export class ClusterControl {
  readonly #image: MetadataImage;
  readonly #heartbeats: HeartbeatTracker;
  readonly #replication: ReplicationControl;

  constructor(image: MetadataImage, heartbeats: HeartbeatTracker, replication: ReplicationControl) {
    this.#image = image;
    this.#heartbeats = heartbeats;
    this.#replication = replication;
  }

  /**
   * registerBroker registers a broker incarnation. The same incarnation registering again (a retry
   * whose reply was lost) writes nothing and gets its existing epoch. A new incarnation replaces the
   * old one only once the old one's session has ended (fenced, or silent past the session timeout);
   * otherwise DUPLICATE_BROKER_REGISTRATION, so two processes with one id cannot both be live. The
   * replaced incarnation's leaderships and ISR seats are released in the same batch. Malformed
   * fields are INVALID_REQUEST.
   */
  registerBroker(request: RegisterBrokerRequest, nowMs: number): ControllerResult<AtOffset<BrokerRegistrationReply>> {
    const record: RegisterBrokerRecord = {
      type: "register-broker",
      brokerId: request.brokerId,
      incarnationId: request.incarnationId,
      endpoints: request.endpoints.map((e) => ({ listener: e.listener, host: e.host, port: e.port })),
      rack: request.rack,
      brokerEpoch: null,
    };
    const problem = metadataRecordProblem(record);
    if (problem !== null) throw new TributaryError("INVALID_REQUEST", `broker registration: ${problem}`);
    const existing = this.#image.cluster.broker(request.brokerId);
    if (existing?.incarnationId === request.incarnationId) {
      if (!sameRegistration(existing, record)) {
        throw new TributaryError("INVALID_REQUEST", `broker ${request.brokerId} re-registered the same incarnation with other endpoints or rack`);
      }
      const brokerEpoch = existing.brokerEpoch;
      return resultOf([], () => ({ brokerEpoch }));
    }
    const records: MetadataRecord[] = [];
    if (existing !== undefined && existing.state !== "fenced") {
      if (this.#heartbeats.hasLiveSession(existing.brokerId, nowMs)) {
        throw new TributaryError("DUPLICATE_BROKER_REGISTRATION", `broker ${request.brokerId} is registered by a live incarnation ${existing.incarnationId}`);
      }
      records.push(...this.#replication.inactiveBrokerChanges(new Set([existing.brokerId])));
    }
    records.push(record);
    this.#heartbeats.register(request.brokerId, nowMs);
    return resultOf(records, (batchOffset) => ({ brokerEpoch: batchOffset }));
  }

  /**
   * heartbeat keeps a broker's session and moves it through its states (Kafka's
   * BrokerHeartbeatManager.calculateNextBrokerState):
   * - fenced: unfenced once it has applied its own registration (currentMetadataOffset ≥ epoch),
   *   unless it wants to stay fenced or shut down (a fenced broker may stop at once);
   * - unfenced: fenced on request; on wantShutDown it stops at once if it leads nothing, otherwise
   *   its leaderships and ISR seats move away and it enters controlled shutdown;
   * - controlled shutdown: it is told to stop, and fenced, once it leads nothing and every active
   *   broker has applied the batch that moved its leaderships (so the new leaders know).
   * Errors: BROKER_ID_NOT_REGISTERED, STALE_BROKER_EPOCH (the broker must re-register).
   */
  heartbeat(request: BrokerHeartbeatRequest, nowMs: number): ControllerResult<BrokerHeartbeatReply> {
    const broker = this.#image.cluster.broker(request.brokerId);
    if (broker === undefined) throw new TributaryError("BROKER_ID_NOT_REGISTERED", `broker ${request.brokerId} is not registered`);
    if (broker.brokerEpoch !== request.brokerEpoch) {
      throw new TributaryError("STALE_BROKER_EPOCH", `broker ${request.brokerId} epoch ${request.brokerEpoch} is not ${broker.brokerEpoch}`);
    }
    this.#heartbeats.touch(broker.brokerId, nowMs, request.currentMetadataOffset);
    const isCaughtUp = request.currentMetadataOffset >= broker.brokerEpoch;
    const reply = (isFenced: boolean, shouldShutDown: boolean): BrokerHeartbeatReply => ({ isCaughtUp, isFenced, shouldShutDown });
    switch (broker.state) {
      case "fenced":
        if (request.wantShutDown) return resultOf([], reply(true, true));
        if (request.wantFence || !isCaughtUp) return resultOf([], reply(true, false));
        return resultOf(
          [{ type: "unfence-broker", brokerId: broker.brokerId, brokerEpoch: broker.brokerEpoch }, ...this.#replication.unfencedBrokerChanges(broker.brokerId)],
          reply(false, false),
        );
      case "unfenced":
        if (request.wantFence || (request.wantShutDown && !this.#replication.leadsAnything(broker.brokerId))) {
          return resultOf(this.#fence([broker]), reply(true, request.wantShutDown));
        }
        if (request.wantShutDown) {
          const records = [
            ...this.#replication.inactiveBrokerChanges(new Set([broker.brokerId])),
            { type: "broker-controlled-shutdown", brokerId: broker.brokerId, brokerEpoch: broker.brokerEpoch } as const,
          ];
          return resultOf(records, reply(false, false));
        }
        return resultOf([], reply(false, false));
      case "controlled-shutdown": {
        if (request.wantFence) return resultOf(this.#fence([broker]), reply(true, true));
        const shutdownOffset = this.#heartbeats.controlledShutdownOffset(broker.brokerId, this.#image.offset, nowMs);
        if (!this.#replication.leadsAnything(broker.brokerId) && shutdownOffset <= this.#lowestActiveOffset()) {
          return resultOf(this.#fence([broker]), reply(true, true));
        }
        return resultOf([], reply(false, false));
      }
    }
  }

  /**
   * checkSessions fences every unfenced or shutting-down broker whose session expired, in one batch:
   * first the changes that take them out of ISRs and elect new leaders without them, then the fence
   * records (Kafka's handleBrokerFenced, KIP-631). The driver calls it periodically.
   */
  checkSessions(nowMs: number): ControllerResult<{ readonly fencedBrokerIds: readonly number[] }> {
    const brokers = this.#image.cluster.brokers();
    this.#heartbeats.forgetExcept(new Set(brokers.map((b) => b.brokerId)));
    const expired = brokers.filter((b) => b.state !== "fenced" && !this.#heartbeats.hasLiveSession(b.brokerId, nowMs));
    return resultOf(this.#fence(expired), { fencedBrokerIds: expired.map((b) => b.brokerId) });
  }

  /**
   * unregisterBroker removes a broker's registration (decommissioning), after releasing its
   * leaderships and ISR seats. Error: BROKER_ID_NOT_REGISTERED.
   */
  unregisterBroker(brokerId: number): ControllerResult<null> {
    const broker = this.#image.cluster.broker(brokerId);
    if (broker === undefined) throw new TributaryError("BROKER_ID_NOT_REGISTERED", `broker ${brokerId} is not registered`);
    return resultOf(
      [...this.#replication.inactiveBrokerChanges(new Set([brokerId])), { type: "unregister-broker", brokerId, brokerEpoch: broker.brokerEpoch }],
      null,
    );
  }

  /** #fence builds the batch that fences `brokers`: partition changes first, so replay never sees a fenced leader. */
  #fence(brokers: readonly BrokerRegistration[]): MetadataRecord[] {
    if (brokers.length === 0) return [];
    return [
      ...this.#replication.inactiveBrokerChanges(new Set(brokers.map((b) => b.brokerId))),
      ...brokers.map((b): MetadataRecord => ({ type: "fence-broker", brokerId: b.brokerId, brokerEpoch: b.brokerEpoch })),
    ];
  }

  /** #lowestActiveOffset is the lowest metadata offset reported by a broker that is unfenced or shutting down. */
  #lowestActiveOffset(): number {
    let lowest = Number.MAX_SAFE_INTEGER;
    for (const broker of this.#image.cluster.brokers()) {
      if (broker.state !== "fenced") lowest = Math.min(lowest, this.#heartbeats.metadataOffset(broker.brokerId));
    }
    return lowest;
  }
}

function sameRegistration(existing: BrokerRegistration, record: RegisterBrokerRecord): boolean {
  return (
    existing.rack === record.rack &&
    existing.endpoints.length === record.endpoints.length &&
    existing.endpoints.every((e, i) => {
      const other = record.endpoints[i];
      return other !== undefined && e.listener === other.listener && e.host === other.host && e.port === other.port;
    })
  );
}
