/**
 * Goal: whatever the interleaving of appends, flushes, truncations, clean restarts and crashes
 * (with torn and corrupted tails and lost directory entries), a reopened log is a prefix of what
 * was written, holds everything a flush (or, with "on-append", an append) reported durable, and
 * serves it byte for byte with a consistent epoch cache.
 *
 * Method: fast-check generates a script of steps. The appends, flushes and truncations of one
 * step are issued together without awaiting, so they interleave at every `await` as in
 * production; a crash may land after a chosen number of microtask turns, mid-operation. A model
 * keeps the batches in issue order (the serial queue keeps that order on disk), one version of
 * the log per truncation, and which batches are known durable; after every crash or restart the
 * log's whole content is read back and compared with the model.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { batchSizeBytes, readBatchHeader } from "@tributary/client/internal/record";
import type { FsyncPolicy } from "./log-config.js";
import type { PartitionLog } from "./partition-log.js";
import { makeBatches } from "./testing/make-batch.js";
import { testLogEnv } from "./testing/open-test-log.js";
import type { TestLogEnv } from "./testing/open-test-log.js";

type Operation =
  | { kind: "append"; batches: { records: number; bodyBytes: number }[]; newEpoch: boolean }
  | { kind: "flush" }
  | { kind: "truncate"; fraction: number };

type Step =
  | { kind: "ops"; operations: Operation[]; crash: { afterTicks: number; seed: number; garbageBytesMax: number } | undefined }
  | { kind: "restart" };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("append" as const),
      batches: fc.array(fc.record({ records: fc.integer({ min: 1, max: 4 }), bodyBytes: fc.integer({ min: 0, max: 150 }) }), { minLength: 1, maxLength: 4 }),
      newEpoch: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: "flush" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }) },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("ops" as const),
      operations: fc.array(operation, { minLength: 1, maxLength: 6 }),
      crash: fc.option(
        fc.record({ afterTicks: fc.integer({ min: 0, max: 80 }), seed: fc.integer({ min: 1, max: 2 ** 30 }), garbageBytesMax: fc.constantFrom(0, 8, 120) }),
        { freq: 3, nil: undefined },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "restart" as const }) },
);

/** Entry is one batch as the log stores it, with its offsets and what the test knows of it. */
interface Entry {
  readonly bytes: Buffer;
  readonly lastOffset: bigint;
  resolved: boolean;
  durable: boolean;
}

/** Model: the log's batches, in order, and the next leader epoch to use. */
interface Model {
  entries: Entry[];
  epoch: number;
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** readAll reads the whole log with varying fetch sizes and returns its bytes. */
async function readAll(log: PartitionLog, random: () => number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = log.logStartOffset;
  while (offset < log.logEndOffset) {
    const result = await log.read(offset, 1 + Math.floor(random() * 600));
    expect(result.bytes.length).toBeGreaterThan(0);
    parts.push(result.bytes);
    offset = result.nextOffset;
  }
  return Buffer.concat(parts);
}

/** epochsOf derives the epoch cache a log of `bytes` must have. */
function epochsOf(bytes: Buffer): { epoch: number; startOffset: bigint }[] {
  const entries: { epoch: number; startOffset: bigint }[] = [];
  for (let at = 0; at < bytes.length; ) {
    const header = readBatchHeader(bytes, at);
    if (entries.at(-1)?.epoch !== header.partitionLeaderEpoch) entries.push({ epoch: header.partitionLeaderEpoch, startOffset: header.baseOffset });
    at += batchSizeBytes(header);
  }
  return entries;
}

/** checkLog compares the whole log with the model. */
async function checkLog(log: PartitionLog, model: Model, random: () => number): Promise<void> {
  const expected = Buffer.concat(model.entries.map((entry) => entry.bytes));
  const actual = await readAll(log, random);
  expect(actual.equals(expected)).toBe(true);
  expect(log.logEndOffset).toBe((model.entries.at(-1)?.lastOffset ?? -1n) + 1n);
  expect(log.epochEntries).toEqual(epochsOf(expected));
}

/** durablePrefix counts the leading entries known to be durable. */
function durablePrefix(entries: readonly Entry[]): number {
  const index = entries.findIndex((entry) => !entry.durable);
  return index < 0 ? entries.length : index;
}

/**
 * afterCrash checks that the reopened log is a prefix of one of the step's log versions holding
 * at least the entries known durable in every version, and makes the model match it.
 */
async function afterCrash(log: PartitionLog, model: Model, versions: readonly Entry[][], random: () => number): Promise<void> {
  const actual = await readAll(log, random);
  const mustKeep = Math.min(...versions.map(durablePrefix));
  let match: Entry[] | undefined;
  for (const version of versions) {
    let kept = 0;
    let bytes = 0;
    while (kept < version.length && bytes < actual.length) bytes += version[kept++]!.bytes.length;
    if (bytes === actual.length && actual.equals(Buffer.concat(version.slice(0, kept).map((entry) => entry.bytes)))) {
      match = version.slice(0, kept);
    }
  }
  expect(match, "the recovered log is a prefix of what was written").toBeDefined();
  expect(match!.length).toBeGreaterThanOrEqual(mustKeep);
  for (const entry of match!) entry.durable = true; // Recovery fsyncs what it keeps.
  model.entries = match!;
  await checkLog(log, model, random);
}

/**
 * runOps issues one step's operations together, crashes if the step says so, and returns the
 * log versions the step went through (one more per truncation) and the durable end offset the
 * log reported at the instant of the crash.
 */
async function runOps(env: TestLogEnv, log: PartitionLog, model: Model, policy: FsyncPolicy, s: Extract<Step, { kind: "ops" }>) {
  const versions: Entry[][] = [[...model.entries]];
  let nextOffset = (model.entries.at(-1)?.lastOffset ?? -1n) + 1n;
  const pending: Promise<unknown>[] = [];
  const flushes: Promise<bigint>[] = [];
  const truncates = s.operations.some((op) => op.kind === "truncate");
  for (const op of s.operations) {
    const current = versions.at(-1)!;
    if (op.kind === "flush") {
      flushes.push(log.flush());
    } else if (op.kind === "truncate") {
      const offset = BigInt(Math.floor(op.fraction * Number(nextOffset)));
      const kept = current.filter((entry) => entry.lastOffset < offset);
      versions.push(kept);
      nextOffset = (kept.at(-1)?.lastOffset ?? -1n) + 1n;
      pending.push(log.truncateTo(offset));
    } else {
      if (op.newEpoch) model.epoch += 1;
      const bytes = makeBatches(op.batches);
      const entries: Entry[] = [];
      let at = 0;
      for (const batch of op.batches) {
        // The log stamps offsets into `bytes` in place, so this view shows what it stores.
        const view = bytes.subarray(at, at + 61 + batch.bodyBytes);
        nextOffset += BigInt(batch.records);
        entries.push({ bytes: view, lastOffset: nextOffset - 1n, resolved: false, durable: false });
        at += view.length;
      }
      current.push(...entries);
      pending.push(
        log.appendAsLeader(bytes, model.epoch).then(() => {
          for (const entry of entries) {
            entry.resolved = true;
            entry.durable ||= policy === "on-append";
          }
        }),
      );
    }
  }
  let durableAtCrash = 0n;
  if (s.crash !== undefined) {
    for (let i = 0; i < s.crash.afterTicks; i++) await Promise.resolve();
    durableAtCrash = policy === "never" ? 0n : log.durableEndOffset;
    env.crash({ random: seededRandom(s.crash.seed), garbageBytesMax: s.crash.garbageBytesMax });
  }
  const settled = await Promise.allSettled([...pending, ...flushes]);
  if (s.crash === undefined) expect(settled.filter((r) => r.status === "rejected")).toEqual([]);
  // A flush's result counts only without truncations in the step: it is an offset in the log as it
  // was when the flush finished, which a truncation issued in the same step may have rewritten.
  if (policy === "on-flush" && !truncates) {
    let flushedOffset = -1n;
    for (const result of await Promise.allSettled(flushes)) {
      if (result.status === "fulfilled" && result.value > flushedOffset) flushedOffset = result.value;
    }
    for (const entry of versions.at(-1)!) if (entry.resolved && entry.lastOffset < flushedOffset) entry.durable = true;
  }
  if (s.crash === undefined) model.entries = versions.at(-1)!;
  return { versions, durableAtCrash };
}

describe("PartitionLog under crashes (property)", () => {
  it("recovers a prefix of what was written that holds everything reported durable", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          segmentBytesMax: fc.integer({ min: 250, max: 1200 }),
          indexIntervalBytes: fc.integer({ min: 0, max: 400 }),
          fsyncPolicy: fc.constantFrom<FsyncPolicy>("on-flush", "on-flush", "on-append", "never"),
        }),
        fc.array(step, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        async (config, steps, readSeed) => {
          const random = seededRandom(readSeed);
          const env = testLogEnv(config);
          let log = await env.open();
          const model: Model = { entries: [], epoch: 0 };
          for (const s of steps) {
            if (s.kind === "restart") {
              await log.close();
              log = await env.open();
              expect(log.recovery.cleanShutdown).toBe(true);
              for (const entry of model.entries) entry.durable = true;
              await checkLog(log, model, random);
            } else {
              const { versions, durableAtCrash } = await runOps(env, log, model, config.fsyncPolicy, s);
              if (s.crash !== undefined) {
                log = await env.open();
                // The durable end offset never claims more than a crash at that instant keeps.
                expect(log.logEndOffset).toBeGreaterThanOrEqual(durableAtCrash);
                await afterCrash(log, model, versions, random);
              }
            }
          }
          await log.close();
          const final = await env.open();
          await checkLog(final, model, random);
          await final.close();
          expect(env.fs.openHandleCount).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
