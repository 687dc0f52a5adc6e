import type { ClientReadableStream } from "@grpc/grpc-js";
import { assert, AssertionError } from "@tributary/client/internal/assert";
import type { QuorumVoter } from "@tributary/client/internal/config";
import { TributaryError, type ErrorName } from "@tributary/client/internal/errors";
import type { Error__Output as WireError } from "@tributary/client/internal/generated/tributary/v1/Error";
import type { MetadataChunk__Output } from "@tributary/client/internal/generated/tributary/v1/MetadataChunk";
import { errorFromWire } from "@tributary/client/internal/wire";
import { abortable } from "./abortable.js";
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff.js";
import type { ControllerMethod, ControllerRequest, ControllerResponse } from "./controller-methods.js";
import { GrpcControllerTransport, type ControllerTransport } from "./controller-transport.js";
import { Listeners } from "./listeners.js";
import { sleep, systemScheduler, type Scheduler } from "./scheduler.js";

/** ControllerChannelOptions configures a {@link ControllerChannel}. */
export interface ControllerChannelOptions {
  /** The controller quorum, from `controller.quorum.voters`. */
  readonly voters: readonly QuorumVoter[];
  /** How long one call may take in total, across every retry, unless the call says otherwise. */
  readonly callTimeoutMs?: number;
  /** How long one attempt at one voter may take before the channel tries another. */
  readonly attemptTimeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly scheduler?: Scheduler;
  /** Returns a number in [0, 1): the jitter of the backoff and the first voter to try. */
  readonly random?: () => number;
  /** Replaces the gRPC transport (tests). */
  readonly transport?: ControllerTransport;
}

/** CallOptions tunes one {@link ControllerChannel.call}. */
export interface CallOptions {
  /** The call's total deadline, across every retry (defaults to the channel's callTimeoutMs). */
  readonly timeoutMs?: number;
}

const DEFAULT_CALL_TIMEOUT_MS = 30_000;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * ROUTING_ERRORS say "this voter cannot serve the call now", not "the call is wrong": the channel
 * handles them by trying the active controller elsewhere. Every other error is the caller's.
 * REQUEST_TIMED_OUT may hide a write that did commit; every controller write a broker makes is
 * fenced or idempotent (registration by incarnation, heartbeats, AlterPartition by partition
 * epoch), so retrying it is safe.
 */
const ROUTING_ERRORS: ReadonlySet<ErrorName> = new Set<ErrorName>([
  "NOT_CONTROLLER",
  "NETWORK_EXCEPTION",
  "REQUEST_TIMED_OUT",
  "BROKER_NOT_AVAILABLE",
  "SHUTTING_DOWN",
  "NEW_LEADER_ELECTED",
]);

function closedError(): TributaryError {
  return new TributaryError("SHUTTING_DOWN", "the controller channel is closed");
}

/**
 * ControllerChannel sends unary calls to the active controller of the quorum, wherever it is
 * (Kafka's NodeToControllerChannelManager). It remembers the last known active controller; a
 * NOT_CONTROLLER answer with a leader hint moves it to the hinted voter at once (the hint's node id
 * is mapped to the configured voter address; the hint's endpoint is not trusted), and any other
 * routing failure moves it to the next voter after an exponential, jittered backoff. Every call is
 * bounded by its deadline; what comes out is the response or a TributaryError.
 *
 * It also lends its connections to the metadata listener, which streams from the active
 * controller and follows it when it moves ({@link ControllerChannel.onActiveControllerChange}).
 */
export class ControllerChannel {
  readonly #voterIds: readonly number[];
  readonly #transport: ControllerTransport;
  readonly #scheduler: Scheduler;
  readonly #random: () => number;
  readonly #backoffPolicy: BackoffPolicy;
  readonly #callTimeoutMs: number;
  readonly #attemptTimeoutMs: number;
  readonly #closing = new AbortController();
  readonly #activeChanges = new Listeners<[activeControllerId: number | undefined]>();
  /** The voter believed to be the active controller; undefined when unknown. */
  #activeId: number | undefined = undefined;
  /** Where the next call starts when no active controller is known; rotates on failures. */
  #cursor: number;

  constructor(options: ControllerChannelOptions) {
    assert(options.voters.length > 0, "a controller channel needs at least one voter");
    this.#voterIds = options.voters.map((voter) => voter.nodeId);
    assert(new Set(this.#voterIds).size === this.#voterIds.length, "voter ids must be distinct");
    this.#transport = options.transport ?? new GrpcControllerTransport(options.voters);
    this.#scheduler = options.scheduler ?? systemScheduler;
    this.#random = options.random ?? Math.random;
    this.#backoffPolicy = options.backoff ?? DEFAULT_BACKOFF;
    this.#callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    this.#attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    // Start at a random voter so that brokers starting together do not all try the same one.
    this.#cursor = Math.floor(this.#random() * this.#voterIds.length) % this.#voterIds.length;
  }

  /** voterIds lists the configured voters. */
  get voterIds(): readonly number[] {
    return this.#voterIds;
  }

  /** activeControllerId is the voter last known to be the active controller, or undefined. */
  get activeControllerId(): number | undefined {
    return this.#activeId;
  }

  /** closed tells whether {@link ControllerChannel.close} was called. */
  get closed(): boolean {
    return this.#closing.signal.aborted;
  }

  /**
   * onActiveControllerChange tells `listener` whenever the channel learns that another voter is
   * the active controller (from a hint or a successful call), or that it no longer knows one.
   */
  onActiveControllerChange(listener: (activeControllerId: number | undefined) => void): () => void {
    return this.#activeChanges.add(listener);
  }

  /**
   * call sends `request` to the active controller and returns its response, retrying routing
   * failures (NOT_CONTROLLER, network errors, attempt timeouts) until `timeoutMs` has passed.
   *
   * @throws TributaryError: the controller's answer for anything but a routing failure;
   *   REQUEST_TIMED_OUT (with the last routing failure as its cause) when the deadline passed;
   *   SHUTTING_DOWN when the channel was closed.
   */
  async call<M extends ControllerMethod>(method: M, request: ControllerRequest<M>, options: CallOptions = {}): Promise<ControllerResponse<M>> {
    this.#throwIfClosed();
    const timeoutMs = options.timeoutMs ?? this.#callTimeoutMs;
    const deadlineMs = this.#scheduler.nowMs() + timeoutMs;
    const backoff = new Backoff(this.#backoffPolicy, this.#random);
    let target = this.#activeId ?? this.#voterAt(this.#cursor);
    // Hints are followed without waiting, but at most once per voter in a row: two voters that
    // point at each other (an election in flux) must not spin.
    let hintsFollowed = 0;
    let lastError: TributaryError | undefined;
    for (;;) {
      const remainingMs = deadlineMs - this.#scheduler.nowMs();
      if (remainingMs <= 0) throw this.#timedOut(method, timeoutMs, lastError);
      let error: TributaryError;
      try {
        const attempt = this.#transport.call(target, method, request, Math.min(this.#attemptTimeoutMs, remainingMs));
        const response = await abortable(attempt, this.#closing.signal, closedError);
        const answered = errorFromWire((response as { error?: WireError | null }).error);
        if (answered === null) {
          this.#setActive(target);
          return response;
        }
        error = answered;
      } catch (thrown) {
        if (thrown instanceof AssertionError) throw thrown;
        error = TributaryError.from(thrown);
      }
      this.#throwIfClosed();
      if (!ROUTING_ERRORS.has(error.code)) throw error;
      lastError = error;
      const hinted = error.code === "NOT_CONTROLLER" ? this.#hintedVoter(error) : undefined;
      if (hinted !== undefined && hinted !== target) {
        this.#setActive(hinted);
        target = hinted;
        if (hintsFollowed < this.#voterIds.length) {
          hintsFollowed += 1;
          continue;
        }
      } else {
        // No usable hint (an election is under way) or the voter is unreachable: try the next one.
        if (this.#activeId === target) this.#setActive(undefined);
        this.#cursor = (this.#voterIds.indexOf(target) + 1) % this.#voterIds.length;
        target = this.#voterAt(this.#cursor);
      }
      hintsFollowed = 0;
      const waitMs = Math.min(backoff.nextDelayMs(), deadlineMs - this.#scheduler.nowMs());
      if (waitMs > 0) await sleep(this.#scheduler, waitMs, this.#closing.signal);
      this.#throwIfClosed();
    }
  }

  /**
   * streamMetadata opens StreamMetadata on `voterId` (the metadata listener picks the voter: the
   * active controller when known). The caller owns the stream and cancels it when done.
   */
  streamMetadata(voterId: number, fromOffset: number, brokerId: number): ClientReadableStream<MetadataChunk__Output> {
    this.#throwIfClosed();
    assert(this.#voterIds.includes(voterId), `voter ${voterId} is not configured`);
    return this.#transport.streamMetadata(voterId, { fromOffset: String(fromOffset), brokerId });
  }

  /**
   * nextVoter returns the voter to try after `voterId` failed: the active controller if it is
   * another one, else the next voter in order.
   */
  nextVoter(voterId: number | undefined): number {
    if (this.#activeId !== undefined && this.#activeId !== voterId) return this.#activeId;
    const index = voterId === undefined ? this.#cursor : this.#voterIds.indexOf(voterId) + 1;
    return this.#voterAt(index);
  }

  /** close fails calls in flight with SHUTTING_DOWN and closes every connection. */
  close(): void {
    if (this.closed) return;
    this.#closing.abort();
    this.#transport.close();
  }

  #voterAt(index: number): number {
    const voterId = this.#voterIds[((index % this.#voterIds.length) + this.#voterIds.length) % this.#voterIds.length];
    assert(voterId !== undefined, "voter index out of range");
    return voterId;
  }

  #hintedVoter(error: TributaryError): number | undefined {
    const nodeId = error.leaderHint?.nodeId;
    return nodeId !== undefined && this.#voterIds.includes(nodeId) ? nodeId : undefined;
  }

  #setActive(voterId: number | undefined): void {
    if (this.#activeId === voterId) return;
    this.#activeId = voterId;
    if (voterId !== undefined) this.#cursor = this.#voterIds.indexOf(voterId);
    this.#activeChanges.notify(voterId);
  }

  #timedOut(method: string, timeoutMs: number, lastError: TributaryError | undefined): TributaryError {
    const last = lastError === undefined ? "" : `; last error: ${lastError.code}: ${lastError.message}`;
    return new TributaryError("REQUEST_TIMED_OUT", `${method}: no active controller answered within ${timeoutMs} ms${last}`, lastError === undefined ? undefined : { cause: lastError });
  }

  #throwIfClosed(): void {
    if (this.closed) throw closedError();
  }
}
