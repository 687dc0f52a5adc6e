import { withCoordinator } from "../admin/admin-calls.js";
import type { Cluster } from "../cluster/cluster.js";
import type { BrokerRpcRequest, BrokerRpcResponse } from "../connection/invoke-unary.js";
import { ERRORS, type ErrorName } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { ConsumerGroupAssignment__Output } from "../generated/tributary/v1/ConsumerGroupAssignment.js";
import type { InstrumentationEmitter } from "../instrumentation/instrumentation-emitter.js";
import type { Logger } from "../logging/logger.js";
import type { Clock, TimerHandle } from "../time/clock.js";
import { errorFromWire } from "../wire/wire-errors.js";
import type { ConsumerEvents } from "./consumer-events.js";
import type { ResolvedConsumerOptions } from "./consumer-options.js";
import type { TopicPartitionList } from "./consumer-types.js";
import type { MemberIdentity } from "./offset-committer.js";
import { groupByTopic } from "./topic-partitions.js";

/** JOIN_EPOCH, LEAVE_EPOCH and STATIC_LEAVE_EPOCH are KIP-848's special member epochs. */
export const JOIN_EPOCH = 0;
/** See {@link JOIN_EPOCH}. */
export const LEAVE_EPOCH = -1;
/** See {@link JOIN_EPOCH}: a static member stops but will return under the same instance id. */
export const STATIC_LEAVE_EPOCH = -2;

/** COORDINATOR_MOVED are heartbeat failures after which the coordinator is looked up again. */
const COORDINATOR_MOVED: ReadonlySet<ErrorName> = new Set(["NOT_COORDINATOR", "COORDINATOR_NOT_AVAILABLE", "NETWORK_EXCEPTION", "REQUEST_TIMED_OUT"]);

/** AssignmentChange is a new assignment from the coordinator. */
export interface AssignmentChange {
  readonly partitions: readonly TopicPartitionList[];
  readonly memberId: string;
  readonly memberEpoch: number;
  /** durationMs is from the join heartbeat to this answer for the first assignment after (re)joining, else 0. */
  readonly durationMs: number;
}

/** MembershipListener is the consumer side of the membership. Calls are synchronous and in heartbeat order. */
export interface MembershipListener {
  /** ownedPartitions are what the member holds right now, released partitions excluded. */
  ownedPartitions(): readonly TopicPartitionList[];
  /** onAssignment hands over the coordinator's assignment whenever a heartbeat answer carries one. */
  onAssignment(change: AssignmentChange): void;
  /** onFenced: the coordinator no longer knows this member as it was; drop every partition without committing. The membership rejoins. */
  onFenced(error: TributaryError): void;
  /** onFatal: the member cannot go on (its instance id was taken over, a bad subscription, ...); heartbeats stopped. */
  onFatal(error: TributaryError): void;
}

/** GroupMembershipDeps are what a {@link GroupMembership} works with. */
export interface GroupMembershipDeps {
  readonly cluster: Cluster;
  readonly options: ResolvedConsumerOptions;
  readonly groupId: string;
  readonly clientId: string;
  readonly subscription: { readonly topicNames: readonly string[]; readonly topicRegex: string | undefined };
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: InstrumentationEmitter<ConsumerEvents>;
  readonly listener: MembershipListener;
}

/**
 * GroupMembership is the member side of KIP-848: it joins with epoch 0, heartbeats on its own
 * timer at the interval the coordinator names (independent of message handling: a slow handler
 * never delays a heartbeat), hands assignments to the listener, and leaves with epoch -1, or -2
 * for a static member.
 *
 * Every heartbeat carries the member's whole state: subscription, assignor, timeouts and the
 * partitions it owns. The coordinator only acts on differences, so resending is harmless, and a
 * lost answer can never leave the two sides disagreeing about what the member owns; in turn every
 * answer carries the assignment, which the listener compares with what it has.
 *
 * Fencing (FENCED_MEMBER_EPOCH, UNKNOWN_MEMBER_ID) and a session that lapsed without an answer
 * make the listener drop everything; the member then rejoins at once with epoch 0 (keeping its id
 * after FENCED_MEMBER_EPOCH). Retriable failures are retried at most a heartbeat interval apart,
 * forever; other failures are fatal. One heartbeat is in flight at a time.
 */
export class GroupMembership {
  private readonly deps: GroupMembershipDeps;
  private memberIdValue = "";
  private memberEpochValue = JOIN_EPOCH;
  /** incarnation changes on every fencing, so an answer to a heartbeat sent before it is ignored. */
  private incarnation = 0;
  private intervalMs: number;
  private stopped = true;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private timer: TimerHandle | undefined;
  private failures = 0;
  private lastAnswerMs = 0;
  /** joinStartedMs is when the member (re)joined, until its first assignment arrives. */
  private joinStartedMs: number | undefined;

  constructor(deps: GroupMembershipDeps) {
    this.deps = deps;
    this.intervalMs = deps.options.heartbeatIntervalMs;
  }

  /** identity is the member id and epoch commits must carry. */
  get identity(): MemberIdentity {
    return { memberId: this.memberIdValue, memberEpoch: this.memberEpochValue };
  }

  /** start joins the group. */
  start(): void {
    const nowMs = this.deps.clock.nowMs();
    this.stopped = false;
    this.lastAnswerMs = nowMs;
    this.joinStartedMs = nowMs;
    this.heartbeatNow();
  }

  /** heartbeatNow sends a heartbeat now, or right after the one in flight (to report released partitions at once). */
  heartbeatNow(): void {
    if (this.stopped) return;
    if (this.inFlight !== undefined) {
      this.again = true;
      return;
    }
    this.timer?.cancel();
    this.timer = undefined;
    this.inFlight = this.beat();
  }

  /** rejoin drops the membership after a commit was refused for fencing, and joins again. */
  rejoin(error: TributaryError): void {
    if (this.stopped) return;
    if (error.code === "FENCED_INSTANCE_ID") {
      this.fail(error);
      return;
    }
    this.fence(error);
    this.heartbeatNow();
  }

  /**
   * leave stops heartbeating and tells the coordinator the member is gone: epoch -1, so its
   * partitions are reassigned at once, or -2 for a static member, whose partitions wait for it
   * until its session times out. A failure to say so is logged: the session timeout ends the
   * membership anyway.
   */
  async leave(): Promise<void> {
    this.stop();
    await this.inFlight;
    const { memberId } = this.identity;
    if (memberId === "") return;
    const { cluster, groupId, options, logger, clientId } = this.deps;
    const memberEpoch = options.groupInstanceId === undefined ? LEAVE_EPOCH : STATIC_LEAVE_EPOCH;
    try {
      await withCoordinator(cluster, groupId, "ConsumerGroupHeartbeat", async (connection) => {
        const response = await connection.consumerGroupHeartbeat(
          { groupId, memberId, memberEpoch, ...(options.groupInstanceId === undefined ? {} : { instanceId: options.groupInstanceId }), rebalanceTimeoutMs: -1, clientId },
          this.requestTimeoutMs(),
        );
        const error = errorFromWire(response.error);
        if (error !== null) throw error;
      });
      logger.info("left the group", { groupId, memberId, memberEpoch });
    } catch (error) {
      logger.warn("could not leave the group; the coordinator will drop this member when its session times out", { groupId, memberId, error });
    }
    this.memberEpochValue = JOIN_EPOCH;
  }

  /** stop stops heartbeating without leaving. */
  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
  }

  private async beat(): Promise<void> {
    const incarnation = this.incarnation;
    let nextMs = this.intervalMs;
    try {
      const startMs = this.deps.clock.nowMs();
      const response = await this.send();
      if (incarnation === this.incarnation && !this.stopped) await this.handleAnswer(response, startMs);
    } catch (error) {
      if (incarnation === this.incarnation && !this.stopped) nextMs = this.handleFailure(TributaryError.from(error));
    } finally {
      this.inFlight = undefined;
      if (this.again) nextMs = 0;
      this.again = false;
      if (!this.stopped) this.timer = this.deps.clock.setTimer(() => this.heartbeatNow(), nextMs);
    }
  }

  private async send(): Promise<BrokerRpcResponse<"ConsumerGroupHeartbeat">> {
    const { cluster, groupId } = this.deps;
    const connection = await cluster.coordinatorFor(groupId);
    const response = await connection.consumerGroupHeartbeat(this.request(), this.requestTimeoutMs());
    const error = errorFromWire(response.error);
    if (error !== null) throw error;
    return response;
  }

  private request(): BrokerRpcRequest<"ConsumerGroupHeartbeat"> {
    const { cluster, groupId, options, clientId, subscription, listener } = this.deps;
    const owned = listener.ownedPartitions().map(({ topic, partitions }) => ({ topicId: cluster.metadata.topic(topic)?.topicId ?? "", topic, partitions: [...partitions] }));
    return {
      groupId,
      memberId: this.memberIdValue,
      memberEpoch: this.memberEpochValue,
      ...(options.groupInstanceId === undefined ? {} : { instanceId: options.groupInstanceId }),
      rebalanceTimeoutMs: options.rebalanceTimeoutMs,
      subscribedTopicNames: [...subscription.topicNames],
      ...(subscription.topicRegex === undefined ? {} : { subscribedTopicRegex: subscription.topicRegex }),
      ...(options.assignor === undefined ? {} : { serverAssignor: options.assignor }),
      ownedPartitions: owned,
      ownedPartitionsPresent: true,
      clientId,
      sessionTimeoutMs: options.sessionTimeoutMs,
    };
  }

  private async handleAnswer(response: BrokerRpcResponse<"ConsumerGroupHeartbeat">, startMs: number): Promise<void> {
    const { clock, events, groupId, listener } = this.deps;
    const nowMs = clock.nowMs();
    this.failures = 0;
    this.lastAnswerMs = nowMs;
    this.memberIdValue = response.memberId;
    this.memberEpochValue = response.memberEpoch;
    if (response.heartbeatIntervalMs > 0) this.intervalMs = response.heartbeatIntervalMs;
    events.emit("consumer.heartbeat", { groupId, memberId: response.memberId, memberEpoch: response.memberEpoch, durationMs: nowMs - startMs });
    if (response.assignment === null) return;
    const incarnation = this.incarnation;
    const partitions = await this.resolveTopicNames(response.assignment);
    if (incarnation !== this.incarnation || this.stopped) return;
    const durationMs = this.joinStartedMs === undefined ? 0 : clock.nowMs() - this.joinStartedMs;
    this.joinStartedMs = undefined;
    listener.onAssignment({ partitions, memberId: this.memberIdValue, memberEpoch: this.memberEpochValue, durationMs });
  }

  /** resolveTopicNames names the assigned topics; one sent by id alone is looked up in (refreshed) metadata. */
  private async resolveTopicNames(assignment: ConsumerGroupAssignment__Output): Promise<TopicPartitionList[]> {
    const { cluster, logger } = this.deps;
    const nameOf = (topicId: string): string | undefined => [...cluster.metadata.topics.values()].find((topic) => topic.topicId === topicId)?.name;
    if (assignment.partitions.some((entry) => entry.topic === "" && nameOf(entry.topicId) === undefined)) {
      await cluster.refreshMetadata("all").catch((error: unknown) => logger.warn("could not refresh metadata to name assigned topics", { error }));
    }
    const items = assignment.partitions.flatMap((entry) => {
      const topic = entry.topic !== "" ? entry.topic : nameOf(entry.topicId);
      if (topic === undefined) logger.warn("assigned a topic this client cannot name yet; it is picked up with the next assignment", { topicId: entry.topicId });
      return topic === undefined ? [] : entry.partitions.map((partition) => ({ topic, partition }));
    });
    return groupByTopic(items);
  }

  /** handleFailure reacts to a failed heartbeat; returns how long to wait before the next one. */
  private handleFailure(error: TributaryError): number {
    const { cluster, clock, groupId, logger, options } = this.deps;
    if (error.code === "FENCED_MEMBER_EPOCH" || error.code === "UNKNOWN_MEMBER_ID") {
      logger.warn("this member was fenced; dropping its partitions and rejoining", { groupId, memberId: this.memberIdValue, memberEpoch: this.memberEpochValue, errorCode: error.code });
      this.fence(error);
      return 0;
    }
    // Judged by the error table, not error.retriable: coordinator lookups that ran out of
    // retries are retried here all the same (a background loop never gives up).
    if (!ERRORS[error.code].retriable) {
      this.fail(error);
      return Number.POSITIVE_INFINITY;
    }
    if (COORDINATOR_MOVED.has(error.code)) cluster.invalidateCoordinator(groupId);
    this.failures++;
    const silentMs = clock.nowMs() - this.lastAnswerMs;
    logger.warn("heartbeat failed; retrying", { groupId, errorCode: error.code, error: error.message, silentMs });
    if (silentMs >= options.sessionTimeoutMs && this.memberEpochValue > 0) {
      // The coordinator has dropped this member by now; its partitions may be someone else's.
      this.fence(new TributaryError("UNKNOWN_MEMBER_ID", `no heartbeat answer for ${Math.round(silentMs)} ms, past sessionTimeoutMs=${options.sessionTimeoutMs}`));
    }
    return Math.min(cluster.retrier.delayMs(this.failures - 1), this.intervalMs);
  }

  /** fence forgets the epoch (and the member id unless only the epoch was fenced) and tells the listener. */
  private fence(error: TributaryError): void {
    this.incarnation++;
    if (error.code !== "FENCED_MEMBER_EPOCH") this.memberIdValue = "";
    this.memberEpochValue = JOIN_EPOCH;
    this.joinStartedMs = this.deps.clock.nowMs();
    this.deps.listener.onFenced(error);
  }

  private fail(error: TributaryError): void {
    this.deps.logger.error("the group membership failed for good", { groupId: this.deps.groupId, errorCode: error.code, error: error.message });
    this.stop();
    this.incarnation++;
    this.deps.listener.onFatal(error);
  }

  private requestTimeoutMs(): number {
    return Math.min(this.deps.cluster.requestTimeoutMs, this.deps.options.sessionTimeoutMs);
  }
}
