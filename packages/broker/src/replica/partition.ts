import { assert } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import type { Clock } from "../log/clock.js";
import { readBatchHeader, type RecordBatchHeader } from "@tributary/client/internal/record";
import type { LogAppendInfo, LogReadResult } from "../log/log-results.js";
import type { PartitionLog } from "../log/partition-log.js";
import { ProducerStateManager } from "../producer/producer-state-manager.js";
import { newFollowerState, type FollowerState } from "./follower-state.js";
import type { IsrChangeSender, PartitionRegistration } from "./partition-registration.js";

/** PartitionSettings are the knobs a partition reads from its topic's config and the broker's. */
export interface PartitionSettings {
  /** min.insync.replicas of the topic, read each time (it can be altered at runtime). */
  minInsyncReplicas(): number;
  /** replica.lag.time.max.ms: a follower not caught up for this long leaves the ISR. */
  readonly replicaLagTimeMaxMs: number;
  /**
   * log.flush.before.ack: the high watermark counts only fsynced records on every ISR member
   * (DESIGN.md decision 3). When false it counts log end offsets, as Kafka does.
   */
  readonly flushBeforeAck: boolean;
}

/** LeaderState is this replica leading the partition in `leaderEpoch`. */
interface LeaderState {
  readonly kind: "leader";
  readonly topicId: string;
  readonly leaderEpoch: number;
  /** The offset where this leader epoch began: a follower must reach it to join the ISR. */
  readonly epochStartOffset: bigint;
  partitionEpoch: number;
  replicas: readonly number[];
  /** The ISR the controller committed. */
  isr: readonly number[];
  /**
   * The ISR proposed to the controller and not yet answered. While one is in flight the high
   * watermark uses the "maximal ISR", the union of both, so it never counts on a replica that
   * might be leaving nor skips one that might be joining (KIP-497). At most one is in flight.
   */
  pendingIsr: readonly number[] | undefined;
  readonly followers: Map<number, FollowerState>;
}

/** FollowerRole is this replica following `leaderId` in `leaderEpoch`. */
interface FollowerRole {
  readonly kind: "follower";
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
}

/** OfflineRole is a replica that is neither: the partition has no leader, or it was just opened. */
interface OfflineRole {
  readonly kind: "none";
  readonly leaderEpoch: number;
}

type Role = LeaderState | FollowerRole | OfflineRole;

/** FetchResult is a read of this replica for a consumer or a follower. */
export interface PartitionFetchResult {
  readonly read: LogReadResult | undefined;
  /** Set when the follower's log diverged: truncate to `endOffset` of `epoch` (KIP-595 style). */
  readonly divergingEpoch: { readonly epoch: number; readonly endOffset: bigint } | undefined;
  readonly leaderEpoch: number;
}

/**
 * Partition is one partition replica on this broker (Kafka's Partition): its log plus its role in
 * replication. As leader it appends produced batches, tracks each follower from its fetches,
 * computes the high watermark as the minimum durable end offset over the (maximal) ISR, and asks
 * the controller to shrink or expand the ISR, one change at a time. As follower it only stores
 * what the leader's log holds (the replica fetcher drives that).
 *
 * The high watermark never advances while the maximal ISR is smaller than min.insync.replicas
 * (KIP-966's strict min ISR), and never counts a replica the controller has not put in the ISR.
 * A deposed leader cut off from the controller therefore cannot acknowledge acks=all writes: its
 * ISR still names followers that now fetch from the new leader, and only the controller can
 * remove them.
 *
 * Async safety: role changes run one at a time through `#transition`; appends and reads go to the
 * log, which serializes its own mutations. Every check of the role happens after the last await.
 */
export class Partition {
  readonly topic: string;
  readonly partition: number;
  readonly log: PartitionLog;
  readonly #brokerId: number;
  readonly #clock: Clock;
  readonly #settings: PartitionSettings;
  readonly #isrSender: IsrChangeSender;
  #role: Role = { kind: "none", leaderEpoch: -1 };
  #transition: Promise<void> = Promise.resolve();
  /** Leader appends run one at a time: producer state is validated, appended and completed together. */
  #appends: Promise<unknown> = Promise.resolve();
  readonly #producers = new ProducerStateManager();
  readonly #highWatermarkListeners = new Set<() => void>();
  readonly #activityListeners = new Set<() => void>();

  constructor(options: {
    topic: string;
    partition: number;
    log: PartitionLog;
    brokerId: number;
    clock: Clock;
    settings: PartitionSettings;
    isrSender: IsrChangeSender;
  }) {
    this.topic = options.topic;
    this.partition = options.partition;
    this.log = options.log;
    this.#brokerId = options.brokerId;
    this.#clock = options.clock;
    this.#settings = options.settings;
    this.#isrSender = options.isrSender;
    this.log.onDurableEndOffset(() => this.#maybeIncrementHighWatermark());
  }

  /** leaderEpoch is the epoch of the role this replica last took. */
  get leaderEpoch(): number {
    return this.#role.leaderEpoch;
  }

  /** isLeader is true while this replica leads. */
  get isLeader(): boolean {
    return this.#role.kind === "leader";
  }

  /** leaderId is the current leader as far as this replica knows (-1 when none). */
  get leaderId(): number {
    return this.#role.kind === "leader" ? this.#brokerId : this.#role.kind === "follower" ? this.#role.leaderId : -1;
  }

  /** isr is the committed ISR while leading, else empty. */
  get isr(): readonly number[] {
    return this.#role.kind === "leader" ? this.#role.isr : [];
  }

  /** maximalIsr is the committed ISR united with a pending proposal. */
  get maximalIsr(): readonly number[] {
    if (this.#role.kind !== "leader") return [];
    const { isr, pendingIsr } = this.#role;
    return pendingIsr === undefined ? isr : [...new Set([...isr, ...pendingIsr])];
  }

  /** onHighWatermark registers a listener called whenever the high watermark moves up. */
  onHighWatermark(listener: () => void): () => void {
    this.#highWatermarkListeners.add(listener);
    return () => this.#highWatermarkListeners.delete(listener);
  }

  /**
   * onActivity registers a listener called after anything a waiting request may care about:
   * an append (the log end moved) or a role change.
   */
  onActivity(listener: () => void): () => void {
    this.#activityListeners.add(listener);
    return () => this.#activityListeners.delete(listener);
  }

  #activity(): void {
    for (const listener of this.#activityListeners) listener();
  }

  /**
   * applyRegistration adopts the controller's state for this partition: become leader (a new
   * leader epoch naming this broker), become follower, adopt a committed ISR change, or go
   * offline. Changes apply in metadata order; an older leader epoch than the current one is
   * ignored (it can only come from a replayed, stale image).
   */
  applyRegistration(registration: PartitionRegistration): Promise<void> {
    const run = () => this.#apply(registration).finally(() => this.#activity());
    this.#transition = this.#transition.then(run, run);
    return this.#transition;
  }

  async #apply(registration: PartitionRegistration): Promise<void> {
    const role = this.#role;
    if (registration.leaderEpoch < role.leaderEpoch) return;
    if (registration.leader === this.#brokerId) {
      if (role.kind === "leader" && role.leaderEpoch === registration.leaderEpoch) {
        this.#adoptIsr(role, registration);
        return;
      }
      await this.log.assignEpochStartOffset(registration.leaderEpoch);
      await this.#appends;
      await this.#rebuildProducerStateIfStale();
      const nowMs = this.#clock.nowMs();
      const followers = new Map<number, FollowerState>();
      for (const replica of registration.replicas) if (replica !== this.#brokerId) followers.set(replica, newFollowerState(replica, nowMs));
      this.#role = {
        kind: "leader",
        topicId: registration.topicId,
        leaderEpoch: registration.leaderEpoch,
        epochStartOffset: this.log.logEndOffset,
        partitionEpoch: registration.partitionEpoch,
        replicas: registration.replicas,
        isr: registration.isr,
        pendingIsr: undefined,
        followers,
      };
      this.#maybeIncrementHighWatermark();
      return;
    }
    if (registration.leader < 0) {
      this.#role = { kind: "none", leaderEpoch: registration.leaderEpoch };
      return;
    }
    this.#role = { kind: "follower", leaderId: registration.leader, leaderEpoch: registration.leaderEpoch, partitionEpoch: registration.partitionEpoch };
  }

  #adoptIsr(role: LeaderState, registration: PartitionRegistration): void {
    if (registration.partitionEpoch < role.partitionEpoch) return;
    role.partitionEpoch = registration.partitionEpoch;
    role.isr = registration.isr;
    role.replicas = registration.replicas;
    if (role.pendingIsr !== undefined && sameMembers(role.pendingIsr, registration.isr)) role.pendingIsr = undefined;
    for (const replica of registration.replicas) {
      if (replica !== this.#brokerId && !role.followers.has(replica)) role.followers.set(replica, newFollowerState(replica, this.#clock.nowMs()));
    }
    this.#maybeIncrementHighWatermark();
  }

  /** goOffline stops leading or following (the partition was deleted or moved off this broker). */
  goOffline(): Promise<void> {
    const run = async () => {
      this.#role = { kind: "none", leaderEpoch: this.#role.leaderEpoch };
      this.#activity();
    };
    this.#transition = this.#transition.then(run, run);
    return this.#transition;
  }

  /** notLeaderError is what a request that needs the leader gets from a non-leader. */
  notLeaderError(): TributaryError {
    const leaderId = this.leaderId;
    return new TributaryError(
      "NOT_LEADER_OR_FOLLOWER",
      `broker ${this.#brokerId} does not lead ${this.topic}-${this.partition}${leaderId >= 0 ? `; broker ${leaderId} does` : ""}`,
      leaderId >= 0 ? { leaderHint: { nodeId: leaderId, epoch: this.#role.leaderEpoch } } : undefined,
    );
  }

  /** checkLeaderEpoch validates a client's idea of the leader epoch (-1 skips the check). */
  checkLeaderEpoch(currentLeaderEpoch: number): void {
    if (currentLeaderEpoch < 0) return;
    if (currentLeaderEpoch < this.#role.leaderEpoch) {
      throw new TributaryError("FENCED_LEADER_EPOCH", `leader epoch ${currentLeaderEpoch} is older than ${this.#role.leaderEpoch}`);
    }
    if (currentLeaderEpoch > this.#role.leaderEpoch) {
      throw new TributaryError("UNKNOWN_LEADER_EPOCH", `leader epoch ${currentLeaderEpoch} is newer than this broker's ${this.#role.leaderEpoch}`);
    }
  }

  /** leaderStateOrThrow returns the leader state, or throws NOT_LEADER_OR_FOLLOWER. */
  #leaderOrThrow(): LeaderState {
    if (this.#role.kind !== "leader") throw this.notLeaderError();
    return this.#role;
  }

  /**
   * appendAsLeader appends a producer's batches. With acks=all it first checks that the ISR has
   * at least min.insync.replicas members (NOT_ENOUGH_REPLICAS: nothing is written); the caller
   * then waits for the high watermark to pass the returned last offset. Idempotent producers'
   * batches are checked against the producer state first: a retry of a batch already in the log
   * is not written again and is answered with its original offsets (`duplicate`).
   */
  appendAsLeader(batches: Uint8Array, acks: number): Promise<LogAppendInfo & { readonly duplicate: boolean }> {
    const run = async () => {
      const role = this.#leaderOrThrow();
      if (acks === -1) {
        const minIsr = this.#settings.minInsyncReplicas();
        if (role.isr.length < minIsr) {
          throw new TributaryError(
            "NOT_ENOUGH_REPLICAS",
            `${this.topic}-${this.partition} has ${role.isr.length} in-sync replicas, fewer than min.insync.replicas=${minIsr}; nothing was written`,
          );
        }
      }
      const batchList = splitBatches(batches);
      const validation = this.#producers.validateAppend(batchList.map((batch) => batch.header));
      const first = validation.verdicts[0];
      if (validation.appendCount === 0) {
        const last = validation.verdicts[validation.verdicts.length - 1];
        if (first?.kind !== "duplicate" || last?.kind !== "duplicate") throw new TributaryError("INVALID_RECORD", "a produce request carried no batches");
        return { firstOffset: first.firstOffset, lastOffset: last.lastOffset, maxTimestampMs: last.maxTimestampMs, offsetOfMaxTimestamp: last.firstOffset, batchCount: 0, sizeBytes: 0, duplicate: true };
      }
      const toAppend =
        validation.appendCount === batchList.length
          ? batches
          : Buffer.concat(batchList.filter((_, index) => validation.verdicts[index]?.kind === "append").map((batch) => batch.bytes));
      const info = await this.log.appendAsLeader(toAppend, role.leaderEpoch);
      this.#producers.completeAppend(validation, info.firstOffset, role.leaderEpoch);
      this.#maybeIncrementHighWatermark();
      this.#activity();
      return { ...info, firstOffset: first?.kind === "duplicate" ? first.firstOffset : info.firstOffset, duplicate: false };
    };
    const appended = this.#appends.then(run, run);
    this.#appends = appended.catch(() => undefined);
    return appended;
  }

  /**
   * onFollowerAppend keeps the producer state in step with batches a follower stored, so that it
   * can lead without rebuilding. A gap (state behind the log) leaves it for a rebuild instead.
   */
  onFollowerAppend(batches: Uint8Array, firstOffset: bigint): void {
    this.#activity();
    if (this.#producers.rebuildRequired || this.#producers.mapEndOffset !== firstOffset) return;
    for (const batch of splitBatches(batches)) this.#producers.onAppended(batch.header);
  }

  /** onTruncated tells the producer state that the log was truncated to `offset`. */
  onTruncated(offset: bigint): void {
    this.#producers.truncateTo(offset);
  }

  async #rebuildProducerStateIfStale(): Promise<void> {
    if (!this.#producers.rebuildRequired && this.#producers.mapEndOffset === this.log.logEndOffset) return;
    const headers: RecordBatchHeader[] = [];
    const from = this.log.logStartOffset;
    let offset = from;
    while (offset < this.log.logEndOffset) {
      const read = await this.log.read(offset, 8 * 1024 * 1024);
      if (read.bytes.length === 0) break;
      for (const batch of splitBatches(read.bytes)) headers.push(batch.header);
      offset = read.nextOffset;
    }
    this.#producers.rebuildFrom(headers, from);
  }

  /**
   * ackStatus tells a waiting acks=all produce where it stands: done when the high watermark has
   * passed `requiredOffset`; failed when this replica no longer leads the epoch it appended in.
   */
  ackStatus(requiredOffset: bigint, appendEpoch: number): "done" | "waiting" | TributaryError {
    if (this.#role.kind !== "leader" || this.#role.leaderEpoch !== appendEpoch) return this.notLeaderError();
    return this.log.highWatermark >= requiredOffset ? "done" : "waiting";
  }

  /** underMinIsr tells whether the committed ISR is below min.insync.replicas. */
  underMinIsr(): boolean {
    return this.#role.kind === "leader" && this.#role.isr.length < this.#settings.minInsyncReplicas();
  }

  /**
   * readForConsumer reads committed records (below the high watermark) from the leader.
   */
  async readForConsumer(fetchOffset: bigint, maxBytes: number, currentLeaderEpoch: number): Promise<PartitionFetchResult> {
    this.#leaderOrThrow();
    this.checkLeaderEpoch(currentLeaderEpoch);
    const read = await this.log.read(fetchOffset, maxBytes, { maxOffset: this.log.highWatermark });
    return { read, divergingEpoch: undefined, leaderEpoch: this.#role.leaderEpoch };
  }

  /**
   * readForFollower serves a follower's fetch: it records the follower's progress (which may
   * move the high watermark and expand the ISR), checks for divergence by the epoch of the
   * follower's last batch, and reads up to the log end.
   */
  async readForFollower(fetch: {
    replicaId: number;
    replicaEpoch: number;
    fetchOffset: bigint;
    durableEndOffset: bigint;
    currentLeaderEpoch: number;
    lastFetchedEpoch: number;
    maxBytes: number;
  }): Promise<PartitionFetchResult> {
    const role = this.#leaderOrThrow();
    this.checkLeaderEpoch(fetch.currentLeaderEpoch);
    if (!role.replicas.includes(fetch.replicaId) || fetch.replicaId === this.#brokerId) {
      throw new TributaryError("NOT_LEADER_OR_FOLLOWER", `broker ${fetch.replicaId} is not a replica of ${this.topic}-${this.partition}`);
    }
    if (fetch.lastFetchedEpoch >= 0) {
      const end = this.log.endOffsetForEpoch(fetch.lastFetchedEpoch);
      if (end.epoch < fetch.lastFetchedEpoch || end.endOffset < fetch.fetchOffset) {
        return { read: undefined, divergingEpoch: { epoch: end.epoch, endOffset: end.endOffset }, leaderEpoch: role.leaderEpoch };
      }
    }
    if (fetch.fetchOffset > this.log.logEndOffset) {
      // The follower claims records the leader does not have and its epoch check passed: only
      // possible with an empty epoch history. Have it truncate to our end.
      return { read: undefined, divergingEpoch: { epoch: role.leaderEpoch, endOffset: this.log.logEndOffset }, leaderEpoch: role.leaderEpoch };
    }
    this.#recordFollowerFetch(role, fetch);
    const read = await this.log.read(fetch.fetchOffset, fetch.maxBytes);
    return { read, divergingEpoch: undefined, leaderEpoch: role.leaderEpoch };
  }

  #recordFollowerFetch(role: LeaderState, fetch: { replicaId: number; replicaEpoch: number; fetchOffset: bigint; durableEndOffset: bigint }): void {
    const follower = role.followers.get(fetch.replicaId) ?? newFollowerState(fetch.replicaId, this.#clock.nowMs());
    role.followers.set(fetch.replicaId, follower);
    const nowMs = this.#clock.nowMs();
    follower.brokerEpoch = fetch.replicaEpoch;
    follower.logEndOffset = fetch.fetchOffset;
    follower.durableEndOffset = fetch.durableEndOffset > fetch.fetchOffset ? fetch.fetchOffset : fetch.durableEndOffset;
    follower.lastFetchTimeMs = nowMs;
    if (fetch.fetchOffset >= this.log.logEndOffset) follower.lastCaughtUpTimeMs = nowMs;
    this.#maybeExpandIsr(role, follower);
    this.#maybeIncrementHighWatermark();
  }

  /** The offset a replica counts with toward the high watermark. */
  #countedOffset(brokerId: number, role: LeaderState): bigint {
    if (brokerId === this.#brokerId) return this.#settings.flushBeforeAck ? this.log.durableEndOffset : this.log.logEndOffset;
    const follower = role.followers.get(brokerId);
    if (follower === undefined) return -1n;
    return this.#settings.flushBeforeAck ? follower.durableEndOffset : follower.logEndOffset;
  }

  #maybeIncrementHighWatermark(): void {
    const role = this.#role;
    if (role.kind !== "leader") return;
    const members = this.maximalIsr;
    if (members.length < this.#settings.minInsyncReplicas()) return;
    let candidate = this.log.logEndOffset;
    for (const member of members) {
      const offset = this.#countedOffset(member, role);
      if (offset < candidate) candidate = offset;
    }
    if (candidate < 0n) return;
    if (this.log.maybeIncrementHighWatermark(candidate) !== undefined) {
      for (const listener of this.#highWatermarkListeners) listener();
    }
  }

  #maybeExpandIsr(role: LeaderState, follower: FollowerState): void {
    if (role.pendingIsr !== undefined || role.isr.includes(follower.brokerId)) return;
    // A follower joins once it has everything committed and everything of this leader epoch so
    // far (Kafka's isFollowerInSync: LEO >= HW and >= the epoch's start offset).
    if (follower.logEndOffset < this.log.highWatermark || follower.logEndOffset < role.epochStartOffset) return;
    this.#proposeIsr(role, [...role.isr, follower.brokerId]);
  }

  /**
   * maybeShrinkIsr proposes removing followers that have not caught up for replica.lag.time.max.ms.
   * The replica manager calls it periodically. The leader never removes itself.
   */
  maybeShrinkIsr(): void {
    const role = this.#role;
    if (role.kind !== "leader" || role.pendingIsr !== undefined) return;
    const nowMs = this.#clock.nowMs();
    const laggards = role.isr.filter((member) => {
      if (member === this.#brokerId) return false;
      const follower = role.followers.get(member);
      return follower === undefined || nowMs - follower.lastCaughtUpTimeMs > this.#settings.replicaLagTimeMaxMs;
    });
    if (laggards.length === 0) return;
    this.#proposeIsr(role, role.isr.filter((member) => !laggards.includes(member)));
  }

  #proposeIsr(role: LeaderState, proposed: readonly number[]): void {
    assert(proposed.includes(this.#brokerId), `ISR proposal ${proposed.join(",")} must keep the leader ${this.#brokerId}`);
    role.pendingIsr = proposed;
    const newIsr = proposed.map((brokerId) => ({
      brokerId,
      brokerEpoch: brokerId === this.#brokerId ? -1 : (role.followers.get(brokerId)?.brokerEpoch ?? -1),
    }));
    this.#isrSender
      .send({ topicId: role.topicId, partition: this.partition, leaderEpoch: role.leaderEpoch, partitionEpoch: role.partitionEpoch, newIsr })
      .then(
        (result) => {
          if (this.#role !== role) return;
          if (result.ok && result.leaderEpoch === role.leaderEpoch) {
            if (result.partitionEpoch >= role.partitionEpoch) {
              role.partitionEpoch = result.partitionEpoch;
              role.isr = result.isr;
            }
          }
          role.pendingIsr = undefined;
          this.#maybeIncrementHighWatermark();
        },
        () => {
          if (this.#role === role) role.pendingIsr = undefined;
        },
      );
  }

  /** followerStates lists what the leader knows of each follower (for tests and status). */
  followerStates(): readonly FollowerState[] {
    return this.#role.kind === "leader" ? [...this.#role.followers.values()] : [];
  }
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((member) => b.includes(member));
}

/** splitBatches walks the batches of a buffer by their headers, without decoding records. */
function splitBatches(bytes: Uint8Array): { header: RecordBatchHeader; bytes: Uint8Array }[] {
  const batches: { header: RecordBatchHeader; bytes: Uint8Array }[] = [];
  for (let position = 0; position < bytes.length; ) {
    const header = readBatchHeader(bytes, position);
    const size = 12 + header.batchLength;
    batches.push({ header, bytes: bytes.subarray(position, position + size) });
    position += size;
  }
  return batches;
}
