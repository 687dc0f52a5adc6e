/**
 * Goal: whatever sequence of operations the managers are driven through, the image keeps its
 * invariants, epochs only grow, replicas that replay the same log agree, and a snapshot rebuilds
 * the image exactly.
 * Method: fast-check generates operation sequences (register, heartbeat with every flag, session
 * expiry, topic create/delete/grow, AlterPartition from the leader with random ISRs and sometimes
 * stale tokens, preferred-leader balancing, unclean-election configs, unregistration, producer ids).
 * A MetadataHarness runs each one as the driver would; typed errors are legitimate refusals, any
 * other throw (an AssertionError from replay) fails the property. After every operation:
 * - leader ∈ ISR ⊆ replicas, or no leader; an inactive broker leads nothing and sits in no ISR
 *   except as the last member of a leaderless partition (imageInvariantProblems);
 * - leader epoch and partition epoch never decrease; a leader change bumps the leader epoch and any
 *   change bumps the partition epoch; broker epochs of one id only grow;
 * - no leaderless partition has an ISR member that could lead (elections are not missed);
 * - responses agree with the committed image (AlterPartition state, heartbeat fencing, shutdown).
 * At the end: a follower that replayed every batch through the codec, and an image rebuilt from a
 * snapshot, both equal the leader's image.
 */
import { TributaryError } from "@tributary/client/internal/errors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imageInvariantProblems } from "./image-invariants.js";
import { MetadataImage } from "./metadata-image.js";
import { decodeMetadataRecord, encodeMetadataRecord } from "./record-codec.js";
import type { MetadataRecord } from "./records.js";
import { NO_LEADER } from "./records.js";
import { describeImage } from "./testing/describe-image.js";
import { MetadataHarness } from "./testing/metadata-harness.js";

const BROKERS = 5;
const TOPIC_NAMES = ["a", "b", "c"];

type Op =
  | { readonly kind: "register"; readonly brokerId: number; readonly rack: string | null; readonly sameIncarnation: boolean }
  | {
      readonly kind: "heartbeat";
      readonly brokerId: number;
      readonly caughtUp: boolean;
      readonly wantFence: boolean;
      readonly wantShutDown: boolean;
      readonly staleEpoch: boolean;
    }
  | { readonly kind: "advance"; readonly ms: number }
  | { readonly kind: "createTopic"; readonly topic: number; readonly partitions: number; readonly replicationFactor: number; readonly unclean: boolean }
  | { readonly kind: "deleteTopic"; readonly topic: number }
  | { readonly kind: "growTopic"; readonly topic: number; readonly add: number }
  | {
      readonly kind: "alterPartition";
      readonly topic: number;
      readonly partition: number;
      readonly members: readonly boolean[];
      /** includeInactive also proposes replicas that are not active (which must be refused). */
      readonly includeInactive: boolean;
      readonly stale: "none" | "leaderEpoch" | "partitionEpoch" | "memberEpoch" | "sender";
    }
  | { readonly kind: "balance" }
  | { readonly kind: "setUnclean"; readonly topic: number; readonly enable: boolean }
  | { readonly kind: "unregister"; readonly brokerId: number }
  | { readonly kind: "allocateProducerIds"; readonly brokerId: number };

const brokerId = fc.integer({ min: 0, max: BROKERS - 1 });
const topic = fc.nat(TOPIC_NAMES.length - 1);

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("register" as const), brokerId, rack: fc.constantFrom(null, "r1", "r2"), sameIncarnation: fc.boolean() }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("heartbeat" as const),
      brokerId,
      caughtUp: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      wantFence: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      wantShutDown: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      staleEpoch: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      ms: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 3_000, max: 12_000 }) }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("createTopic" as const),
      topic,
      partitions: fc.integer({ min: 1, max: 4 }),
      replicationFactor: fc.constantFrom(1, 2, 2, 3, 3),
      unclean: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteTopic" as const), topic }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("growTopic" as const), topic, add: fc.integer({ min: 0, max: 2 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("alterPartition" as const),
      topic,
      partition: fc.nat(5),
      members: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      includeInactive: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      stale: fc.constantFrom("none", "none", "none", "none", "leaderEpoch", "partitionEpoch", "memberEpoch", "sender") as fc.Arbitrary<
        "none" | "leaderEpoch" | "partitionEpoch" | "memberEpoch" | "sender"
      >,
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: "balance" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("setUnclean" as const), topic, enable: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unregister" as const), brokerId }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("allocateProducerIds" as const), brokerId }) },
);

/** Model drives one operation sequence and checks every property after each step. */
class Model {
  readonly harness = new MetadataHarness({ sessionTimeoutMs: 9_000 });
  /** follower replays every committed batch from its encoded bytes, as a standby or broker would. */
  readonly follower = new MetadataImage();
  /** log is every committed record with its batch offset, in order. */
  readonly log: { readonly record: MetadataRecord; readonly offset: number }[] = [];
  readonly #incarnations = new Map<number, string>();
  #incarnationCount = 0;
  #epochs = new Map<string, { leader: number; leaderEpoch: number; partitionEpoch: number; isr: string; replicas: string }>();
  readonly #brokerEpochs = new Map<number, number>();

  constructor() {
    // Start from a small live cluster so that most operations have something to act on.
    for (const id of [0, 1, 2]) this.#register(id, null);
    for (const id of [0, 1, 2]) this.#heartbeat(id, {});
  }

  run(op: Op): void {
    try {
      this.#apply(op);
    } catch (error) {
      if (!(error instanceof TributaryError)) throw error;
    }
    this.#check();
  }

  /** commit runs a result's records like the driver and mirrors the encoded batch to the follower. */
  #commit(records: readonly MetadataRecord[]): number {
    const offset = this.harness.commit(records);
    for (const record of records) {
      this.follower.replay(decodeMetadataRecord(encodeMetadataRecord(record)), offset);
      this.log.push({ record, offset });
    }
    return offset;
  }

  #apply(op: Op): void {
    const { control, image } = this.harness;
    switch (op.kind) {
      case "register":
        this.#register(op.brokerId, op.rack, op.sameIncarnation);
        return;
      case "heartbeat": {
        const broker = image.cluster.broker(op.brokerId);
        if (broker === undefined) return;
        this.#heartbeat(op.brokerId, {
          ...(op.staleEpoch ? { brokerEpoch: broker.brokerEpoch - 1 } : {}),
          currentMetadataOffset: op.caughtUp ? image.offset : broker.brokerEpoch - 1,
          wantFence: op.wantFence,
          wantShutDown: op.wantShutDown,
        });
        return;
      }
      case "advance": {
        this.harness.nowMs += op.ms;
        const result = control.cluster.checkSessions(this.harness.nowMs);
        this.#commit(result.records);
        for (const id of result.response.fencedBrokerIds) expect(image.cluster.broker(id)?.state).toBe("fenced");
        return;
      }
      case "createTopic": {
        const result = control.topics.createTopics([
          {
            name: nameOf(op.topic),
            numPartitions: op.partitions,
            replicationFactor: op.replicationFactor,
            configs: op.unclean ? { "unclean.leader.election.enable": "true" } : {},
          },
        ]);
        this.#commit(result.records);
        return;
      }
      case "deleteTopic":
        this.#commit(control.topics.deleteTopics([nameOf(op.topic)]).records);
        return;
      case "growTopic": {
        const current = image.topics.topicByName(nameOf(op.topic))?.partitions.length ?? 0;
        this.#commit(control.topics.createPartitions([{ name: nameOf(op.topic), count: current + op.add }]).records);
        return;
      }
      case "alterPartition":
        this.#alterPartition(op);
        return;
      case "balance":
        this.#commit(control.replication.maybeBalanceLeaders().records);
        return;
      case "setUnclean":
        this.#commit(
          control.configs.alterConfigs([{ resource: { type: "topic", name: nameOf(op.topic) }, changes: [{ name: "unclean.leader.election.enable", value: String(op.enable) }] }])
            .records,
        );
        return;
      case "unregister":
        this.#commit(control.cluster.unregisterBroker(op.brokerId).records);
        return;
      case "allocateProducerIds": {
        const broker = image.cluster.broker(op.brokerId);
        if (broker === undefined) return;
        const before = image.producerIds.nextProducerId;
        const result = control.producerIds.allocateProducerIds({ brokerId: op.brokerId, brokerEpoch: broker.brokerEpoch });
        this.#commit(result.records);
        expect(result.response.firstProducerId).toBe(before);
        return;
      }
    }
  }

  #register(id: number, rack: string | null, sameIncarnation = false): void {
    const existing = this.#incarnations.get(id);
    const incarnationId = sameIncarnation && existing !== undefined ? existing : `inc-${++this.#incarnationCount}`;
    const previous = this.harness.image.cluster.broker(id);
    const result = this.harness.control.cluster.registerBroker(
      { brokerId: id, incarnationId, endpoints: [{ listener: "PLAINTEXT", host: `b${id}`, port: 9092 }], rack: sameIncarnation && previous !== undefined ? previous.rack : rack },
      this.harness.nowMs,
    );
    const offset = this.#commit(result.records);
    const { brokerEpoch } = result.response(offset);
    expect(this.harness.image.cluster.broker(id)?.brokerEpoch).toBe(brokerEpoch);
    if (result.records.length > 0) expect(brokerEpoch).toBe(offset);
    this.#incarnations.set(id, incarnationId);
  }

  #heartbeat(id: number, fields: { brokerEpoch?: number; currentMetadataOffset?: number; wantFence?: boolean; wantShutDown?: boolean }): void {
    const { control, image } = this.harness;
    const broker = image.cluster.broker(id);
    if (broker === undefined) return;
    const result = control.cluster.heartbeat(
      {
        brokerId: id,
        brokerEpoch: fields.brokerEpoch ?? broker.brokerEpoch,
        currentMetadataOffset: fields.currentMetadataOffset ?? image.offset,
        wantFence: fields.wantFence ?? false,
        wantShutDown: fields.wantShutDown ?? false,
      },
      this.harness.nowMs,
    );
    this.#commit(result.records);
    const after = image.cluster.broker(id);
    expect(after?.state === "fenced").toBe(result.response.isFenced);
    if (result.response.shouldShutDown) {
      expect(after?.state).toBe("fenced");
      expect([...image.topics.allPartitions()].some((p) => p.leader === id)).toBe(false);
    }
  }

  #alterPartition(op: Extract<Op, { kind: "alterPartition" }>): void {
    const { control, image } = this.harness;
    const topics = image.topics.topics();
    const topicImage = topics[op.topic % Math.max(1, topics.length)];
    const partition = topicImage?.partitions[op.partition % Math.max(1, topicImage.partitions.length)];
    if (partition === undefined || partition.leader === NO_LEADER) return;
    const epochOf = (id: number): number => image.cluster.broker(id)?.brokerEpoch ?? 0;
    const followers = partition.replicas.filter(
      (id, i) => id !== partition.leader && op.members[i % op.members.length] === true && (op.includeInactive || image.cluster.isActive(id)),
    );
    const sender = op.stale === "sender" ? (partition.replicas.find((id) => id !== partition.leader) ?? partition.leader) : partition.leader;
    const result = control.replication.alterPartition({
      brokerId: sender,
      brokerEpoch: epochOf(sender),
      topicId: partition.topicId,
      partition: partition.partition,
      leaderEpoch: partition.leaderEpoch - (op.stale === "leaderEpoch" ? 1 : 0),
      partitionEpoch: partition.partitionEpoch - (op.stale === "partitionEpoch" ? 1 : 0),
      newIsr: [partition.leader, ...followers].map((id, i) => ({ brokerId: id, brokerEpoch: epochOf(id) - (op.stale === "memberEpoch" && i > 0 ? 1 : 0) })),
    });
    this.#commit(result.records);
    const committed = image.topics.partition(partition.topicId, partition.partition);
    expect(result.response).toEqual({
      topicId: committed?.topicId,
      partition: committed?.partition,
      leader: committed?.leader,
      leaderEpoch: committed?.leaderEpoch,
      isr: committed?.isr,
      partitionEpoch: committed?.partitionEpoch,
    });
  }

  #check(): void {
    const { image } = this.harness;
    expect(imageInvariantProblems(image.cluster, image.topics)).toEqual([]);
    const epochs = new Map<string, { leader: number; leaderEpoch: number; partitionEpoch: number; isr: string; replicas: string }>();
    for (const partition of image.topics.allPartitions()) {
      const key = `${partition.topicId}/${partition.partition}`;
      const now = { leader: partition.leader, leaderEpoch: partition.leaderEpoch, partitionEpoch: partition.partitionEpoch, isr: String(partition.isr), replicas: String(partition.replicas) };
      const before = this.#epochs.get(key);
      if (before !== undefined) {
        expect(now.leaderEpoch).toBeGreaterThanOrEqual(before.leaderEpoch);
        expect(now.partitionEpoch).toBeGreaterThanOrEqual(before.partitionEpoch);
        if (now.leader !== before.leader) expect(now.leaderEpoch).toBeGreaterThan(before.leaderEpoch);
        if (now.leader !== before.leader || now.isr !== before.isr || now.replicas !== before.replicas) {
          expect(now.partitionEpoch).toBeGreaterThan(before.partitionEpoch);
        }
      }
      epochs.set(key, now);
      if (partition.leader === NO_LEADER) {
        // Elections happen as soon as someone can lead: a leaderless partition has no active ISR member.
        expect(partition.isr.some((id) => image.cluster.isActive(id))).toBe(false);
      }
    }
    this.#epochs = epochs;
    for (const broker of image.cluster.brokers()) {
      expect(broker.brokerEpoch).toBeGreaterThanOrEqual(this.#brokerEpochs.get(broker.brokerId) ?? 0);
      this.#brokerEpochs.set(broker.brokerId, broker.brokerEpoch);
    }
  }
}

function nameOf(index: number): string {
  return TOPIC_NAMES[index] ?? "a";
}

describe("metadata state machine under random operations", () => {
  it("keeps its invariants, agrees with a follower, and survives a snapshot", () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 10, maxLength: 120, size: "max" }), (ops) => {
        const model = new Model();
        for (const op of ops) model.run(op);
        const { image } = model.harness;
        expect(describeImage(model.follower)).toEqual(describeImage(image));
        const rebuilt = MetadataImage.fromSnapshot(
          image.toSnapshotRecords().map((record) => decodeMetadataRecord(encodeMetadataRecord(record))),
          image.offset,
        );
        expect(describeImage(rebuilt)).toEqual(describeImage(image));
        expect(rebuilt.toSnapshotRecords()).toEqual(image.toSnapshotRecords());
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a snapshot taken mid-sequence usable as a starting point for the rest of the log", () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 60, size: "max" }), fc.array(opArbitrary, { maxLength: 60, size: "max" }), (first, second) => {
        const model = new Model();
        for (const op of first) model.run(op);
        const { image } = model.harness;
        const restored = MetadataImage.fromSnapshot(image.toSnapshotRecords(), image.offset);
        const logged = model.log.length;
        for (const op of second) model.run(op);
        // The rest of the log, replayed on top of the snapshot, reaches the same image.
        for (const { record, offset } of model.log.slice(logged)) restored.replay(record, offset);
        expect(describeImage(restored)).toEqual(describeImage(image));
      }),
      { numRuns: 100 },
    );
  });
});
