import { assert } from "@tributary/client/internal/assert";
import type {
  BrokerControlledShutdownRecord,
  BrokerEndpoint,
  FenceBrokerRecord,
  MetadataRecord,
  RegisterBrokerRecord,
  UnfenceBrokerRecord,
  UnregisterBrokerRecord,
} from "./records.js";

/**
 * BrokerState is a registered broker's lifecycle state on the controller (KIP-631). Transitions,
 * each made by one record:
 * - (none or any) → fenced: register-broker (a new incarnation starts fenced);
 * - fenced → unfenced: unfence-broker, once the broker has caught up to its registration;
 * - unfenced → controlled-shutdown: broker-controlled-shutdown, after its leaderships moved away;
 * - unfenced | controlled-shutdown → fenced: fence-broker (session expired, asked to, or shut down);
 * - any → (none): unregister-broker.
 * Only an unfenced broker is *active*: it may lead and may join an ISR.
 */
export type BrokerState = "fenced" | "unfenced" | "controlled-shutdown";

/** BrokerRegistration is one registered broker incarnation (Kafka's BrokerRegistration). */
export interface BrokerRegistration {
  readonly brokerId: number;
  readonly incarnationId: string;
  /** brokerEpoch is the metadata offset of the registration: the broker's fencing token. */
  readonly brokerEpoch: number;
  readonly endpoints: readonly BrokerEndpoint[];
  readonly rack: string | null;
  readonly state: BrokerState;
}

/** ClusterView is the read side of the broker registry. */
export interface ClusterView {
  /** broker returns the registration of `brokerId`, if any. */
  broker(brokerId: number): BrokerRegistration | undefined;
  /** brokers lists every registration, by broker id. */
  brokers(): BrokerRegistration[];
  /** isActive tells whether `brokerId` is registered and unfenced: it may lead and join an ISR. */
  isActive(brokerId: number): boolean;
  /** activeBrokers lists the active (unfenced) brokers, by broker id. */
  activeBrokers(): BrokerRegistration[];
}

/** BrokerRecord is a record that ClusterImage replays. */
export type BrokerRecord = RegisterBrokerRecord | FenceBrokerRecord | UnfenceBrokerRecord | BrokerControlledShutdownRecord | UnregisterBrokerRecord;

/**
 * ClusterImage holds the broker registrations. Only {@link ClusterImage.replay} changes it; it is
 * called by MetadataImage, which also checks the invariants that span brokers and partitions.
 */
export class ClusterImage implements ClusterView {
  readonly #brokers = new Map<number, BrokerRegistration>();

  broker(brokerId: number): BrokerRegistration | undefined {
    return this.#brokers.get(brokerId);
  }

  brokers(): BrokerRegistration[] {
    return [...this.#brokers.values()].sort((a, b) => a.brokerId - b.brokerId);
  }

  isActive(brokerId: number): boolean {
    return this.#brokers.get(brokerId)?.state === "unfenced";
  }

  activeBrokers(): BrokerRegistration[] {
    return this.brokers().filter((broker) => broker.state === "unfenced");
  }

  /** replay applies one broker record written at `offset`. */
  replay(record: BrokerRecord, offset: number): void {
    if (record.type === "register-broker") {
      this.#register(record, offset);
      return;
    }
    const current = this.#brokers.get(record.brokerId);
    assert(current !== undefined, `${record.type} for unregistered broker ${record.brokerId}`);
    assert(current.brokerEpoch === record.brokerEpoch, `${record.type} for broker ${record.brokerId} epoch ${record.brokerEpoch}, registered at ${current.brokerEpoch}`);
    switch (record.type) {
      case "fence-broker":
        assert(current.state !== "fenced", `broker ${record.brokerId} fenced twice`);
        this.#brokers.set(record.brokerId, { ...current, state: "fenced" });
        return;
      case "unfence-broker":
        assert(current.state === "fenced", `broker ${record.brokerId} unfenced while ${current.state}`);
        this.#brokers.set(record.brokerId, { ...current, state: "unfenced" });
        return;
      case "broker-controlled-shutdown":
        assert(current.state === "unfenced", `broker ${record.brokerId} entered controlled shutdown while ${current.state}`);
        this.#brokers.set(record.brokerId, { ...current, state: "controlled-shutdown" });
        return;
      case "unregister-broker":
        this.#brokers.delete(record.brokerId);
        return;
    }
  }

  /**
   * toSnapshotRecords restates every registration with its epoch, followed by the record that
   * brings it to its state (unfence, then controlled shutdown).
   */
  toSnapshotRecords(): MetadataRecord[] {
    const records: MetadataRecord[] = [];
    for (const broker of this.brokers()) {
      const { brokerId, brokerEpoch } = broker;
      records.push({
        type: "register-broker",
        brokerId,
        incarnationId: broker.incarnationId,
        endpoints: broker.endpoints.map((e) => ({ ...e })),
        rack: broker.rack,
        brokerEpoch,
      });
      if (broker.state !== "fenced") records.push({ type: "unfence-broker", brokerId, brokerEpoch });
      if (broker.state === "controlled-shutdown") records.push({ type: "broker-controlled-shutdown", brokerId, brokerEpoch });
    }
    return records;
  }

  #register(record: RegisterBrokerRecord, offset: number): void {
    const brokerEpoch = record.brokerEpoch ?? offset;
    assert(brokerEpoch <= offset, `broker ${record.brokerId} epoch ${brokerEpoch} is after its record's offset ${offset}`);
    const previous = this.#brokers.get(record.brokerId);
    // Broker epochs of one id only grow: a stale incarnation can never look current again.
    assert(previous === undefined || previous.brokerEpoch < brokerEpoch, `broker ${record.brokerId} re-registered without a newer epoch`);
    this.#brokers.set(record.brokerId, {
      brokerId: record.brokerId,
      incarnationId: record.incarnationId,
      brokerEpoch,
      endpoints: record.endpoints.map((e) => ({ ...e })),
      rack: record.rack,
      state: "fenced",
    });
  }
}
