/**
 * Goal: whatever a network does to an idempotent producer's requests (reordering, loss of
 * responses, retries, duplicated deliveries), whatever the producers do (epoch bumps that abandon
 * in-flight batches, whose requests may still arrive as zombies) and whatever the partition does
 * (leader failover with a rebuild from the log, truncation of unacknowledged batches, a restart
 * from a snapshot), the log holds every batch at most once, each producer epoch's batches in
 * sequence order, and every acknowledged batch exactly once at the offsets it was acknowledged
 * with; duplicates are answered with the original offsets; after the network drains, every batch
 * the producer did not abandon was written exactly once.
 *
 * Method: fast-check generates a script of commands against a leader harness (producer state plus
 * a log of stored headers). The model producer, like Kafka's, never has a batch more than four
 * batches ahead of its oldest unacknowledged one (max.in.flight.requests.per.connection = 5). After
 * every command the invariants are checked, including that the state equals a fresh rebuild from
 * the log. At the end each producer resends its unacknowledged batches in order without loss.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { RecordBatchHeader } from "@tributary/client/internal/record";
import { decodeProducerStateSnapshot, encodeProducerStateSnapshot } from "./producer-state-snapshot.js";
import { ProducerStateManager } from "./producer-state-manager.js";
import { SEQUENCE_MAX, incrementSequence, isNextSequence, lastSequenceOf } from "./sequence.js";
import { LeaderHarness } from "./testing/leader-harness.js";
import type { ProduceOutcome } from "./testing/leader-harness.js";
import { producerBatch } from "./testing/producer-batch.js";

const IN_FLIGHT_MAX = 5;

type Command =
  | { kind: "create"; producer: number; records: number }
  | { kind: "send"; producer: number; pick: number; count: number; loseResponse: boolean; deliverTwice: boolean }
  | { kind: "zombie"; pick: number }
  | { kind: "bump"; producer: number }
  | { kind: "failover" }
  | { kind: "truncate"; fraction: number }
  | { kind: "restart-from-snapshot" };

interface ModelBatch {
  readonly header: RecordBatchHeader;
  acked: { firstOffset: bigint; lastOffset: bigint } | undefined;
}

/** ModelProducer is the client side: its epoch, next sequence and this epoch's batches in sequence order. */
interface ModelProducer {
  readonly producerId: bigint;
  epoch: number;
  nextSequence: number;
  batches: ModelBatch[];
}

class World {
  leader: LeaderHarness;
  readonly producers: ModelProducer[];
  /** abandoned holds batches of epochs a producer gave up on; their requests may still arrive. */
  readonly abandoned: ModelBatch[] = [];
  /** created holds every batch ever created, seeds included: acknowledged ones must stay in the log. */
  readonly created: ModelBatch[] = [];
  /** firstSequence maps `producerId/epoch` to the sequence that epoch starts at in the log. */
  readonly firstSequence = new Map<string, number>();

  constructor(seedSequences: readonly (number | undefined)[]) {
    this.leader = new LeaderHarness(new ProducerStateManager(), 0);
    this.producers = seedSequences.map((seed, index) => {
      const producer: ModelProducer = { producerId: BigInt(index + 1), epoch: 0, nextSequence: 0, batches: [] };
      if (seed !== undefined) {
        // History from an earlier leader: the producer is known, near the sequence wrap.
        const header = producerBatch({ producerId: producer.producerId, baseSequence: seed, records: 1 });
        const storedHeader = this.leader.replicate(header);
        const batch = { header, acked: { firstOffset: storedHeader.baseOffset, lastOffset: storedHeader.baseOffset } };
        producer.batches.push(batch);
        this.created.push(batch);
        producer.nextSequence = incrementSequence(seed, 1);
        this.firstSequence.set(`${producer.producerId}/0`, seed);
      }
      return producer;
    });
  }

  run(command: Command): void {
    switch (command.kind) {
      case "create":
        return this.create(this.producerAt(command.producer), command.records);
      case "send":
        return this.send(this.producerAt(command.producer), command);
      case "zombie":
        return this.zombie(command.pick);
      case "bump":
        return this.bump(this.producerAt(command.producer));
      case "failover":
        return this.failover();
      case "truncate":
        return this.truncate(command.fraction);
      case "restart-from-snapshot":
        return this.restartFromSnapshot();
    }
  }

  producerAt(index: number): ModelProducer {
    return this.producers[index % this.producers.length]!;
  }

  create(producer: ModelProducer, records: number): void {
    const oldestUnacked = producer.batches.findIndex((batch) => batch.acked === undefined);
    if (oldestUnacked >= 0 && producer.batches.length - oldestUnacked >= IN_FLIGHT_MAX) return;
    const header = producerBatch({ producerId: producer.producerId, producerEpoch: producer.epoch, baseSequence: producer.nextSequence, records });
    const batch = { header, acked: undefined };
    producer.batches.push(batch);
    this.created.push(batch);
    producer.nextSequence = incrementSequence(producer.nextSequence, records);
    if (!this.firstSequence.has(`${producer.producerId}/${producer.epoch}`)) this.firstSequence.set(`${producer.producerId}/${producer.epoch}`, 0);
  }

  send(producer: ModelProducer, command: Extract<Command, { kind: "send" }>): void {
    const unacked = producer.batches.filter((batch) => batch.acked === undefined);
    if (unacked.length === 0) return;
    const start = command.pick % unacked.length;
    // A request carries consecutive batches of one producer, as a client accumulates them.
    const first = producer.batches.indexOf(unacked[start]!);
    const sent = producer.batches.slice(first, first + command.count);
    const outcome = this.deliver(sent);
    if (command.deliverTwice && outcome.kind !== "error") {
      const again = this.deliver(sent);
      expect(again.kind).toBe("duplicate");
    }
    if (outcome.kind === "error") expect(["OUT_OF_ORDER_SEQUENCE_NUMBER", "UNKNOWN_PRODUCER_ID"]).toContain(outcome.code);
    else if (!command.loseResponse) for (const batch of sent) batch.acked ??= this.locate(batch.header);
  }

  /** deliver runs one request and checks a success against the log: a duplicate's offsets are the originals. */
  deliver(batches: readonly ModelBatch[]): ProduceOutcome {
    const outcome = this.leader.produce(...batches.map((batch) => batch.header));
    if (outcome.kind === "duplicate") {
      expect(this.locate(batches[0]!.header).firstOffset).toBe(outcome.firstOffset);
      expect(this.locate(batches.at(-1)!.header).lastOffset).toBe(outcome.lastOffset);
    }
    if (outcome.kind !== "error") for (const batch of batches) this.locate(batch.header);
    return outcome;
  }

  zombie(pick: number): void {
    const batch = this.abandoned[pick % Math.max(1, this.abandoned.length)];
    if (batch === undefined) return;
    const entry = this.leader.state.entry(batch.header.producerId);
    const outcome = this.deliver([batch]);
    if (entry !== undefined && entry.producerEpoch > batch.header.producerEpoch) expect(outcome).toEqual({ kind: "error", code: "INVALID_PRODUCER_EPOCH" });
  }

  bump(producer: ModelProducer): void {
    this.abandoned.push(...producer.batches.filter((batch) => batch.acked === undefined));
    producer.epoch++;
    producer.nextSequence = 0;
    producer.batches = [];
  }

  failover(): void {
    const state = new ProducerStateManager();
    state.rebuildFrom(this.leader.log, 0n);
    const next = new LeaderHarness(state, this.leader.leaderEpoch + 1);
    next.log.push(...this.leader.log);
    this.leader = next;
  }

  truncate(fraction: number): void {
    const acked = this.created.flatMap((batch) => (batch.acked === undefined ? [] : [batch.acked.lastOffset]));
    const floor = acked.reduce((max, offset) => (offset + 1n > max ? offset + 1n : max), 0n);
    const cuts = [...this.leader.log.map((header) => header.baseOffset).filter((offset) => offset >= floor), this.leader.logEndOffset];
    const cut = cuts[Math.min(cuts.length - 1, Math.floor(fraction * cuts.length))]!;
    if (!this.leader.truncateTo(cut)) this.leader.state.rebuildFrom(this.leader.log, 0n);
  }

  restartFromSnapshot(): void {
    const decoded = decodeProducerStateSnapshot(encodeProducerStateSnapshot(this.leader.state.snapshot()));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) this.leader.state = ProducerStateManager.restore(decoded.snapshot);
  }

  /** locate finds the one log entry holding `header`'s batch; more than one would be a duplicate. */
  locate(header: RecordBatchHeader, index = indexLog(this.leader.log)): { firstOffset: bigint; lastOffset: bigint } {
    const matches = index.get(batchKey(header)) ?? [];
    check(matches.length === 1, `batch ${batchKey(header)} is in the log ${matches.length} times, expected once`);
    const entry = matches[0]!;
    return { firstOffset: entry.baseOffset, lastOffset: entry.baseOffset + BigInt(entry.lastOffsetDelta) };
  }

  checkInvariants(): void {
    const lastByEpoch = new Map<string, RecordBatchHeader>();
    for (const entry of this.leader.log) {
      const key = `${entry.producerId}/${entry.producerEpoch}`;
      const previous = lastByEpoch.get(key);
      if (previous === undefined) check(entry.baseSequence === this.firstSequence.get(key), `the first batch of ${key} has sequence ${entry.baseSequence}`);
      else check(isNextSequence(lastSequenceOf(previous), entry.baseSequence), `${key} jumps from ${lastSequenceOf(previous)} to ${entry.baseSequence}`);
      lastByEpoch.set(key, entry);
    }
    const index = indexLog(this.leader.log);
    for (const [key, entries] of index) check(entries.length === 1, `batch ${key} is written ${entries.length} times`);
    for (const batch of this.created) {
      if (batch.acked === undefined) continue;
      const found = this.locate(batch.header, index);
      check(found.firstOffset === batch.acked.firstOffset && found.lastOffset === batch.acked.lastOffset, `batch ${batchKey(batch.header)} moved from its acknowledged offsets`);
    }
    const rebuilt = new ProducerStateManager();
    rebuilt.rebuildFrom(this.leader.log, 0n);
    expect(sortById(this.leader.state.entries())).toEqual(sortById(rebuilt.entries()));
  }

  drain(): void {
    for (const producer of this.producers) {
      for (const batch of producer.batches) {
        if (batch.acked !== undefined) continue;
        const outcome = this.deliver([batch]);
        expect(outcome.kind, `drain of ${producer.producerId} seq ${batch.header.baseSequence}`).not.toBe("error");
        batch.acked = this.locate(batch.header);
      }
    }
  }
}

/** check is a cheap assertion for per-step invariants (vitest's expect is too slow to call thousands of times per run). */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** batchKey identifies a producer batch by what a retry repeats: producer, epoch and sequence range. */
function batchKey(header: RecordBatchHeader): string {
  return `${header.producerId}/${header.producerEpoch}/${header.baseSequence}/${header.lastOffsetDelta}`;
}

function indexLog(log: readonly RecordBatchHeader[]): Map<string, RecordBatchHeader[]> {
  const index = new Map<string, RecordBatchHeader[]>();
  for (const entry of log) {
    const key = batchKey(entry);
    index.set(key, [...(index.get(key) ?? []), entry]);
  }
  return index;
}

function sortById<T extends { producerId: bigint }>(entries: T[]): T[] {
  return entries.sort((a, b) => (a.producerId < b.producerId ? -1 : a.producerId > b.producerId ? 1 : 0));
}

const producerIndex = fc.integer({ min: 0, max: 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("create" as const), producer: producerIndex, records: fc.integer({ min: 1, max: 4 }) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("send" as const),
      producer: producerIndex,
      pick: fc.nat(),
      count: fc.integer({ min: 1, max: 3 }),
      loseResponse: fc.boolean(),
      deliverTwice: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("zombie" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bump" as const), producer: producerIndex }) },
  { weight: 1, arbitrary: fc.constant({ kind: "failover" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), fraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "restart-from-snapshot" as const }) },
);

/** Producer seeds: new (starts at 0) or known from history at a sequence a few records short of the wrap. */
const seed = fc.option(fc.integer({ min: SEQUENCE_MAX - 12, max: SEQUENCE_MAX }), { nil: undefined });

describe("idempotent producer state under retries, reordering, failover and truncation", () => {
  it("writes every batch at most once and in sequence order, and drains to exactly once", () => {
    fc.assert(
      fc.property(fc.tuple(seed, seed), fc.array(command, { minLength: 20, maxLength: 100 }), (seeds, commands) => {
        const world = new World(seeds);
        for (const step of commands) {
          world.run(step);
          world.checkInvariants();
        }
        world.drain();
        world.checkInvariants();
        for (const producer of world.producers) for (const batch of producer.batches) expect(batch.acked).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});
