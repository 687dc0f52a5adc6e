import { assert } from "@tributary/client/internal/assert";

/** BrokerSession is what the active controller remembers of one broker's heartbeats. */
interface BrokerSession {
  lastContactMs: number;
  /** metadataOffset is the last offset the broker reported having applied; -1 before any. */
  metadataOffset: number;
  /** controlledShutdownOffset is the image offset once its leaderships had moved; null when not shutting down. */
  controlledShutdownOffset: number | null;
}

/**
 * HeartbeatTracker keeps broker sessions (Kafka's BrokerHeartbeatManager). It is soft state: not in
 * the metadata log, held only by the active controller, rebuilt from heartbeats after a failover.
 * A broker it has never heard from gets a full session from the first time it is asked about, as
 * Kafka gives every broker a fresh session when a controller becomes active. No clock of its own:
 * every call takes `nowMs` from the driver's monotonic clock.
 */
export class HeartbeatTracker {
  /** sessionTimeoutMs is broker.session.timeout.ms: silence longer than this fences a broker. */
  readonly sessionTimeoutMs: number;
  readonly #sessions = new Map<number, BrokerSession>();

  constructor(sessionTimeoutMs: number) {
    assert(Number.isSafeInteger(sessionTimeoutMs) && sessionTimeoutMs > 0, `session timeout ${sessionTimeoutMs} ms`);
    this.sessionTimeoutMs = sessionTimeoutMs;
  }

  /** register starts a new incarnation's session, forgetting the previous incarnation's. */
  register(brokerId: number, nowMs: number): void {
    this.#sessions.set(brokerId, { lastContactMs: nowMs, metadataOffset: -1, controlledShutdownOffset: null });
  }

  /** touch records a heartbeat and the metadata offset it reported. */
  touch(brokerId: number, nowMs: number, metadataOffset: number): void {
    const session = this.#session(brokerId, nowMs);
    session.lastContactMs = Math.max(session.lastContactMs, nowMs);
    session.metadataOffset = Math.max(session.metadataOffset, metadataOffset);
  }

  /** hasLiveSession tells whether `brokerId` heartbeated within the session timeout. */
  hasLiveSession(brokerId: number, nowMs: number): boolean {
    return nowMs - this.#session(brokerId, nowMs).lastContactMs <= this.sessionTimeoutMs;
  }

  /** metadataOffset is the last offset `brokerId` reported having applied, -1 if none. */
  metadataOffset(brokerId: number): number {
    return this.#sessions.get(brokerId)?.metadataOffset ?? -1;
  }

  /**
   * controlledShutdownOffset returns the offset other brokers must reach before `brokerId` may stop,
   * setting it to `imageOffset` the first time it is asked: by then the records moving its
   * leaderships away are in the image, so brokers that reached that offset know their new roles.
   */
  controlledShutdownOffset(brokerId: number, imageOffset: number, nowMs: number): number {
    const session = this.#session(brokerId, nowMs);
    session.controlledShutdownOffset ??= imageOffset;
    return session.controlledShutdownOffset;
  }

  /** forgetExcept drops the sessions of brokers no longer registered. */
  forgetExcept(registered: ReadonlySet<number>): void {
    for (const brokerId of this.#sessions.keys()) {
      if (!registered.has(brokerId)) this.#sessions.delete(brokerId);
    }
  }

  #session(brokerId: number, nowMs: number): BrokerSession {
    let session = this.#sessions.get(brokerId);
    if (session === undefined) {
      session = { lastContactMs: nowMs, metadataOffset: -1, controlledShutdownOffset: null };
      this.#sessions.set(brokerId, session);
    }
    return session;
  }
}
