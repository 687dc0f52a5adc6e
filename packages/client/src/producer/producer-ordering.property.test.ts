/**
 * Property: whatever retriable failures the brokers throw at an idempotent producer with 5
 * requests in flight per broker, every partition's log ends up holding each record exactly once,
 * in send order, under contiguous sequence numbers (no gap, no repeat), and each send() is told
 * the offset its first record really got.
 *
 * Method: fast-check generates sends (partition, record count) and a fault script over real gRPC
 * fake brokers: partition-level refusals (nothing written), appends whose answer is an error
 * (written, outcome unknown to the producer), RPC failures, and delays that let later requests
 * overtake earlier ones (which the broker refuses as out of order). Faults stop after a while, so
 * a producer that retries correctly always finishes.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorName } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import { FakeCluster, type ProduceFault } from "../testing/fake-cluster.js";
import type { RequestFault } from "../testing/fake-broker.js";
import { testProducer } from "../testing/test-producer.js";
import { seededRandom } from "../testing/wait.js";

const PARTITION_FAULTS: fc.Arbitrary<ProduceFault | undefined>[] = [
  fc.constant(undefined),
  fc.constant(undefined),
  fc.constantFrom<ErrorName>("NOT_ENOUGH_REPLICAS", "NOT_LEADER_OR_FOLLOWER", "LEADER_NOT_AVAILABLE").map((error) => ({ kind: "reject" as const, error })),
  fc.constantFrom<ErrorName>("REQUEST_TIMED_OUT", "NOT_ENOUGH_REPLICAS_AFTER_APPEND").map((error) => ({ kind: "appendThenFail" as const, error })),
];

const REQUEST_FAULTS: fc.Arbitrary<RequestFault | undefined>[] = [
  fc.constant(undefined),
  fc.constant(undefined),
  fc.constant({ kind: "rpcError" as const, error: new TributaryError("NETWORK_EXCEPTION", "scripted connection reset") }),
  fc.integer({ min: 1, max: 8 }).map((ms) => ({ kind: "delay" as const, ms })),
];

const plans = fc.record({
  partitions: fc.integer({ min: 1, max: 3 }),
  sends: fc.array(fc.record({ partition: fc.nat(2), count: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 20 }),
  partitionFaults: fc.array(fc.oneof(...PARTITION_FAULTS), { maxLength: 40 }),
  requestFaults: fc.array(fc.oneof(...REQUEST_FAULTS), { maxLength: 30 }),
  seed: fc.integer(),
});

let fake: FakeCluster;
let run = 0;

beforeAll(async () => {
  fake = await FakeCluster.start({ brokers: 2 });
});

afterAll(async () => {
  await fake.stop();
});

describe("an idempotent producer under retriable failures", () => {
  it("writes every record once, in order, under contiguous sequences", async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        const topic = `ordering-${run++}`;
        fake.createTopic(topic, plan.partitions);
        let partitionAttempt = 0;
        let requestAttempt = 0;
        fake.produceFault = () => plan.partitionFaults[partitionAttempt++];
        for (const broker of fake.brokers) {
          broker.requestFault = (_broker, method) => (method === "Produce" ? plan.requestFaults[requestAttempt++] : undefined);
        }
        const producer = testProducer(fake.addresses, { batchSizeBytes: 200, maxInFlightRequests: 5, random: seededRandom(plan.seed) });
        try {
          await producer.connect();
          const expected = Array.from({ length: plan.partitions }, () => [] as string[]);
          const sends: Promise<{ partition: number; first: string; baseOffset: bigint | undefined }>[] = [];
          plan.sends.forEach((send, index) => {
            const partition = send.partition % plan.partitions;
            const values = Array.from({ length: send.count }, (_, position) => `${index}:${position}`.padEnd(24, "."));
            expected[partition]!.push(...values);
            sends.push(
              producer
                .send({ topic, messages: values.map((value) => ({ partition, value })) })
                .then((metadata) => ({ partition, first: values[0]!, baseOffset: metadata[0]?.baseOffset })),
            );
          });
          const results = await Promise.all(sends);
          for (let partition = 0; partition < plan.partitions; partition++) {
            const records = await fake.records(topic, partition);
            expect(records.map((record) => record.value?.toString())).toEqual(expected[partition]);
            let nextSequence = 0;
            for (const entry of fake.partition(topic, partition).log) {
              expect(entry.header.producerEpoch).toBe(0);
              expect(entry.header.baseSequence).toBe(nextSequence);
              nextSequence += entry.header.recordsCount;
            }
          }
          for (const result of results) {
            expect(result.baseOffset).toBe(BigInt(expected[result.partition]!.indexOf(result.first)));
          }
        } finally {
          fake.produceFault = undefined;
          for (const broker of fake.brokers) broker.requestFault = undefined;
          await producer.disconnect();
        }
      }),
      { numRuns: 40 },
    );
    // The runs must have exercised what the property is about.
    expect(fake.answers.get("OUT_OF_ORDER_SEQUENCE_NUMBER") ?? 0).toBeGreaterThan(0);
    expect(fake.duplicates).toBeGreaterThan(0);
  }, 120_000);
});
