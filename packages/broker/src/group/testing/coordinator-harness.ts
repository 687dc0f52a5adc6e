import { testLogEnv, type TestLogEnv } from "../../log/testing/open-test-log.js";
import { FakeScheduler } from "../../purgatory/testing/fake-scheduler.js";
import type { IsrChangeRequest, IsrChangeResult, PartitionRegistration } from "../../replica/partition-registration.js";
import { Partition } from "../../replica/partition.js";
import { PartitionWaiters } from "../../service/partition-waiters.js";
import type { CoordinatorMetadata } from "../coordinator-metadata.js";
import { GroupCoordinator, type OffsetsPartitionSource } from "../group-coordinator.js";
import { OFFSETS_TOPIC } from "../offsets-topic.js";
import { topicsViewFrom, type TopicMetadata } from "../topics-view.js";
import { TEST_GROUP_CONFIG } from "./group-test-kit.js";

/** IsrSenderThatNeverAnswers leaves ISR proposals pending: these tests fix the ISR by registration. */
const ISR_SENDER = { send: (_request: IsrChangeRequest) => new Promise<IsrChangeResult>(() => {}) };

/** OffsetsReplica is one broker's replica of `__consumer_offsets-0` on an in-memory disk. */
export interface OffsetsReplica {
  readonly partition: Partition;
  readonly env: TestLogEnv;
}

/**
 * openOffsetsReplica opens `__consumer_offsets-0` on `env` (a fresh disk unless given) as broker
 * `brokerId` would, leader or follower as `registration` says. With replicas [brokerId] alone,
 * every append is committed at once (min.insync.replicas 1, high watermark on log end offsets).
 */
export async function openOffsetsReplica(brokerId: number, registration: Partial<PartitionRegistration> = {}, env: TestLogEnv = testLogEnv(), minIsr = 1): Promise<OffsetsReplica> {
  const log = await env.open();
  const partition = new Partition({
    topic: OFFSETS_TOPIC,
    partition: 0,
    log,
    brokerId,
    clock: env.clock,
    settings: { minInsyncReplicas: () => minIsr, replicaLagTimeMaxMs: 10_000, flushBeforeAck: false },
    isrSender: ISR_SENDER,
  });
  await partition.applyRegistration({ topicId: "offsets-id", replicas: [brokerId], isr: [brokerId], leader: brokerId, leaderEpoch: 1, partitionEpoch: 1, ...registration });
  return { partition, env };
}

/** FakeReplicaSource is an {@link OffsetsPartitionSource} whose partitions a test changes and announces. */
export class FakeReplicaSource implements OffsetsPartitionSource {
  readonly #partitions: Partition[] = [];
  readonly #listeners = new Set<(partition: Partition) => void>();

  constructor(partitions: readonly Partition[]) {
    this.#partitions.push(...partitions);
  }

  partitions(): Iterable<Partition> {
    return this.#partitions;
  }

  onPartitionChange(listener: (partition: Partition) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** changed announces that `partition`'s role may have changed, as the replica manager does. */
  changed(partition: Partition): void {
    for (const listener of this.#listeners) listener(partition);
  }
}

/** CoordinatorRig is a coordinator on one offsets partition, a fake clock and a real log. */
export interface CoordinatorRig {
  readonly coordinator: GroupCoordinator;
  readonly scheduler: FakeScheduler;
  readonly waiters: PartitionWaiters;
  readonly source: FakeReplicaSource;
  readonly replica: OffsetsReplica;
  /** setTopics replaces the cluster's topics the coordinator sees (a new metadata version). */
  setTopics(topics: readonly TopicMetadata[]): void;
}

/** startCoordinator starts a coordinator of broker `brokerId` over `replica`, with one offsets partition. */
export function startCoordinator(brokerId: number, replica: OffsetsReplica, topics: readonly TopicMetadata[], scheduler = new FakeScheduler()): CoordinatorRig {
  const waiters = new PartitionWaiters({ scheduler });
  const source = new FakeReplicaSource([replica.partition]);
  let view = topicsViewFrom(topics, 0);
  let memberIds = 0;
  const metadata: CoordinatorMetadata = {
    topics: () => view,
    offsetsPartitionCount: () => 1,
    offsetsLeader: () => replica.partition.leaderId,
  };
  const coordinator = new GroupCoordinator({
    brokerId,
    replicas: source,
    ackWaiter: waiters,
    metadata,
    config: TEST_GROUP_CONFIG,
    scheduler,
    wallClockMs: () => 1_700_000_000_000,
    writeTimeoutMs: 10_000,
    newMemberId: () => `b${brokerId}-member-${++memberIds}`,
    onBug: (error) => {
      throw error;
    },
  });
  coordinator.start();
  return { coordinator, scheduler, waiters, source, replica, setTopics: (next) => (view = topicsViewFrom(next, view.version + 1)) };
}

/**
 * settle lets queued promise work run (log appends on the in-memory disk, queued operations) until
 * `done` holds, without any timer: each step yields to the event loop once.
 */
export async function settle(done: () => boolean = () => false, steps = 200): Promise<void> {
  for (let step = 0; step < steps && !done(); step++) await new Promise<void>((resolve) => setImmediate(resolve));
}
