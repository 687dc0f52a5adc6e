/**
 * MetadataListener over scripted streams: what it does with resent batches, no-op batches, stale
 * snapshots, malformed chunks and failing voters, chunk by chunk.
 */
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Metadata, type ClientReadableStream, type ServiceError } from "@grpc/grpc-js";
import type { MetadataChunk__Output } from "@tributary/client/internal/generated/tributary/v1/MetadataChunk";
import type { StreamMetadataRequest } from "@tributary/client/internal/generated/tributary/v1/StreamMetadataRequest";
import { encodeMetadataRecord, type MetadataRecord } from "@tributary/controller/internal/metadata";
import { afterEach, describe, expect, it } from "vitest";
import { ControllerChannel } from "./controller-channel.js";
import type { ControllerMethod, ControllerResponse } from "./controller-methods.js";
import type { ControllerTransport } from "./controller-transport.js";
import { MetadataListener } from "./metadata-listener.js";
import type { MetadataDelta } from "./metadata-delta.js";

/** FakeStream is a metadata stream the test writes chunks into. */
class FakeStream extends EventEmitter {
  readonly voterId: number;
  readonly fromOffset: number;
  cancelled = false;

  constructor(voterId: number, fromOffset: number) {
    super();
    this.voterId = voterId;
    this.fromOffset = fromOffset;
  }

  cancel(): void {
    this.cancelled = true;
  }
}

/** StreamTransport opens FakeStreams and answers unary calls "ok" from the voters in `answering`. */
class StreamTransport implements ControllerTransport {
  readonly streams: FakeStream[] = [];
  readonly #opened: Array<(stream: FakeStream) => void> = [];
  answering = new Set<number>();

  call<M extends ControllerMethod>(voterId: number): Promise<ControllerResponse<M>> {
    if (this.answering.has(voterId)) return Promise.resolve({ error: null } as unknown as ControllerResponse<M>);
    return Promise.reject(Object.assign(new Error("unreachable"), { code: "NETWORK_EXCEPTION" }));
  }

  streamMetadata(voterId: number, request: StreamMetadataRequest): ClientReadableStream<MetadataChunk__Output> {
    const stream = new FakeStream(voterId, Number(request.fromOffset));
    this.streams.push(stream);
    for (const resolve of this.#opened.splice(0)) resolve(stream);
    return stream as unknown as ClientReadableStream<MetadataChunk__Output>;
  }

  /** nextStream resolves with the next stream opened (or the one opened last, if it is not taken yet). */
  nextStream(taken: number): Promise<FakeStream> {
    const stream = this.streams[taken];
    if (stream !== undefined) return Promise.resolve(stream);
    return new Promise((resolve) => this.#opened.push(resolve));
  }

  close(): void {}
}

const broker = (brokerId: number): MetadataRecord[] => [
  { type: "register-broker", brokerId, incarnationId: `i${brokerId}`, endpoints: [{ listener: "PLAINTEXT", host: "h", port: 1 }], rack: null, brokerEpoch: null },
];

function chunk(batches: Array<[offset: number, records: MetadataRecord[]]>, highWatermark: number, snapshot?: [offset: number, records: MetadataRecord[]]): MetadataChunk__Output {
  return {
    snapshot: snapshot === undefined ? null : { lastOffset: String(snapshot[0]), records: snapshot[1].map((record) => Buffer.from(encodeMetadataRecord(record))) },
    batches: batches.map(([offset, records]) => ({ offset: String(offset), records: records.map((record) => Buffer.from(encodeMetadataRecord(record))) })),
    highWatermark: String(highWatermark),
  };
}

function unavailable(): ServiceError {
  return Object.assign(new Error("14 UNAVAILABLE: connection dropped"), { code: 14, details: "connection dropped", metadata: new Metadata() });
}

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function startListener(options: { standbyStreamMs?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tributary-listener-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const transport = new StreamTransport();
  const voters = [1, 2, 3].map((nodeId) => ({ nodeId, host: "127.0.0.1", port: nodeId }));
  const channel = new ControllerChannel({ voters, transport, random: () => 0, backoff: { initialMs: 1, maxMs: 1, multiplier: 1, jitter: 0 } });
  cleanup.push(() => channel.close());
  const fatal: unknown[] = [];
  const listener = await MetadataListener.open({
    brokerId: 1,
    channel,
    checkpointDir: join(dir, "checkpoint"),
    backoff: { initialMs: 1, maxMs: 1, multiplier: 1, jitter: 0 },
    ...options,
    onFatal: (error) => fatal.push(error),
  });
  cleanup.push(() => listener.stop());
  const deltas: MetadataDelta[] = [];
  listener.onChange((delta) => deltas.push(delta));
  listener.start();
  return { listener, transport, channel, deltas, fatal };
}

describe("MetadataListener", () => {
  it("applies each offset once: resent batches are skipped, no-op batches advance the offset", async () => {
    const { listener, transport, deltas } = await startListener();
    const first = await transport.nextStream(0);
    expect([first.voterId, first.fromOffset]).toEqual([1, 0]);
    first.emit("data", chunk([[1, broker(1)], [2, []]], 2));
    expect(listener.appliedOffset).toBe(2);
    await listener.caughtUp();

    first.emit("data", chunk([[2, []], [3, broker(2)]], 3));
    expect(deltas.map((delta) => delta.batchOffsets)).toEqual([[1, 2], [3]]);
    expect(listener.image.cluster.brokers().map((b) => b.brokerId)).toEqual([1, 2]);

    // After a disconnect it resumes from the next offset; what the new stream resends is skipped.
    first.emit("error", unavailable());
    const second = await transport.nextStream(1);
    expect([second.voterId, second.fromOffset]).toEqual([2, 4]);
    second.emit("data", chunk([[3, broker(2)], [4, []]], 4));
    expect(deltas.map((delta) => delta.batchOffsets)).toEqual([[1, 2], [3], [4]]);
    expect(listener.highWatermark).toBe(4);
  });

  it("applies a snapshot only when it is newer than the image, and reports it as a snapshot delta", async () => {
    const { listener, transport, deltas } = await startListener();
    const stream = await transport.nextStream(0);
    stream.emit("data", chunk([], 10, [10, [...broker(1), ...broker(2)]]));
    expect(listener.appliedOffset).toBe(10);
    stream.emit("data", chunk([], 10, [8, broker(3)]));
    expect(listener.image.cluster.brokers().map((b) => b.brokerId)).toEqual([1, 2]);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]).toMatchObject({ snapshot: true, previousOffset: -1, offset: 10, batchOffsets: [10] });
    expect(deltas[0]?.changedBrokers.map((b) => b.brokerId)).toEqual([1, 2]);
  });

  it("drops a malformed chunk without applying any of it, and reconnects from its applied offset", async () => {
    const { listener, transport } = await startListener();
    const first = await transport.nextStream(0);
    first.emit("data", chunk([[1, broker(1)]], 1));
    const malformed = chunk([[2, broker(2)]], 3);
    malformed.batches.push({ offset: "3", records: [Buffer.from("not a record")] });
    first.emit("data", malformed);
    expect(listener.appliedOffset).toBe(1);
    expect(first.cancelled).toBe(true);
    const second = await transport.nextStream(1);
    expect(second.fromOffset).toBe(2);
  });

  it("stops applying and reports a record that breaks the image's invariants", async () => {
    const { listener, transport, fatal } = await startListener();
    const stream = await transport.nextStream(0);
    stream.emit("data", chunk([[1, [{ type: "unfence-broker", brokerId: 9, brokerEpoch: 1 }]]], 1));
    expect(fatal).toHaveLength(1);
    expect(stream.cancelled).toBe(true);
    stream.emit("data", chunk([[2, broker(1)]], 2));
    expect(listener.image.cluster.brokers()).toEqual([]);
  });

  it("moves to the active controller when it learns of one, and returns to it from a standby", async () => {
    const { listener, transport, channel } = await startListener({ standbyStreamMs: 20 });
    const first = await transport.nextStream(0);
    expect(first.voterId).toBe(1);
    transport.answering.add(3);
    await channel.call("DescribeCluster", {});
    expect(channel.activeControllerId).toBe(3);
    const second = await transport.nextStream(1);
    expect(first.cancelled).toBe(true);
    expect(second.voterId).toBe(3);
    expect(listener.streamingFrom).toBe(3);

    // The active controller's stream fails: a standby serves meanwhile, then it tries 3 again.
    second.emit("error", unavailable());
    const standby = await transport.nextStream(2);
    expect(standby.voterId).toBe(1);
    const back = await transport.nextStream(3);
    expect(standby.cancelled).toBe(true);
    expect(back.voterId).toBe(3);
  });
});
