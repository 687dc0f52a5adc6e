import type { Cluster } from "../cluster/cluster.js";
import { partitionKey, type PartitionItem } from "../cluster/route-to-leaders.js";
import { ERRORS } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { InstrumentationEmitter } from "../instrumentation/instrumentation-emitter.js";
import type { Logger } from "../logging/logger.js";
import { sleep, type Clock, type TimerHandle } from "../time/clock.js";
import { CommitRejectedError, type MessageProcessingError } from "./consumer-errors.js";
import type { ConsumerEvents } from "./consumer-events.js";
import type { ResolvedConsumerOptions } from "./consumer-options.js";
import type { TopicOffsets, TopicPartitionList, TopicPartitionOffset } from "./consumer-types.js";
import type { SentPartition } from "./fetch-request.js";
import { FetchScheduler, type FetchSource } from "./fetch-scheduler.js";
import { GroupMembership, type AssignmentChange, type MembershipListener } from "./group-membership.js";
import { MessageRunner, type RunnerOptions, type RunnerSource } from "./message-runner.js";
import { NO_MEMBER, OffsetCommitter, type CommitEntry } from "./offset-committer.js";
import { PartitionState } from "./partition-state.js";
import type { PauseRegistry } from "./pause-registry.js";
import { findStartOffsets, resetOffsets } from "./start-offsets.js";
import type { Subscription } from "./subscription.js";
import { groupByTopic, groupOffsetsByTopic, toOffset } from "./topic-partitions.js";

/** SessionDeps are what a {@link ConsumerSession} runs with; the consumer owns the parts that outlive a run. */
export interface SessionDeps {
  readonly cluster: Cluster;
  readonly options: ResolvedConsumerOptions;
  readonly clientId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: InstrumentationEmitter<ConsumerEvents>;
  /** subscription makes this a group member; without it the session consumes `manual` partitions. */
  readonly subscription: Subscription | undefined;
  readonly manual: readonly PartitionItem[];
  readonly pauses: PauseRegistry;
  /** pendingSeeks are seeks of partitions not yet consumed; a partition starting consumption takes its seek. */
  readonly pendingSeeks: Map<string, bigint>;
  readonly runner: Omit<RunnerOptions, "retry" | "clock" | "logger" | "events" | "maxRecordsPerFetch">;
  /** onStop is called when the session stops itself (crash without restart, fatal membership error). */
  readonly onStop: (error: Error) => void;
}

/**
 * ConsumerSession is one run of a consumer: the partitions it holds, fetching, handing messages
 * out, committing, and (with a subscription) group membership.
 *
 * Hand-over (KIP-848): when the coordinator takes partitions away, they stop being fetched and
 * handed out at once and their buffered messages are dropped; the handler call running on them
 * (if any) finishes; their processed offsets are committed (with autoCommit) and every commit
 * asked for earlier has finished; only then are they released, and the release is reported by a
 * heartbeat sent right away. The coordinator gives them to another member only after that
 * heartbeat, so the next owner starts from the committed offsets.
 *
 * Fencing drops every partition without committing (another member may own them already) and the
 * member rejoins; work still running on a dropped partition can no longer be committed.
 */
export class ConsumerSession implements FetchSource, RunnerSource, MembershipListener {
  private readonly deps: SessionDeps;
  private readonly states = new Map<string, PartitionState>();
  private readonly fetcher: FetchScheduler;
  private readonly runner: MessageRunner;
  private readonly membership: GroupMembership | undefined;
  private readonly committer: OffsetCommitter | undefined;
  private readonly abort = new AbortController();
  /** incarnation changes whenever every partition is dropped, so hand-overs begun before are abandoned. */
  private incarnation = 0;
  private roundRobin = 0;
  private stopping: Promise<void> | undefined;
  private commitTimer: TimerHandle | undefined;
  private lastCommitMs: number;

  constructor(deps: SessionDeps) {
    this.deps = deps;
    const { cluster, options, clock, logger, events, subscription } = deps;
    const groupId = options.groupId;
    this.fetcher = new FetchScheduler({ cluster, options, events, logger, clock, source: this });
    this.runner = new MessageRunner(this, { ...deps.runner, retry: options.retry, clock, logger, events, maxRecordsPerFetch: options.maxRecordsPerFetch });
    if (groupId !== undefined && subscription !== undefined) {
      const topics = { topicNames: subscription.topicNames, topicRegex: subscription.topicRegex };
      this.membership = new GroupMembership({ cluster, options, groupId, clientId: deps.clientId, subscription: topics, clock, logger, events, listener: this });
    }
    if (groupId !== undefined) {
      this.committer = new OffsetCommitter({ cluster, groupId, events, identity: () => this.membership?.identity ?? NO_MEMBER });
    }
    this.lastCommitMs = clock.nowMs();
  }

  /** start starts fetching and handing out, and joins the group or takes the manual partitions. */
  start(): void {
    this.fetcher.start();
    this.runner.start();
    if (this.membership !== undefined) this.membership.start();
    else this.assignManual(this.deps.manual);
    this.armAutoCommit();
  }

  /** isRunning tells whether the session still hands messages out. */
  get isRunning(): boolean {
    return this.stopping === undefined;
  }

  /** owned lists the partitions held (not released). */
  owned(): PartitionItem[] {
    return [...this.states.values()];
  }

  // --- Application calls -----------------------------------------------------------------------

  /** assignManual replaces the manually assigned partitions: new ones start, dropped ones are committed (autoCommit) and released. */
  assignManual(items: readonly PartitionItem[]): void {
    const wanted = new Set(items.map((item) => partitionKey(item.topic, item.partition)));
    const released = [...this.states.values()].filter((state) => state.status !== "revoking" && !wanted.has(state.key));
    this.addPartitions(items.filter((item) => !this.states.has(partitionKey(item.topic, item.partition))));
    if (released.length > 0) void this.release(released);
  }

  /** seek moves a partition's position; a partition not consumed yet takes it when it starts. */
  seek(topic: string, partition: number, offset: bigint): void {
    const state = this.states.get(partitionKey(topic, partition));
    if (state === undefined || state.status === "starting") {
      this.deps.pendingSeeks.set(partitionKey(topic, partition), offset);
      return;
    }
    if (state.status !== "active") return;
    state.moveTo(offset);
    // As in KafkaJS: with autoCommit the sought offset is committed, so a restart resumes there.
    if (this.deps.options.autoCommit && this.committer !== undefined) state.resolve(offset, -1);
    this.fetcher.schedule();
    this.runner.notify();
  }

  /** resumed: pauses ended; fetch and hand out again. */
  resumed(): void {
    this.fetcher.schedule();
    this.runner.notify();
  }

  /**
   * commitOffsets commits explicit offsets (next offsets to read) as this member.
   *
   * @throws CommitRejectedError when this member was fenced; it rejoins.
   */
  async commitOffsets(offsets: readonly TopicPartitionOffset[]): Promise<void> {
    const entries = offsets.map((entry) => ({ topic: entry.topic, partition: entry.partition, offset: toOffset(entry.offset, "commit offset"), leaderEpoch: -1 }));
    await this.commitEntries(entries);
    for (const entry of entries) {
      const state = this.states.get(partitionKey(entry.topic, entry.partition));
      if (state === undefined || !state.isOwned) continue;
      state.resolve(entry.offset, entry.leaderEpoch);
      state.committedOffset = entry.offset;
    }
  }

  /** commitResolved commits every processed offset not committed yet. */
  async commitResolved(states: Iterable<PartitionState> = this.states.values()): Promise<void> {
    const pending = [...states].filter((state) => state.isOwned && state.uncommitted);
    const entries = pending.map((state) => ({ topic: state.topic, partition: state.partition, offset: state.resolvedOffset, leaderEpoch: state.resolvedLeaderEpoch }));
    this.lastCommitMs = this.deps.clock.nowMs();
    if (entries.length === 0) return;
    await this.commitEntries(entries);
    entries.forEach((entry, index) => (pending[index]!.committedOffset = entry.offset));
  }

  /**
   * stop ends the session: nothing more is fetched or handed out; handler calls in progress may
   * finish (up to rebalanceTimeoutMs, heartbeats going on meanwhile); processed offsets are
   * committed (autoCommit); then the member leaves the group. Idempotent.
   */
  stop(): Promise<void> {
    this.stopping ??= this.stopNow();
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    const { clock, options, logger } = this.deps;
    this.commitTimer?.cancel();
    this.fetcher.stop();
    const handlersDone = this.runner.stop();
    const timeout = new AbortController();
    const finished = await Promise.race([handlersDone.then(() => true), sleep(clock, options.rebalanceTimeoutMs, timeout.signal).then(() => false, () => true)]);
    timeout.abort();
    if (!finished) logger.warn("handlers still running after rebalanceTimeoutMs; leaving without waiting for them", { rebalanceTimeoutMs: options.rebalanceTimeoutMs });
    if (options.autoCommit && this.committer !== undefined) {
      await this.commitResolved().catch((error: unknown) => logger.warn("the final commit failed; the next owner starts from the last committed offsets", { error }));
    }
    await this.committer?.drain();
    this.abort.abort();
    await this.membership?.leave();
    for (const state of this.states.values()) state.transitionTo("gone");
    this.states.clear();
  }

  // --- Assignment ------------------------------------------------------------------------------

  ownedPartitions(): readonly TopicPartitionList[] {
    return groupByTopic(this.states.values());
  }

  onAssignment(change: AssignmentChange): void {
    const target = new Set(change.partitions.flatMap(({ topic, partitions }) => partitions.map((partition) => partitionKey(topic, partition))));
    const revoked = [...this.states.values()].filter((state) => state.status !== "revoking" && !target.has(state.key));
    // A partition still being released is added by a later answer (every answer carries the assignment).
    const added = change.partitions.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition }))).filter((item) => !this.states.has(partitionKey(item.topic, item.partition)));
    if (revoked.length === 0 && added.length === 0) return;
    this.deps.events.emit("consumer.group_join", {
      groupId: this.deps.options.groupId ?? "",
      memberId: change.memberId,
      memberEpoch: change.memberEpoch,
      memberAssignment: Object.fromEntries(change.partitions.map(({ topic, partitions }) => [topic, partitions])),
      assigned: groupByTopic(added),
      revoked: groupByTopic(revoked),
      durationMs: change.durationMs,
    });
    this.deps.logger.info("assignment changed", { memberEpoch: change.memberEpoch, assigned: groupByTopic(added), revoked: groupByTopic(revoked) });
    this.addPartitions(added);
    if (revoked.length > 0) void this.release(revoked);
  }

  onFenced(error: TributaryError): void {
    this.dropAll(error);
  }

  onFatal(error: TributaryError): void {
    this.dropAll(error);
    this.deps.events.emit("consumer.crash", { error, groupId: this.deps.options.groupId, restart: false });
    this.deps.onStop(error);
  }

  private addPartitions(items: readonly PartitionItem[]): void {
    if (items.length === 0) return;
    const { subscription, options } = this.deps;
    const states = items.map((item) => new PartitionState(item.topic, item.partition, subscription?.fromBeginningFor(item.topic, options.fromBeginning) ?? options.fromBeginning));
    for (const state of states) this.states.set(state.key, state);
    void this.startPartitions(states);
  }

  /**
   * startPartitions finds where new partitions start (a pending seek, else the committed offset,
   * else the reset policy), retrying with backoff until it succeeds or they are gone.
   */
  private async startPartitions(states: readonly PartitionState[]): Promise<void> {
    const { cluster, clock, logger, pendingSeeks } = this.deps;
    for (let attempt = 0; ; attempt++) {
      const pending = states.filter((state) => state.status === "starting" && this.states.get(state.key) === state);
      if (pending.length === 0 || this.stopping !== undefined) return;
      try {
        const unsought = pending.filter((state) => !pendingSeeks.has(state.key));
        const starts = await findStartOffsets(cluster, this.committer, unsought);
        for (const state of pending) {
          if (state.status !== "starting" || this.states.get(state.key) !== state) continue;
          const sought = pendingSeeks.get(state.key);
          pendingSeeks.delete(state.key);
          const start = starts.get(state.key);
          if (start?.committed === true) state.committedOffset = start.offset;
          const offset = sought ?? start?.offset;
          if (offset !== undefined) state.start(offset);
          if (sought !== undefined && this.deps.options.autoCommit && this.committer !== undefined) state.resolve(sought, -1);
        }
        this.fetcher.schedule();
        if (pending.every((state) => state.status !== "starting")) return;
      } catch (error) {
        const typed = TributaryError.from(error);
        if (!ERRORS[typed.code].retriable) {
          this.crash(new TributaryError(typed.code, `cannot start consuming ${pending.map((state) => state.key).join(", ")}: ${typed.message}`, { cause: typed }));
          return;
        }
        logger.warn("could not find where new partitions start; retrying", { partitions: pending.map((state) => state.key), error: typed.message });
      }
      await sleep(clock, cluster.retrier.delayMs(attempt), this.abort.signal).catch(() => undefined);
    }
  }

  /** release hands partitions back: stop, let the running handler finish, commit, then report the release. */
  private async release(states: readonly PartitionState[]): Promise<void> {
    const incarnation = this.incarnation;
    for (const state of states) state.transitionTo("revoking");
    const revoking = groupByTopic(states);
    const identity = this.membership?.identity;
    if (identity !== undefined) this.deps.events.emit("consumer.rebalancing", { groupId: this.deps.options.groupId ?? "", ...identity, revoking });
    await this.runner.whenIdle(new Set(states.map((state) => state.key)));
    if (incarnation !== this.incarnation) return;
    if (this.deps.options.autoCommit && this.committer !== undefined) {
      try {
        await this.commitResolved(states);
      } catch (error) {
        if (error instanceof CommitRejectedError) return;
        this.deps.logger.warn("could not commit released partitions; their next owner starts from the last committed offsets", { revoking, error });
      }
    }
    await this.committer?.drain();
    if (incarnation !== this.incarnation) return;
    for (const state of states) {
      if (this.states.get(state.key) !== state) continue;
      state.transitionTo("gone");
      this.states.delete(state.key);
    }
    this.membership?.heartbeatNow();
  }

  private dropAll(error: TributaryError): void {
    this.incarnation++;
    const lost = [...this.states.values()];
    for (const state of lost) state.transitionTo("gone");
    this.states.clear();
    if (lost.length > 0) {
      this.deps.logger.warn("partitions lost without committing", { errorCode: error.code, partitions: groupByTopic(lost) });
      this.deps.events.emit("consumer.partitions_lost", { groupId: this.deps.options.groupId ?? "", memberId: this.membership?.identity.memberId ?? "", errorCode: error.code, partitions: groupByTopic(lost) });
    }
    this.runner.notify();
  }

  // --- Fetching --------------------------------------------------------------------------------

  partitions(): Iterable<PartitionState> {
    return this.states.values();
  }

  isPaused(state: PartitionState): boolean {
    return this.deps.pauses.isPaused(state.topic, state.partition);
  }

  async resetPosition(sent: SentPartition): Promise<void> {
    const { state } = sent;
    const { cluster, clock, events, logger } = this.deps;
    const policy = state.fromBeginning ? "earliest" : "latest";
    try {
      const offsets = await resetOffsets(cluster, [{ topic: state.topic, partition: state.partition, key: state.key, fromBeginning: state.fromBeginning }]);
      const offset = offsets.get(state.key);
      if (offset === undefined) throw new TributaryError("UNKNOWN_SERVER_ERROR", `no ${policy} offset came back for ${state.key}`);
      if (state.status !== "active" || state.generation !== sent.generation) return;
      state.moveTo(offset);
      logger.warn("the position was out of range; reset by policy", { topic: state.topic, partition: state.partition, fromOffset: sent.fetchOffset, toOffset: offset, policy });
      events.emit("consumer.offset_reset", { topic: state.topic, partition: state.partition, fromOffset: sent.fetchOffset, toOffset: offset, policy });
    } catch (error) {
      logger.warn("could not reset an out-of-range position; retrying", { partition: state.key, error });
      if (state.generation === sent.generation) state.fetchRetryAtMs = clock.nowMs() + cluster.retrier.delayMs(state.fetchFailures++);
    }
  }

  onMessages(): void {
    this.runner.notify();
  }

  onUnreadable(error: Error): void {
    this.crash(error);
  }

  // --- Handing out -----------------------------------------------------------------------------

  nextPartition(busy: ReadonlySet<string>): PartitionState | undefined {
    const candidates = [...this.states.values()];
    for (let index = 0; index < candidates.length; index++) {
      const state = candidates[(this.roundRobin + index) % candidates.length]!;
      if (state.status !== "active" || busy.has(state.key) || this.isPaused(state) || state.headChunk() === undefined) continue;
      this.roundRobin = (this.roundRobin + index + 1) % candidates.length;
      return state;
    }
    return undefined;
  }

  pause(topic: string, partition: number): () => void {
    this.deps.pauses.pause([{ topic, partitions: [partition] }]);
    return () => {
      this.deps.pauses.resume([{ topic, partitions: [partition] }]);
      this.resumed();
    };
  }

  async commitOffsetsIfNecessary(offsets?: readonly TopicPartitionOffset[]): Promise<void> {
    if (offsets !== undefined) return this.commitOffsets(offsets);
    const { options, clock } = this.deps;
    if (options.autoCommit && this.committer !== undefined && clock.nowMs() - this.lastCommitMs >= options.autoCommitIntervalMs) await this.commitResolved();
  }

  uncommittedOffsets(): TopicOffsets[] {
    return groupOffsetsByTopic([...this.states.values()].filter((state) => state.isOwned && state.uncommitted).map((state) => ({ topic: state.topic, partition: state.partition, offset: state.resolvedOffset })));
  }

  onConsumed(): void {
    this.fetcher.schedule();
  }

  async onHandlerFailed(error: MessageProcessingError): Promise<void> {
    let restart = false;
    try {
      restart = await this.deps.options.restartOnFailure(error);
    } catch (decisionError) {
      this.deps.logger.error("restartOnFailure threw; stopping", { error: decisionError });
    }
    this.deps.events.emit("consumer.crash", { error, groupId: this.deps.options.groupId, restart });
    if (restart) this.deps.logger.warn("the handler failed; restartOnFailure says to try the message again after a backoff", { error: error.message });
    else this.deps.onStop(error);
  }

  onRunnerFailed(error: unknown): void {
    this.crash(error instanceof Error ? error : new Error(String(error)));
  }

  // --- Internals -------------------------------------------------------------------------------

  private crash(error: Error): void {
    this.deps.logger.error("the consumer crashed", { error });
    this.deps.events.emit("consumer.crash", { error, groupId: this.deps.options.groupId, restart: false });
    this.deps.onStop(error);
  }

  private async commitEntries(entries: readonly CommitEntry[]): Promise<void> {
    if (this.committer === undefined) throw new TributaryError("INVALID_CONFIG", "offsets are committed to a group; give the consumer a groupId");
    try {
      await this.committer.commit(entries);
    } catch (error) {
      if (error instanceof CommitRejectedError) this.membership?.rejoin(TributaryError.from(error.cause));
      throw error;
    }
  }

  private armAutoCommit(): void {
    const { options, clock, logger } = this.deps;
    if (!options.autoCommit || this.committer === undefined || this.stopping !== undefined) return;
    this.commitTimer = clock.setTimer(() => {
      void this.commitResolved()
        .catch((error: unknown) => logger.warn("auto-commit failed; retrying at the next interval", { error }))
        .finally(() => this.armAutoCommit());
    }, options.autoCommitIntervalMs);
  }
}
