import { randomUUID } from "node:crypto";
import { assert } from "@tributary/client/internal/assert";
import type { Listener } from "@tributary/client/internal/config";
import { TributaryError, type ErrorName } from "@tributary/client/internal/errors";
import type { BrokerEndpoint } from "@tributary/controller/internal/metadata";
import { abortable } from "./abortable.js";
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff.js";
import { canTransition, type BrokerLifecycleState } from "./broker-lifecycle-state.js";
import type { ControllerChannel } from "./controller-channel.js";
import { Listeners } from "./listeners.js";
import { SILENT_LOGGER, type Logger } from "./logger.js";
import { sleep, systemScheduler, type Scheduler } from "./scheduler.js";

/** MetadataProgress is what the lifecycle needs to know of the metadata listener. */
export interface MetadataProgress {
  /** The offset of the last metadata batch applied: reported in every heartbeat. */
  readonly appliedOffset: number;
  /** Resolves once the broker has caught up with the metadata log as of its first connection. */
  caughtUp(): Promise<void>;
  /** Resolves once the applied offset is at least `offset`. */
  whenApplied(offset: number): Promise<void>;
}

/** BrokerLifecycleOptions configures a {@link BrokerLifecycle}. */
export interface BrokerLifecycleOptions {
  readonly brokerId: number;
  /** The cluster id of the broker's formatted log dirs; the controller refuses another. */
  readonly clusterId: string;
  /** The advertised listeners (see {@link advertisedEndpoints}). */
  readonly endpoints: readonly BrokerEndpoint[];
  readonly rack: string | undefined;
  /** broker.heartbeat.interval.ms */
  readonly heartbeatIntervalMs: number;
  readonly channel: Pick<ControllerChannel, "call">;
  readonly metadata: MetadataProgress;
  /**
   * Resolves when the broker is otherwise ready to serve (its logs are loaded). Until then, and
   * until metadata has caught up, heartbeats ask to stay fenced. Defaults to ready.
   */
  readonly readyToUnfence?: Promise<void>;
  /** A fresh id for this process start; generated when omitted (tests pin it). */
  readonly incarnationId?: string;
  /** The deadline of one heartbeat call, retries included. Defaults to twice the interval, at least 1 s. */
  readonly heartbeatTimeoutMs?: number;
  /** The deadline of one registration call, retries included (the registration itself retries forever). */
  readonly registrationTimeoutMs?: number;
  /** How long a controlled shutdown may wait for the controller's consent. */
  readonly controlledShutdownTimeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly scheduler?: Scheduler;
  readonly random?: () => number;
  readonly logger?: Logger;
  /**
   * Called once when the broker cannot register at all (INCONSISTENT_CLUSTER_ID: its log dirs
   * belong to another cluster; INVALID_REQUEST: its registration is malformed). The lifecycle is
   * shutting-down by then; the process should exit.
   */
  readonly onFatal: (error: TributaryError) => void;
}

/**
 * ControlledShutdownOutcome says how {@link BrokerLifecycle.beginControlledShutdown} ended:
 * - completed: the controller moved every leadership away and said shouldShutDown;
 * - timed-out: it did not within the timeout (leaders will move when the session expires);
 * - unregistered: there was no live registration to shut down (never registered, or replaced);
 * - closed: {@link BrokerLifecycle.close} was called first.
 */
export type ControlledShutdownOutcome = "completed" | "timed-out" | "unregistered" | "closed";

/** Errors after which registering again cannot help. */
const FATAL_REGISTRATION_ERRORS: ReadonlySet<ErrorName> = new Set<ErrorName>(["INCONSISTENT_CLUSTER_ID", "INVALID_REQUEST"]);

/** Heartbeat errors that mean the controller does not know this registration any more. */
const LOST_REGISTRATION_ERRORS: ReadonlySet<ErrorName> = new Set<ErrorName>(["STALE_BROKER_EPOCH", "BROKER_ID_NOT_REGISTERED"]);

const DEFAULT_REGISTRATION_TIMEOUT_MS = 30_000;
const DEFAULT_CONTROLLED_SHUTDOWN_TIMEOUT_MS = 30_000;

/** advertisedEndpoints turns `advertised.listeners` into the endpoints a broker registers. */
export function advertisedEndpoints(listeners: readonly Listener[]): BrokerEndpoint[] {
  return listeners.map((listener) => ({ listener: listener.name, host: listener.host, port: listener.port }));
}

function closedError(): TributaryError {
  return new TributaryError("SHUTTING_DOWN", "the broker lifecycle is closed");
}

/**
 * BrokerLifecycle registers the broker with the controller and keeps its session alive (Kafka's
 * BrokerLifecycleManager, KIP-631):
 * - it registers a fresh incarnation id with the advertised endpoints and rack, retrying until the
 *   controller accepts (INCONSISTENT_CLUSTER_ID is fatal), and keeps the broker epoch it gets;
 * - it heartbeats every `heartbeatIntervalMs`, reporting the applied metadata offset; heartbeats
 *   ask to stay fenced until metadata has caught up and the broker is ready, then the controller
 *   unfences it (starting → recovery → running);
 * - STALE_BROKER_EPOCH or BROKER_ID_NOT_REGISTERED (its registration was replaced or removed) makes
 *   it register again, getting a new epoch (back to recovery);
 * - a controlled shutdown sends wantShutDown heartbeats until the controller answers
 *   shouldShutDown, or a timeout.
 *
 * Heartbeats are strictly sequential (one in flight). The broker epoch is the fencing token for
 * AlterPartition and fetches: read {@link BrokerLifecycle.brokerEpoch}, and listen with
 * {@link BrokerLifecycle.onRegistered} for new ones.
 */
export class BrokerLifecycle {
  readonly #options: BrokerLifecycleOptions;
  readonly #scheduler: Scheduler;
  readonly #logger: Logger;
  readonly #random: () => number;
  readonly #incarnationId: string;
  readonly #heartbeatTimeoutMs: number;
  readonly #stateChanges = new Listeners<[state: BrokerLifecycleState, previous: BrokerLifecycleState]>();
  readonly #registrations = new Listeners<[brokerEpoch: number]>();
  readonly #closing = new AbortController();
  #state: BrokerLifecycleState = "starting";
  /** -1 while unregistered. */
  #brokerEpoch = -1;
  #readyToUnfence = false;
  /** Aborted to cut the wait before the next heartbeat short; replaced after each wake-up. */
  #wake = new AbortController();
  #running: Promise<void> | undefined = undefined;
  #shutdown: Promise<ControlledShutdownOutcome> | undefined = undefined;
  #finishShutdown: (outcome: ControlledShutdownOutcome) => void = () => {};
  #cancelShutdownTimer: () => void = () => {};

  constructor(options: BrokerLifecycleOptions) {
    assert(options.heartbeatIntervalMs > 0, "heartbeatIntervalMs must be positive");
    assert(options.endpoints.length > 0, "a broker registers at least one endpoint");
    this.#options = options;
    this.#scheduler = options.scheduler ?? systemScheduler;
    this.#logger = options.logger ?? SILENT_LOGGER;
    this.#random = options.random ?? Math.random;
    this.#incarnationId = options.incarnationId ?? randomUUID();
    this.#heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? Math.max(1_000, 2 * options.heartbeatIntervalMs);
  }

  /** state is the broker's lifecycle state. */
  get state(): BrokerLifecycleState {
    return this.#state;
  }

  /** brokerEpoch is the epoch of the current registration, or -1 while unregistered. */
  get brokerEpoch(): number {
    return this.#brokerEpoch;
  }

  /** incarnationId identifies this process start to the controller. */
  get incarnationId(): string {
    return this.#incarnationId;
  }

  /** onStateChange tells `listener` of every state change. */
  onStateChange(listener: (state: BrokerLifecycleState, previous: BrokerLifecycleState) => void): () => void {
    return this.#stateChanges.add(listener);
  }

  /** onRegistered tells `listener` the epoch of every successful registration (the first and any later one). */
  onRegistered(listener: (brokerEpoch: number) => void): () => void {
    return this.#registrations.add(listener);
  }

  /**
   * whenState resolves once the broker is in `state` (at once if it is). It rejects with
   * SHUTTING_DOWN if the broker reaches shutting-down first.
   */
  whenState(state: BrokerLifecycleState): Promise<void> {
    if (this.#state === state) return Promise.resolve();
    if (this.#state === "shutting-down") return Promise.reject(new TributaryError("SHUTTING_DOWN", `the broker is shutting down; it will not be ${state}`));
    return new Promise((resolve, reject) => {
      const unsubscribe = this.onStateChange((next) => {
        if (next === state) {
          unsubscribe();
          resolve();
        } else if (next === "shutting-down") {
          unsubscribe();
          reject(new TributaryError("SHUTTING_DOWN", `the broker is shutting down; it will not be ${state}`));
        }
      });
    });
  }

  /** start registers and begins heartbeating; it returns at once. */
  start(): void {
    assert(this.#running === undefined, "the broker lifecycle was started twice");
    const ready = Promise.all([this.#options.metadata.caughtUp(), this.#options.readyToUnfence ?? Promise.resolve()]);
    ready.then(
      () => {
        this.#readyToUnfence = true;
        this.#wakeUp();
      },
      (error: unknown) => this.#logger.warn(`the broker will stay fenced: ${(error as Error).message}`),
    );
    this.#running = this.#run().catch((error: unknown) => {
      // Only a bug gets here (an AssertionError); stop heartbeating rather than heartbeat wrongly.
      this.#logger.error(`broker lifecycle failed: ${(error as Error).message}`);
      this.#setState("shutting-down");
      throw error;
    });
  }

  /**
   * beginControlledShutdown asks the controller to move this broker's leaderships away (wantShutDown
   * heartbeats) and resolves when it answers shouldShutDown, after `timeoutMs`, or when there is no
   * registration to shut down. The state is shutting-down once it resolves. Calling it again
   * returns the same promise.
   */
  beginControlledShutdown(timeoutMs = this.#options.controlledShutdownTimeoutMs ?? DEFAULT_CONTROLLED_SHUTDOWN_TIMEOUT_MS): Promise<ControlledShutdownOutcome> {
    if (this.#shutdown !== undefined) return this.#shutdown;
    this.#shutdown = new Promise((resolve) => (this.#finishShutdown = resolve));
    if (this.#state === "shutting-down") {
      this.#finishShutdown("closed");
    } else if (this.#state === "starting" || this.#brokerEpoch < 0) {
      this.#setState("shutting-down");
      this.#finishShutdown("unregistered");
    } else {
      this.#setState("pending-controlled-shutdown");
      this.#cancelShutdownTimer = this.#scheduler.setTimer(timeoutMs, () => {
        if (this.#state !== "pending-controlled-shutdown") return;
        this.#logger.warn(`controlled shutdown did not complete within ${timeoutMs} ms; shutting down anyway`);
        this.#endShutdown("timed-out");
      });
      this.#wakeUp();
    }
    return this.#shutdown;
  }

  /** close stops registering and heartbeating at once (no controlled shutdown) and waits for the loop to end. */
  async close(): Promise<void> {
    if (!this.#closing.signal.aborted) {
      this.#closing.abort();
      this.#wakeUp();
      this.#endShutdown("closed");
    }
    await this.#running?.catch(() => undefined);
  }

  async #run(): Promise<void> {
    while (this.#live()) {
      if (this.#brokerEpoch < 0) {
        await this.#register();
        continue;
      }
      await this.#heartbeat();
      if (!this.#live()) return;
      if (this.#wake.signal.aborted) {
        // Something worth telling the controller happened during the heartbeat: tell it now.
        this.#wake = new AbortController();
        continue;
      }
      await sleep(this.#scheduler, this.#options.heartbeatIntervalMs, this.#wake.signal);
      if (this.#wake.signal.aborted) this.#wake = new AbortController();
    }
  }

  #live(): boolean {
    return !this.#closing.signal.aborted && this.#state !== "shutting-down";
  }

  async #register(): Promise<void> {
    const { brokerId, clusterId, endpoints, rack } = this.#options;
    const backoff = new Backoff(this.#options.backoff ?? DEFAULT_BACKOFF, this.#random);
    while (this.#live()) {
      try {
        const call = this.#options.channel.call(
          "RegisterBroker",
          { clusterId, brokerId, incarnationId: this.#incarnationId, endpoints: endpoints.map((e) => ({ ...e })), ...(rack === undefined ? {} : { rack }) },
          { timeoutMs: this.#options.registrationTimeoutMs ?? DEFAULT_REGISTRATION_TIMEOUT_MS },
        );
        const response = await abortable(call, this.#closing.signal, closedError);
        if (!this.#live()) return;
        const brokerEpoch = Number(response.brokerEpoch);
        assert(Number.isSafeInteger(brokerEpoch) && brokerEpoch >= 0, `the controller answered broker epoch ${response.brokerEpoch}`);
        this.#brokerEpoch = brokerEpoch;
        this.#logger.info(`registered broker ${brokerId} incarnation ${this.#incarnationId} with broker epoch ${brokerEpoch}`);
        this.#registrations.notify(brokerEpoch);
        if (this.#state === "starting" || this.#state === "running") this.#setState("recovery");
        // The controller unfences a broker only once it has applied its own registration.
        this.#options.metadata.whenApplied(brokerEpoch).then(() => this.#wakeUp(), () => undefined);
        return;
      } catch (thrown) {
        if (!this.#live()) return;
        const error = TributaryError.from(thrown);
        if (FATAL_REGISTRATION_ERRORS.has(error.code)) {
          this.#logger.error(`broker ${brokerId} cannot register: ${error.code}: ${error.message}`);
          this.#setState("shutting-down");
          this.#options.onFatal(error);
          return;
        }
        const delayMs = backoff.nextDelayMs();
        this.#logger.warn(`broker registration failed: ${error.code}: ${error.message}; retrying in ${delayMs} ms`);
        await sleep(this.#scheduler, delayMs, this.#closing.signal);
      }
    }
  }

  async #heartbeat(): Promise<void> {
    const brokerEpoch = this.#brokerEpoch;
    const wantShutDown = this.#state === "pending-controlled-shutdown";
    const wantFence = !wantShutDown && !this.#readyToUnfence;
    try {
      const call = this.#options.channel.call(
        "BrokerHeartbeat",
        {
          brokerId: this.#options.brokerId,
          brokerEpoch: String(brokerEpoch),
          currentMetadataOffset: String(this.#options.metadata.appliedOffset),
          wantFence,
          wantShutDown,
        },
        { timeoutMs: this.#heartbeatTimeoutMs },
      );
      const response = await abortable(call, this.#closing.signal, closedError);
      if (!this.#live()) return;
      switch (this.#state) {
        case "recovery":
          if (!response.isFenced) this.#setState("running");
          return;
        case "running":
          if (response.isFenced) {
            this.#logger.warn(`the controller fenced broker ${this.#options.brokerId} (epoch ${brokerEpoch}); catching up again`);
            this.#setState("recovery");
          }
          return;
        case "pending-controlled-shutdown":
          if (response.shouldShutDown) this.#endShutdown("completed");
          return;
        case "starting":
        case "shutting-down":
          return;
      }
    } catch (thrown) {
      if (!this.#live()) return;
      const error = TributaryError.from(thrown);
      if (LOST_REGISTRATION_ERRORS.has(error.code)) {
        if (this.#state === "pending-controlled-shutdown") {
          // Another incarnation replaced this one, and the controller moved its leaderships then.
          this.#endShutdown("unregistered");
          return;
        }
        this.#logger.warn(`heartbeat of broker epoch ${brokerEpoch} refused (${error.code}); registering again`);
        this.#brokerEpoch = -1;
        if (this.#state === "running") this.#setState("recovery");
        return;
      }
      this.#logger.warn(`heartbeat failed: ${error.code}: ${error.message}`);
    }
  }

  #endShutdown(outcome: ControlledShutdownOutcome): void {
    this.#cancelShutdownTimer();
    if (this.#state !== "shutting-down") this.#setState("shutting-down");
    this.#finishShutdown(outcome);
    this.#wakeUp();
  }

  #wakeUp(): void {
    this.#wake.abort();
  }

  #setState(next: BrokerLifecycleState): void {
    const previous = this.#state;
    if (previous === next) return;
    assert(canTransition(previous, next), `broker lifecycle cannot go from ${previous} to ${next}`);
    this.#state = next;
    this.#logger.info(`broker ${this.#options.brokerId}: ${previous} -> ${next}`);
    this.#stateChanges.notify(next, previous);
  }
}
