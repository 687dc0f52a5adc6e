import { AssertionError } from "@tributary/client/internal/assert";
import { TributaryError, type ErrorName } from "@tributary/client/internal/errors";
import { SILENT_LOGGER, type Logger } from "../control/logger.js";
import { SerialQueue } from "../log/serial-queue.js";
import type { Scheduler } from "../purgatory/scheduler.js";
import type { Partition } from "../replica/partition.js";
import type { AckWaiter } from "../service/waiters.js";
import type { GroupState } from "./consumer-group.js";
import type { CoordinatorMetadata } from "./coordinator-metadata.js";
import type { GroupConfig } from "./group-config.js";
import { GroupCoordinatorShard } from "./group-coordinator-shard.js";
import { encodeGroupRecordBatch } from "./group-record-codec.js";
import type { GroupRecord } from "./group-records.js";
import { MemberTimers, type ArmedTimer } from "./member-timers.js";
import { OFFSETS_TOPIC, offsetsPartitionFor } from "./offsets-topic.js";
import type {
  FetchedOffset,
  GroupDescription,
  HeartbeatRequest,
  HeartbeatResponse,
  ItemErrors,
  OffsetCommitRequest,
  OffsetFetchRequest,
  ShardResult,
} from "./shard-types.js";
import { loadShard } from "./shard-loader.js";
import type { TopicsView } from "./topics-view.js";

/** OffsetsPartitionSource is where the coordinator learns which offsets partitions this broker leads (the ReplicaManager). */
export interface OffsetsPartitionSource {
  partitions(): Iterable<Partition>;
  /** onPartitionChange calls `listener` after a partition's role may have changed. */
  onPartitionChange(listener: (partition: Partition) => void): () => void;
}

/** GroupCoordinatorOptions configures a {@link GroupCoordinator}. */
export interface GroupCoordinatorOptions {
  readonly brokerId: number;
  readonly replicas: OffsetsPartitionSource;
  /** Waits for the high watermark to pass appended records (acks=all). */
  readonly ackWaiter: AckWaiter;
  readonly metadata: CoordinatorMetadata;
  readonly config: GroupConfig;
  /** Session and rebalance timeouts run on it (a fake one on virtual time in tests). */
  readonly scheduler: Scheduler;
  /** Wall-clock time for commit timestamps (defaults to Date.now). */
  readonly wallClockMs?: () => number;
  /** How long a write may wait to be replicated before it is answered COORDINATOR_NOT_AVAILABLE. */
  readonly writeTimeoutMs?: number;
  /**
   * log.flush.before.ack: the high watermark counts fsynced records only (DESIGN.md decision 3), so
   * the leader starts an fsync after each write, as the produce path does. Defaults to true.
   */
  readonly flushBeforeAck?: boolean;
  readonly logger?: Logger;
  readonly newMemberId?: () => string;
  /** Told of broken invariants, so the broker can stop rather than serve from a broken state. */
  readonly onBug?: (error: AssertionError) => void;
}

const DEFAULT_WRITE_TIMEOUT_MS = 30_000;
/** GROUP_ID_CHARS_MAX bounds group ids, which are part of every record key of the group. */
const GROUP_ID_CHARS_MAX = 1_024;
/** LOAD_WAIT_MS bounds one wait of a load for the high watermark before it checks again. */
const LOAD_WAIT_MS = 5_000;
/** LOAD_RETRY_MS is how long a shard whose load failed waits before loading again. */
const LOAD_RETRY_MS = 5_000;
/** EXPIRY_RETRY_MS is how soon a session or rebalance expiry whose write failed is tried again. */
const EXPIRY_RETRY_MS = 1_000;

/**
 * NOTHING_WRITTEN are append errors raised before anything reached the log; after any other
 * failure the log may hold records the state does not, and the shard is loaded again.
 */
const NOTHING_WRITTEN: ReadonlySet<ErrorName> = new Set<ErrorName>(["NOT_ENOUGH_REPLICAS", "NOT_LEADER_OR_FOLLOWER", "MESSAGE_TOO_LARGE", "RECORD_LIST_TOO_LARGE", "CORRUPT_MESSAGE", "INVALID_RECORD"]);

/** ShardSlot is one loaded (or loading) shard: the state of one offsets partition this broker leads. */
interface ShardSlot {
  readonly index: number;
  readonly partition: Partition;
  /** The leader epoch the shard was loaded in; every write waits for acks in it. */
  readonly leaderEpoch: number;
  readonly shard: GroupCoordinatorShard;
  readonly timers: MemberTimers;
  status: "loading" | "active" | "failed";
  /** Set once the slot is replaced or unloaded: nothing it does afterwards may be applied or scheduled. */
  retired: boolean;
}

/** Lane serializes everything one offsets partition's shard does, across the slots it has over time. */
interface Lane {
  readonly queue: SerialQueue;
  slot: ShardSlot | undefined;
}

/** ListedGroups is what ListGroups gathers across the shards this broker coordinates. */
export interface ListedGroups {
  readonly groups: readonly { readonly groupId: string; readonly state: GroupState }[];
  /** Shards still loading, whose groups are missing from the list. */
  readonly loadingShards: number;
}

/**
 * GroupCoordinator is the runtime around the pure group state machines: one
 * {@link GroupCoordinatorShard} per `__consumer_offsets` partition this broker leads. It
 * - loads a shard by replaying the partition's log when this broker becomes its leader (requests
 *   get COORDINATOR_LOAD_IN_PROGRESS meanwhile) and unloads it when leadership moves away
 *   (NOT_COORDINATOR afterwards);
 * - runs one operation at a time per shard: compute the records and response, append them with
 *   acks=all, wait until they are replicated, then replay them and answer. A failed write applies
 *   nothing; if it may have reached the log anyway (an ack timeout), the shard loads again, so its
 *   state is always exactly its committed log;
 * - keeps members' session and rebalance timeouts on the injected scheduler and turns expiries into
 *   operations of the same queue.
 * Reads (OffsetFetch, DescribeGroups, ListGroups, and heartbeats that change nothing) read the
 * state directly: it only ever holds committed records, and an acknowledged write is applied before
 * it is acknowledged.
 */
export class GroupCoordinator {
  readonly #options: GroupCoordinatorOptions;
  readonly #logger: Logger;
  readonly #writeTimeoutMs: number;
  readonly #wallClockMs: () => number;
  readonly #lanes = new Map<number, Lane>();
  #unsubscribe: (() => void) | undefined;
  #closed = false;

  constructor(options: GroupCoordinatorOptions) {
    this.#options = options;
    this.#logger = options.logger ?? SILENT_LOGGER;
    this.#writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
    this.#wallClockMs = options.wallClockMs ?? Date.now;
  }

  /** start follows partition leadership changes and loads the offsets partitions this broker already leads. */
  start(): void {
    if (this.#unsubscribe !== undefined || this.#closed) return;
    this.#unsubscribe = this.#options.replicas.onPartitionChange((partition) => this.#onPartitionChange(partition));
    for (const partition of this.#options.replicas.partitions()) this.#onPartitionChange(partition);
  }

  /**
   * shutdown unloads every shard and cancels every timer. Operations in flight finish on their own
   * (their waits end when the broker's waiters shut down); nothing new is accepted.
   */
  async shutdown(): Promise<void> {
    this.#closed = true;
    this.#unsubscribe?.();
    for (const lane of this.#lanes.values()) {
      if (lane.slot !== undefined) this.#retire(lane.slot);
      lane.slot = undefined;
    }
  }

  /** loadedShards lists the offsets partitions whose shard is active (for status and tests). */
  loadedShards(): number[] {
    return [...this.#lanes].filter(([, lane]) => lane.slot?.status === "active").map(([index]) => index).sort((a, b) => a - b);
  }

  /** shard returns the active shard of an offsets partition (tests). */
  shard(index: number): GroupCoordinatorShard | undefined {
    const slot = this.#lanes.get(index)?.slot;
    return slot?.status === "active" ? slot.shard : undefined;
  }

  /** idle resolves once every operation queued so far has finished (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.#lanes.values()].map((lane) => lane.queue.idle()));
  }

  /**
   * heartbeat serves a ConsumerGroupHeartbeat. Throws the TributaryError to answer with.
   *
   * Most heartbeats change nothing (a member that is stable at its epoch). Those are answered at once
   * from the committed state instead of waiting behind the shard's writes (offset commits wait for
   * replication): they write nothing, so answering them is a read, ordered before the writes still in
   * flight. A heartbeat that would write, or fail, takes its turn in the queue and is computed again
   * there.
   */
  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResponse> {
    const index = this.#indexOf(request.groupId);
    const slot = this.#usableSlot(index);
    try {
      const result = slot.shard.handleHeartbeat(request, this.#options.metadata.topics());
      if (result.records.length === 0) {
        slot.timers.apply(result.timers);
        return Promise.resolve(result.response);
      }
    } catch (error) {
      if (error instanceof AssertionError) throw error;
    }
    return this.#run(index, (shard, topics) => shard.handleHeartbeat(request, topics), "UNKNOWN_SERVER_ERROR");
  }

  /** commitOffsets serves an OffsetCommit: per-entry errors, or a thrown group-level TributaryError. */
  commitOffsets(request: OffsetCommitRequest): Promise<ItemErrors> {
    return this.#run(this.#indexOf(request.groupId), (shard, topics) => shard.handleOffsetCommit(request, topics, this.#wallClockMs()), "INVALID_COMMIT_OFFSET_SIZE");
  }

  /** fetchOffsets serves an OffsetFetch from the committed state. */
  fetchOffsets(request: OffsetFetchRequest): FetchedOffset[] {
    return this.#usableSlot(this.#indexOf(request.groupId)).shard.fetchOffsets(request);
  }

  /** describeGroup describes one group, or returns undefined when it does not exist. */
  describeGroup(groupId: string): GroupDescription | undefined {
    return this.#usableSlot(this.#indexOf(groupId)).shard.describeGroup(groupId);
  }

  /** listGroups lists the groups of every shard this broker has loaded. */
  listGroups(): ListedGroups {
    const groups: { groupId: string; state: GroupState }[] = [];
    let loadingShards = 0;
    for (const lane of this.#lanes.values()) {
      if (lane.slot?.status === "active") groups.push(...lane.slot.shard.listGroups());
      else if (lane.slot?.status === "loading") loadingShards++;
    }
    return { groups: groups.sort((a, b) => (a.groupId < b.groupId ? -1 : 1)), loadingShards };
  }

  /** deleteGroups deletes empty groups, whichever shards they live in; one outcome per group id. */
  async deleteGroups(groupIds: readonly string[]): Promise<ItemErrors> {
    const outcomes: (TributaryError | null)[] = groupIds.map(() => null);
    const byShard = new Map<number, number[]>();
    groupIds.forEach((groupId, position) => {
      try {
        const index = this.#indexOf(groupId);
        byShard.set(index, [...(byShard.get(index) ?? []), position]);
      } catch (error) {
        outcomes[position] = asTributaryError(error);
      }
    });
    await Promise.all(
      [...byShard].map(async ([index, positions]) => {
        try {
          const errors = await this.#run(index, (shard) => shard.handleDeleteGroups(positions.map((position) => groupIds[position]!)), "UNKNOWN_SERVER_ERROR");
          positions.forEach((position, item) => (outcomes[position] = errors[item] ?? null));
        } catch (error) {
          for (const position of positions) outcomes[position] = asTributaryError(error);
        }
      }),
    );
    return outcomes;
  }

  #indexOf(groupId: string): number {
    if (groupId === "" || groupId.length > GROUP_ID_CHARS_MAX) throw new TributaryError("INVALID_REQUEST", `a group id must be 1 to ${GROUP_ID_CHARS_MAX} characters`);
    const count = this.#options.metadata.offsetsPartitionCount();
    if (count === undefined) throw new TributaryError("COORDINATOR_NOT_AVAILABLE", `${OFFSETS_TOPIC} does not exist yet; FindCoordinator creates it`);
    return offsetsPartitionFor(groupId, count);
  }

  /** usableSlot returns the active shard of a partition or throws what the client should do instead. */
  #usableSlot(index: number): ShardSlot {
    const slot = this.#lanes.get(index)?.slot;
    if (this.#closed) throw new TributaryError("NOT_COORDINATOR", `broker ${this.#options.brokerId} is shutting down`);
    if (slot === undefined || slot.retired) {
      if (this.#options.metadata.offsetsLeader(index) === this.#options.brokerId) {
        throw new TributaryError("COORDINATOR_LOAD_IN_PROGRESS", `broker ${this.#options.brokerId} is taking over ${OFFSETS_TOPIC}-${index}`);
      }
      throw new TributaryError("NOT_COORDINATOR", `broker ${this.#options.brokerId} does not coordinate the groups of ${OFFSETS_TOPIC}-${index}`);
    }
    if (slot.status === "loading") throw new TributaryError("COORDINATOR_LOAD_IN_PROGRESS", `broker ${this.#options.brokerId} is loading the groups of ${OFFSETS_TOPIC}-${index}`);
    if (slot.status === "failed") throw new TributaryError("COORDINATOR_NOT_AVAILABLE", `the groups of ${OFFSETS_TOPIC}-${index} failed to load; retrying`);
    return slot;
  }

  /** run queues one operation of a shard: compute, write, wait for replication, apply, answer. */
  #run<R>(index: number, compute: (shard: GroupCoordinatorShard, topics: TopicsView) => ShardResult<R>, tooLarge: ErrorName): Promise<R> {
    this.#usableSlot(index);
    const lane = this.#lanes.get(index)!;
    return lane.queue.run(async () => {
      const slot = this.#usableSlot(index);
      return this.#commitAndApply(slot, compute(slot.shard, this.#options.metadata.topics()), tooLarge);
    });
  }

  async #commitAndApply<R>(slot: ShardSlot, result: ShardResult<R>, tooLarge: ErrorName): Promise<R> {
    if (result.records.length > 0) await this.#commit(slot, result.records, tooLarge);
    for (const record of result.records) slot.shard.replay(record);
    if (!slot.retired) slot.timers.apply(result.timers);
    return result.response;
  }

  /** commit appends records with acks=all and waits until they are replicated; it throws if they may not be. */
  async #commit(slot: ShardSlot, records: readonly GroupRecord[], tooLarge: ErrorName): Promise<void> {
    const batch = await encodeGroupRecordBatch(records, this.#wallClockMs());
    if (slot.retired) throw new TributaryError("NOT_COORDINATOR", `${OFFSETS_TOPIC}-${slot.index} moved while the write was prepared`);
    let lastOffset: bigint;
    try {
      ({ lastOffset } = await slot.partition.appendAsLeader(batch, -1));
    } catch (error) {
      if (error instanceof AssertionError) throw error;
      const failure = TributaryError.from(error);
      if (!NOTHING_WRITTEN.has(failure.code)) this.#reload(slot, `an append failed (${failure.message})`);
      throw coordinatorError(failure, tooLarge);
    }
    if (this.#options.flushBeforeAck !== false) void slot.partition.log.flush().catch(() => undefined);
    const [failure] = await this.#options.ackWaiter.waitForAcks([{ partition: slot.partition, requiredOffset: lastOffset + 1n, leaderEpoch: slot.leaderEpoch }], this.#writeTimeoutMs);
    if (failure !== null && failure !== undefined) {
      // The records are in the leader's log and may yet be committed: reload once they are (or
      // let the next leader have them), so the state never diverges from the log.
      this.#reload(slot, `a write was not acknowledged (${failure.message})`);
      throw coordinatorError(failure, tooLarge);
    }
  }

  #onPartitionChange(partition: Partition): void {
    if (this.#closed || partition.topic !== OFFSETS_TOPIC) return;
    let lane = this.#lanes.get(partition.partition);
    if (lane === undefined) this.#lanes.set(partition.partition, (lane = { queue: new SerialQueue(), slot: undefined }));
    const current = lane.slot;
    if (partition.isLeader) {
      if (current !== undefined && !current.retired && current.partition === partition && current.leaderEpoch === partition.leaderEpoch) return;
      if (current !== undefined) this.#retire(current);
      this.#startLoad(lane, partition);
    } else if (current !== undefined) {
      this.#retire(current);
      lane.slot = undefined;
      this.#logger.info(`unloaded the groups of ${OFFSETS_TOPIC}-${partition.partition}: this broker no longer leads it`);
    }
  }

  #startLoad(lane: Lane, partition: Partition): void {
    const slot: ShardSlot = {
      index: partition.partition,
      partition,
      leaderEpoch: partition.leaderEpoch,
      shard: new GroupCoordinatorShard({ config: this.#options.config, ...(this.#options.newMemberId === undefined ? {} : { newMemberId: this.#options.newMemberId }) }),
      timers: new MemberTimers(this.#options.scheduler, {
        onSessionExpired: (groupId, memberId, timer) => this.#expire(slot, groupId, memberId, timer, "session"),
        onRebalanceExpired: (groupId, memberId, memberEpoch, timer) => this.#expire(slot, groupId, memberId, timer, "rebalance", memberEpoch),
      }),
      status: "loading",
      retired: false,
    };
    lane.slot = slot;
    void lane.queue.run(() => this.#load(slot, lane));
  }

  async #load(slot: ShardSlot, lane: Lane): Promise<void> {
    if (slot.retired) return;
    const startedMs = this.#options.scheduler.nowMs();
    try {
      const outcome = await loadShard({
        partition: slot.partition,
        leaderEpoch: slot.leaderEpoch,
        shard: slot.shard,
        ackWaiter: this.#options.ackWaiter,
        waitTimeoutMs: LOAD_WAIT_MS,
        isCancelled: () => slot.retired || this.#closed,
      });
      if (outcome.kind === "cancelled" || slot.retired) return;
      slot.status = "active";
      slot.timers.apply(slot.shard.memberTimers());
      const elapsedMs = Math.round(this.#options.scheduler.nowMs() - startedMs);
      this.#logger.info(`loaded ${slot.shard.groupIds().length} groups of ${OFFSETS_TOPIC}-${slot.index} from ${outcome.records} records up to offset ${outcome.endOffset} in ${elapsedMs} ms`);
    } catch (error) {
      if (error instanceof AssertionError) this.#options.onBug?.(error);
      if (slot.retired) return;
      slot.status = "failed";
      this.#logger.error(`cannot load the groups of ${OFFSETS_TOPIC}-${slot.index}: ${(error as Error).message}; retrying in ${LOAD_RETRY_MS} ms`);
      this.#options.scheduler.schedule(this.#options.scheduler.nowMs() + LOAD_RETRY_MS, () => {
        if (lane.slot === slot) this.#reload(slot, "retrying a failed load");
      });
    }
  }

  /** reload replaces a slot by a fresh one loaded from the log, if this broker still leads in its epoch. */
  #reload(slot: ShardSlot, reason: string): void {
    const lane = this.#lanes.get(slot.index);
    if (slot.retired || this.#closed || lane === undefined || lane.slot !== slot) return;
    this.#retire(slot);
    lane.slot = undefined;
    if (!slot.partition.isLeader) return;
    this.#logger.warn(`reloading the groups of ${OFFSETS_TOPIC}-${slot.index}: ${reason}`);
    this.#startLoad(lane, slot.partition);
  }

  #retire(slot: ShardSlot): void {
    slot.retired = true;
    slot.timers.cancelAll();
  }

  /** expire turns a member's session or rebalance deadline into an operation of its shard's queue. */
  #expire(slot: ShardSlot, groupId: string, memberId: string, timer: ArmedTimer, kind: "session" | "rebalance", memberEpoch = -1): void {
    const lane = this.#lanes.get(slot.index);
    if (lane === undefined) return;
    void lane.queue.run(async () => {
      // A heartbeat that ran after the timer fired re-armed it: then nothing expired.
      if (slot.retired || slot.status !== "active" || !slot.timers.isArmed(groupId, memberId, timer)) return;
      const topics = this.#options.metadata.topics();
      const result = kind === "session" ? slot.shard.handleSessionTimeout(groupId, memberId, topics) : slot.shard.handleRebalanceTimeout(groupId, memberId, memberEpoch, topics);
      try {
        const removed = await this.#commitAndApply(slot, result, "UNKNOWN_SERVER_ERROR");
        if (removed) this.#logger.info(`removed member ${memberId} of group ${groupId}: its ${kind} timeout expired`);
      } catch (error) {
        if (error instanceof AssertionError) {
          this.#options.onBug?.(error);
          return;
        }
        if (slot.retired) return;
        const retry = kind === "session" ? { kind, groupId, memberId, timeoutMs: EXPIRY_RETRY_MS } : { kind, groupId, memberId, memberEpoch, timeoutMs: EXPIRY_RETRY_MS };
        slot.timers.apply([retry]);
      }
    });
  }
}

/**
 * coordinatorError maps a write failure to what a group client acts on (Kafka's
 * GroupCoordinatorService normalizes the same way): retry after finding the coordinator again when
 * leadership moved, retry here when replication fell short, and a request-specific error when the
 * batch was too large.
 */
function coordinatorError(error: TributaryError, tooLarge: ErrorName): TributaryError {
  switch (error.code) {
    case "NOT_LEADER_OR_FOLLOWER":
    case "FENCED_LEADER_EPOCH":
    case "SHUTTING_DOWN":
      return new TributaryError("NOT_COORDINATOR", error.message, { cause: error });
    case "NOT_ENOUGH_REPLICAS":
    case "NOT_ENOUGH_REPLICAS_AFTER_APPEND":
    case "REQUEST_TIMED_OUT":
    case "UNKNOWN_TOPIC_OR_PARTITION":
      return new TributaryError("COORDINATOR_NOT_AVAILABLE", error.message, { cause: error });
    case "MESSAGE_TOO_LARGE":
    case "RECORD_LIST_TOO_LARGE":
      return new TributaryError(tooLarge, error.message, { cause: error });
    default:
      return new TributaryError("NOT_COORDINATOR", error.message, { cause: error });
  }
}

function asTributaryError(error: unknown): TributaryError {
  if (error instanceof AssertionError) throw error;
  return TributaryError.from(error);
}
