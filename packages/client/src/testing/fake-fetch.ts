import type { ErrorName } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { FetchPartitionResult } from "../generated/tributary/v1/FetchPartitionResult.js";
import { lastOffsetOf, readBatchHeader, stampBatch } from "../record/batch-header.js";
import { encodeRecordBatch } from "../record/encode-record-batch.js";
import type { RecordInput } from "../record/record-batch-types.js";
import { NO_ERROR, errorToWire } from "../wire/wire-errors.js";
import type { FakeBroker, FakeRequest, FakeResponse } from "./fake-broker.js";
import type { FakeCluster, FakePartition } from "./fake-cluster.js";

/** FetchFault scripts one partition of one fetch: answer `error` instead of data. */
export type FetchFaultScript = (context: { broker: FakeBroker; topic: string; partition: number; fetchOffset: bigint }) => ErrorName | undefined;

/**
 * FakeFetch serves consumer Fetch requests from a {@link FakeCluster}'s logs, as a broker does:
 * on the partition's leader only (NOT_LEADER_OR_FOLLOWER with a hint elsewhere), whole stored
 * batches from the one holding the fetch offset, at least one batch for the first partition with
 * data and then within max_bytes and partition_max_bytes (KIP-74), max_records counted in whole
 * batches, OFFSET_OUT_OF_RANGE outside [log start, log end], and a long poll up to max_wait_ms
 * that {@link append} cuts short. Every request is also in the brokers' request logs.
 */
export class FakeFetch {
  readonly fake: FakeCluster;
  /** fault scripts per-partition errors. */
  fault: FetchFaultScript | undefined;
  private waiters = new Set<() => void>();

  private constructor(fake: FakeCluster) {
    this.fake = fake;
    for (const broker of fake.brokers) broker.handle("Fetch", (request) => this.fetch(broker, request));
  }

  /** install makes every broker of `fake` answer Fetch. */
  static install(fake: FakeCluster): FakeFetch {
    return new FakeFetch(fake);
  }

  /** append writes one batch of `records` (strings are values) to a partition and wakes long polls; returns its base offset. */
  async append(topic: string, partition: number, records: readonly (string | RecordInput)[]): Promise<bigint> {
    const state = this.fake.partition(topic, partition);
    const bytes = Buffer.from(await encodeRecordBatch({ records: records.map((record) => (typeof record === "string" ? { value: Buffer.from(record) } : record)) }));
    const baseOffset = endOffsetOf(state);
    stampBatch(bytes, 0, baseOffset, state.leaderEpoch);
    state.log.push({ baseOffset, header: readBatchHeader(bytes, 0), bytes });
    this.wake();
    return baseOffset;
  }

  /** wake ends every long poll now (they answer with whatever there is). */
  wake(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  private async fetch(broker: FakeBroker, request: FakeRequest<"Fetch">): Promise<FakeResponse<"Fetch">> {
    const deadlineMs = Date.now() + request.maxWaitMs;
    for (;;) {
      const results = this.read(broker, request);
      const bytes = results.flatMap((topic) => topic.partitions).reduce((sum, result) => sum + ((result.records as Buffer | undefined)?.length ?? 0), 0);
      const failed = results.some((topic) => topic.partitions.some((result) => result.error !== NO_ERROR));
      const remainingMs = deadlineMs - Date.now();
      if (bytes >= Math.max(1, request.minBytes) || failed || remainingMs <= 0 || broker.isStopped) return { error: NO_ERROR, topics: results, throttleTimeMs: 0 };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, remainingMs);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  private read(broker: FakeBroker, request: FakeRequest<"Fetch">): { name: string; partitions: FetchPartitionResult[] }[] {
    let budgetBytes = request.maxBytes;
    let budgetRecords = request.maxRecords > 0 ? request.maxRecords : Number.POSITIVE_INFINITY;
    let first = true;
    return request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((wanted) => {
        const fetchOffset = BigInt(wanted.fetchOffset);
        const result = this.readPartition(broker, topic.name, wanted.partition, fetchOffset, Math.min(wanted.partitionMaxBytes, budgetBytes), budgetRecords, first);
        const records = result.records as Buffer | undefined;
        if (records !== undefined && records.length > 0) {
          first = false;
          budgetBytes = Math.max(0, budgetBytes - records.length);
          budgetRecords -= result.recordCount;
        }
        return result.result;
      }),
    }));
  }

  private readPartition(
    broker: FakeBroker,
    topic: string,
    partition: number,
    fetchOffset: bigint,
    maxBytes: number,
    maxRecords: number,
    first: boolean,
  ): { result: FetchPartitionResult; records?: Buffer; recordCount: number } {
    const state = this.fake.topics.get(topic)?.[partition];
    const failed = (error: TributaryError) => ({ result: { partition, error: errorToWire(error), highWatermark: "-1", lastStableOffset: "-1", logStartOffset: "-1", logEndOffset: "-1" }, recordCount: 0 });
    if (state === undefined) return failed(new TributaryError("UNKNOWN_TOPIC_OR_PARTITION"));
    if (state.leader !== broker.nodeId) {
      const leader = this.fake.brokers.find((candidate) => candidate.nodeId === state.leader);
      const hint = this.fake.leaderHints && leader !== undefined ? { leaderHint: { nodeId: leader.nodeId, endpoint: leader.address, epoch: state.leaderEpoch } } : {};
      return failed(new TributaryError("NOT_LEADER_OR_FOLLOWER", `broker ${broker.nodeId} does not lead ${topic}-${partition}`, hint));
    }
    const scripted = this.fault?.({ broker, topic, partition, fetchOffset });
    if (scripted !== undefined) return failed(new TributaryError(scripted, `scripted ${scripted}`));
    const end = endOffsetOf(state);
    if (fetchOffset < state.logStartOffset || fetchOffset > end) {
      return failed(new TributaryError("OFFSET_OUT_OF_RANGE", `offset ${fetchOffset} is outside [${state.logStartOffset}, ${end}] of ${topic}-${partition}`));
    }
    const chosen: Buffer[] = [];
    let bytes = 0;
    let recordCount = 0;
    for (const entry of state.log) {
      if (lastOffsetOf(entry.header) < fetchOffset) continue;
      const fits = bytes + entry.bytes.length <= maxBytes && recordCount < maxRecords;
      if (!fits && !(first && chosen.length === 0)) break;
      chosen.push(entry.bytes);
      bytes += entry.bytes.length;
      recordCount += entry.header.recordsCount;
    }
    const records = Buffer.concat(chosen);
    return {
      result: { partition, error: NO_ERROR, highWatermark: String(end), lastStableOffset: String(end), logStartOffset: String(state.logStartOffset), logEndOffset: String(end), records, leaderEpoch: state.leaderEpoch },
      records,
      recordCount,
    };
  }
}

/** endOffsetOf is the offset the next batch of a fake partition gets (its log end and high watermark). */
export function endOffsetOf(state: FakePartition): bigint {
  const last = state.log[state.log.length - 1];
  return last === undefined ? state.logStartOffset : lastOffsetOf(last.header) + 1n;
}
