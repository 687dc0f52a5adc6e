import { createServer } from "node:net";
import type { ErrorName } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import { readBatchHeader, stampBatch, validateBatch, type RecordBatchHeader } from "../record/batch-header.js";
import { decodeRecordBatches } from "../record/decode-record-batches.js";
import type { DecodedRecord } from "../record/record-batch-types.js";
import { NO_ERROR, errorToWire } from "../wire/wire-errors.js";
import { FakeBroker, type FakeRequest, type FakeResponse } from "./fake-broker.js";

const SEQUENCE_MAX = 0x7fffffff;
const RECENT_BATCHES_KEPT = 5;

/** FakeLogEntry is one appended batch. */
export interface FakeLogEntry {
  readonly baseOffset: bigint;
  readonly header: RecordBatchHeader;
  readonly bytes: Buffer;
}

interface ProducerEntry {
  epoch: number;
  lastSequence: number;
  recent: { firstSequence: number; lastSequence: number; baseOffset: bigint }[];
}

/** FakePartition is one partition of the model: leadership and a log of batches. */
export interface FakePartition {
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  logStartOffset: bigint;
  readonly log: FakeLogEntry[];
  readonly producers: Map<bigint, ProducerEntry>;
}

/** ProduceFault scripts one partition of a produce request. */
export type ProduceFault =
  /** reject answers `error` without appending. */
  | { readonly kind: "reject"; readonly error: ErrorName }
  /** appendThenFail appends the batch but answers `error`: the outcome looks unknown to the client. */
  | { readonly kind: "appendThenFail"; readonly error: ErrorName };

/** ProduceFaultScript decides the fault of each partition of each produce request, or none. */
export type ProduceFaultScript = (context: { broker: FakeBroker; topic: string; partition: number; header: RecordBatchHeader }) => ProduceFault | undefined;

/** FakeClusterOptions configure {@link FakeCluster.start}. */
export interface FakeClusterOptions {
  readonly brokers?: number;
  readonly clusterId?: string;
}

/**
 * FakeCluster is a model of a cluster served by real gRPC fake brokers: topics with leaders and
 * logs, Kafka's idempotent-producer checks (epoch fencing, sequence continuity, the last five
 * batches remembered per producer and partition, duplicates answered with their original
 * offsets), producer ids, and scriptable faults per request and per partition. Metadata,
 * Produce, InitProducerId, ListOffsets and FindCoordinator have default handlers; a test scripts
 * any other RPC with `broker.handle`.
 */
export class FakeCluster {
  readonly clusterId: string;
  readonly brokers: FakeBroker[];
  readonly topics = new Map<string, FakePartition[]>();
  /** produceFault scripts partition-level produce outcomes. */
  produceFault: ProduceFaultScript | undefined;
  /** leaderHints controls whether NOT_LEADER_OR_FOLLOWER answers carry a leader hint. */
  leaderHints = true;
  /** coordinatorId is the broker FindCoordinator names for every group. */
  coordinatorId: number;
  /** answers counts the per-partition produce answers given, by error name ("NONE" for success). */
  readonly answers = new Map<ErrorName, number>();
  /** duplicates counts batches answered as duplicates of an earlier append. */
  duplicates = 0;
  /** produceGate, when set, is awaited before each Produce is processed (a slow broker). */
  produceGate: (() => Promise<void>) | undefined;
  private nextProducerId = 1000n;
  private readonly producerEpochs = new Map<bigint, number>();

  private constructor(clusterId: string, brokers: FakeBroker[]) {
    this.clusterId = clusterId;
    this.brokers = brokers;
    this.coordinatorId = brokers[0]?.nodeId ?? 1;
    for (const broker of brokers) this.install(broker);
  }

  /** start launches `brokers` fake brokers with ids 1..n. */
  static async start(options: FakeClusterOptions = {}): Promise<FakeCluster> {
    const count = options.brokers ?? 3;
    const brokers = await Promise.all(Array.from({ length: count }, (_, index) => FakeBroker.start(index + 1)));
    return new FakeCluster(options.clusterId ?? "fake-cluster", brokers);
  }

  /** addresses are the brokers' host:port, for a client's bootstrap list. */
  get addresses(): string[] {
    return this.brokers.map((broker) => broker.address);
  }

  /** broker returns the broker with `nodeId`. */
  broker(nodeId: number): FakeBroker {
    const broker = this.brokers.find((candidate) => candidate.nodeId === nodeId);
    if (broker === undefined) throw new Error(`no fake broker ${nodeId}`);
    return broker;
  }

  /** createTopic adds a topic; partition i is led by `leaders[i]`, by default round robin. */
  createTopic(name: string, partitionCount: number, leaders?: readonly number[]): void {
    const ids = this.brokers.map((broker) => broker.nodeId);
    this.topics.set(
      name,
      Array.from({ length: partitionCount }, (_, index) => {
        const leader = leaders?.[index] ?? ids[index % ids.length]!;
        return { leader, leaderEpoch: 0, replicas: [leader], isr: [leader], logStartOffset: 0n, log: [], producers: new Map() };
      }),
    );
  }

  /** partition returns a partition of the model. */
  partition(topic: string, partition: number): FakePartition {
    const found = this.topics.get(topic)?.[partition];
    if (found === undefined) throw new Error(`no fake partition ${topic}-${partition}`);
    return found;
  }

  /** moveLeader makes `nodeId` lead the partition, bumping its leader epoch. */
  moveLeader(topic: string, partition: number, nodeId: number): void {
    const state = this.partition(topic, partition);
    state.leader = nodeId;
    state.leaderEpoch += 1;
    state.replicas = [nodeId];
    state.isr = [nodeId];
  }

  /** forgetProducers drops every producer's state of a partition, as a broker that lost it would. */
  forgetProducers(topic: string, partition: number): void {
    this.partition(topic, partition).producers.clear();
  }

  /** records decodes a partition's log, in offset order. */
  async records(topic: string, partition: number): Promise<DecodedRecord[]> {
    const log = this.partition(topic, partition).log;
    const decoded = await Promise.all(log.map((entry) => decodeRecordBatches(entry.bytes)));
    return decoded.flat().flatMap((batch) => batch.records);
  }

  /** stop shuts every broker down. */
  async stop(): Promise<void> {
    await Promise.all(this.brokers.map((broker) => broker.stop()));
  }

  private install(broker: FakeBroker): void {
    broker.handle("Metadata", (request) => this.metadata(request));
    broker.handle("Produce", (request) => this.produce(broker, request));
    broker.handle("InitProducerId", (request) => this.initProducerId(request));
    broker.handle("ListOffsets", (request) => this.listOffsets(broker, request));
    broker.handle("FindCoordinator", () => {
      const coordinator = this.broker(this.coordinatorId);
      return { error: NO_ERROR, nodeId: coordinator.nodeId, host: "127.0.0.1", port: coordinator.port };
    });
  }

  private metadata(request: FakeRequest<"Metadata">): FakeResponse<"Metadata"> {
    const names = request.topics.length === 0 ? [...this.topics.keys()] : request.topics;
    return {
      clusterId: this.clusterId,
      controllerId: 100,
      metadataOffset: "1",
      brokers: this.brokers.filter((broker) => !broker.isStopped).map((broker) => ({ nodeId: broker.nodeId, host: "127.0.0.1", port: broker.port })),
      topics: names.map((name) => {
        const partitions = this.topics.get(name);
        if (partitions === undefined) return { name, error: errorToWire(new TributaryError("UNKNOWN_TOPIC_OR_PARTITION")), partitions: [] };
        return {
          name,
          error: NO_ERROR,
          topicId: `id-${name}`,
          isInternal: name.startsWith("__"),
          partitions: partitions.map((state, partition) => ({
            error: NO_ERROR,
            partition,
            leader: state.leader,
            leaderEpoch: state.leaderEpoch,
            replicas: state.replicas,
            isr: state.isr,
            offlineReplicas: [],
          })),
        };
      }),
    };
  }

  private notLeader(topic: string, partition: number): TributaryError {
    const state = this.partition(topic, partition);
    const leader = this.brokers.find((broker) => broker.nodeId === state.leader);
    return new TributaryError("NOT_LEADER_OR_FOLLOWER", `broker is not the leader of ${topic}-${partition}`, {
      ...(this.leaderHints && leader ? { leaderHint: { nodeId: leader.nodeId, endpoint: leader.address, epoch: state.leaderEpoch } } : {}),
    });
  }

  private async produce(broker: FakeBroker, request: FakeRequest<"Produce">): Promise<FakeResponse<"Produce">> {
    await this.produceGate?.();
    return {
      throttleTimeMs: 0,
      topics: request.topics.map((topic) => ({
        name: topic.name,
        partitions: topic.partitions.map((partition) => {
          const result = this.appendPartition(broker, topic.name, partition.partition, partition.records);
          return { partition: partition.partition, logAppendTimeMs: "-1", logStartOffset: "0", ...result };
        }),
      })),
    };
  }

  private appendPartition(broker: FakeBroker, topic: string, partition: number, records: Buffer): { error: ReturnType<typeof errorToWire>; baseOffset: string } {
    const failed = (error: TributaryError) => {
      this.count(error.code);
      return { error: errorToWire(error), baseOffset: "-1" };
    };
    const state = this.topics.get(topic)?.[partition];
    if (state === undefined) return failed(new TributaryError("UNKNOWN_TOPIC_OR_PARTITION"));
    if (state.leader !== broker.nodeId) return failed(this.notLeader(topic, partition));
    const header = validateBatch(records, 0);
    const fault = this.produceFault?.({ broker, topic, partition, header });
    if (fault?.kind === "reject") return failed(new TributaryError(fault.error, `scripted ${fault.error}`));
    const outcome = this.appendIdempotent(state, header, records);
    if (outcome instanceof TributaryError) return failed(outcome);
    if (fault?.kind === "appendThenFail") return failed(new TributaryError(fault.error, `scripted ${fault.error} after append`));
    this.count("NONE");
    return { error: NO_ERROR, baseOffset: String(outcome) };
  }

  private count(name: ErrorName): void {
    this.answers.set(name, (this.answers.get(name) ?? 0) + 1);
  }

  /** appendIdempotent applies Kafka's producer-state checks, then appends; returns the base offset. */
  private appendIdempotent(state: FakePartition, header: RecordBatchHeader, records: Buffer): bigint | TributaryError {
    const { producerId, producerEpoch, baseSequence } = header;
    const count = header.recordsCount;
    const lastSequence = baseSequence < 0 ? -1 : (baseSequence + count - 1) % (SEQUENCE_MAX + 1);
    let entry = producerId >= 0n ? state.producers.get(producerId) : undefined;
    if (producerId >= 0n) {
      const current = this.producerEpochs.get(producerId) ?? 0;
      if (producerEpoch < current) return new TributaryError("INVALID_PRODUCER_EPOCH");
      if (entry === undefined) {
        if (baseSequence !== 0) return new TributaryError("UNKNOWN_PRODUCER_ID", `no state for producer ${producerId}`);
      } else if (producerEpoch > entry.epoch) {
        if (baseSequence !== 0) return new TributaryError("OUT_OF_ORDER_SEQUENCE_NUMBER", `a new epoch must start at sequence 0, not ${baseSequence}`);
        entry = undefined;
      } else if (producerEpoch < entry.epoch) {
        return new TributaryError("INVALID_PRODUCER_EPOCH");
      } else {
        const duplicate = entry.recent.find((batch) => batch.firstSequence === baseSequence && batch.lastSequence === lastSequence);
        if (duplicate !== undefined) {
          this.duplicates++;
          return duplicate.baseOffset;
        }
        const expected = entry.lastSequence === SEQUENCE_MAX ? 0 : entry.lastSequence + 1;
        if (baseSequence !== expected) {
          return new TributaryError("OUT_OF_ORDER_SEQUENCE_NUMBER", `expected sequence ${expected}, got ${baseSequence}`);
        }
      }
    }
    const baseOffset = state.logStartOffset + BigInt(state.log.reduce((sum, batch) => sum + batch.header.recordsCount, 0));
    const bytes = Buffer.from(records);
    stampBatch(bytes, 0, baseOffset, state.leaderEpoch);
    state.log.push({ baseOffset, header: readBatchHeader(bytes, 0), bytes });
    if (producerId >= 0n) {
      const updated = entry ?? { epoch: producerEpoch, lastSequence: -1, recent: [] };
      updated.epoch = producerEpoch;
      updated.lastSequence = lastSequence;
      updated.recent = [...updated.recent, { firstSequence: baseSequence, lastSequence, baseOffset }].slice(-RECENT_BATCHES_KEPT);
      state.producers.set(producerId, updated);
    }
    return baseOffset;
  }

  private initProducerId(request: FakeRequest<"InitProducerId">): FakeResponse<"InitProducerId"> {
    const requested = BigInt(request.producerId);
    if (requested < 0n) {
      const producerId = this.nextProducerId++;
      this.producerEpochs.set(producerId, 0);
      return { error: NO_ERROR, producerId: String(producerId), producerEpoch: 0 };
    }
    const epoch = (this.producerEpochs.get(requested) ?? 0) + 1;
    this.producerEpochs.set(requested, epoch);
    return { error: NO_ERROR, producerId: String(requested), producerEpoch: epoch };
  }

  private listOffsets(broker: FakeBroker, request: FakeRequest<"ListOffsets">): FakeResponse<"ListOffsets"> {
    return {
      topics: request.topics.map((topic) => ({
        name: topic.name,
        partitions: topic.partitions.map((wanted) => {
          const state = this.topics.get(topic.name)?.[wanted.partition];
          if (state === undefined) return { partition: wanted.partition, error: errorToWire(new TributaryError("UNKNOWN_TOPIC_OR_PARTITION")), offset: "-1", timestamp: "-1" };
          if (state.leader !== broker.nodeId) return { partition: wanted.partition, error: errorToWire(this.notLeader(topic.name, wanted.partition)), offset: "-1", timestamp: "-1" };
          const end = state.logStartOffset + BigInt(state.log.reduce((sum, batch) => sum + batch.header.recordsCount, 0));
          const timestamp = BigInt(wanted.timestamp);
          let offset: bigint;
          if (timestamp === -1n) offset = end;
          else if (timestamp === -2n) offset = state.logStartOffset;
          else offset = state.log.find((batch) => batch.header.maxTimestamp >= timestamp)?.baseOffset ?? -1n;
          return { partition: wanted.partition, error: NO_ERROR, offset: String(offset), timestamp: "-1", leaderEpoch: state.leaderEpoch };
        }),
      })),
    };
  }
}

/** deadAddress returns a 127.0.0.1 address where nothing listens (a port just released). */
export async function deadAddress(): Promise<string> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
  await new Promise((resolve) => server.close(resolve));
  return `127.0.0.1:${port}`;
}
