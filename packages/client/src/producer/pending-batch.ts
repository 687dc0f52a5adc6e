import type { TributaryError } from "../errors/tributary-error.js";
import { sealBatch } from "../record/batch-header.js";
import { BATCH_HEADER_BYTES, BatchField } from "../record/batch-layout.js";
import { encodeRecordBatch } from "../record/encode-record-batch.js";
import type { RecordInput } from "../record/record-batch-types.js";
import type { CompressionCodecId } from "../record/batch-layout.js";
import { assert } from "../util/assert.js";
import type { Acks } from "./producer-types.js";

/** SEQUENCE_SPACE is the size of Kafka's sequence space: sequences wrap from 2^31 - 1 to 0. */
export const SEQUENCE_SPACE = 2 ** 31;

/** BatchLane is what must match for records to share a batch and batches to share a request. */
export interface BatchLane {
  readonly acks: Acks;
  readonly timeoutMs: number;
  readonly compression: CompressionCodecId;
}

/** laneKey names a lane, for grouping. */
export function laneKey(lane: BatchLane): string {
  return `${lane.acks}/${lane.timeoutMs}/${lane.compression}`;
}

/** BatchResult is where an acknowledged batch landed. */
export interface BatchResult {
  readonly baseOffset: bigint;
  readonly logAppendTime: bigint;
  readonly logStartOffset: bigint;
}

/** BatchOutcome is a settled batch: acknowledged, or failed for good. */
export type BatchOutcome = { readonly ok: true; readonly result: BatchResult } | { readonly ok: false; readonly error: TributaryError };

/**
 * BatchState is where a batch is in its life:
 * open (takes records) -> encoding -> ready (encoded; waits for its turn or a retry) ->
 * in-flight -> ready again (retry) or done.
 */
export type BatchState = "open" | "encoding" | "ready" | "in-flight" | "done";

/**
 * PendingBatch is one partition's batch of records on its way to the leader. Records are encoded
 * once, when the batch closes; the producer fields (id, epoch, base sequence) are stamped into the
 * header when the batch is first sent (and again after an epoch bump), which only rewrites 14
 * header bytes and the CRC, never the records.
 *
 * Invariant: `sequence` is set iff the batch was stamped under the current producer epoch.
 */
export class PendingBatch {
  readonly id: number;
  readonly topic: string;
  readonly partition: number;
  readonly lane: BatchLane;
  readonly createdAtMs: number;
  readonly deliveryDeadlineMs: number;
  /** outcome settles when the batch is done; it never rejects. */
  readonly outcome: Promise<BatchOutcome>;
  state: BatchState = "open";
  /** reservedBytes is the memory held for this batch's records, released when it is done. */
  reservedBytes = 0;
  /** sizeBytes bounds the encoded size: header plus records' upper bounds. */
  sizeBytes = BATCH_HEADER_BYTES;
  recordCount = 0;
  encoded: Buffer | undefined;
  producerId = -1n;
  producerEpoch = -1;
  /** sequence is the unwrapped base sequence (the wire carries it modulo 2^31). */
  sequence: number | undefined;
  /** sendCount counts times the batch went out. */
  sendCount = 0;
  /** retriesUsed counts retries charged against the retry limit. */
  retriesUsed = 0;
  /** retryAtMs is the earliest time the batch may go out again. */
  retryAtMs = 0;
  /** ambiguous is set once an attempt ended without knowing whether the broker appended it. */
  ambiguous = false;
  /** lastError is the last failure, for the message if the batch finally fails. */
  lastError: TributaryError | undefined;
  private records: RecordInput[] = [];
  private settle!: (outcome: BatchOutcome) => void;

  constructor(id: number, topic: string, partition: number, lane: BatchLane, createdAtMs: number, deliveryTimeoutMs: number) {
    this.id = id;
    this.topic = topic;
    this.partition = partition;
    this.lane = lane;
    this.createdAtMs = createdAtMs;
    this.deliveryDeadlineMs = createdAtMs + deliveryTimeoutMs;
    this.outcome = new Promise((resolve) => (this.settle = resolve));
  }

  /** fits tells whether a record of `recordBytes` may join without passing `batchSizeBytes`. */
  fits(recordBytes: number, batchSizeBytes: number): boolean {
    return this.state === "open" && (this.recordCount === 0 || this.sizeBytes + recordBytes <= batchSizeBytes);
  }

  /** append adds a record and returns its index in the batch. */
  append(record: RecordInput, recordBytes: number): number {
    assert(this.state === "open", `append to a ${this.state} batch`);
    this.records.push(record);
    this.sizeBytes += recordBytes;
    this.reservedBytes += recordBytes;
    return this.recordCount++;
  }

  /** encode closes the batch and encodes its records; the records are dropped afterwards. */
  async encode(): Promise<void> {
    assert(this.state === "open", `encode a ${this.state} batch`);
    this.state = "encoding";
    const records = this.records;
    this.records = [];
    this.encoded = await encodeRecordBatch({ records, compression: this.lane.compression });
    if (this.state === "encoding") this.state = "ready";
  }

  /** stampProducer writes the producer id, epoch and base sequence into the encoded header. */
  stampProducer(producerId: bigint, producerEpoch: number, sequence: number): void {
    const bytes = this.encoded;
    assert(bytes !== undefined, "stamp an unencoded batch");
    this.producerId = producerId;
    this.producerEpoch = producerEpoch;
    this.sequence = sequence;
    bytes.writeBigInt64BE(producerId, BatchField.producerId);
    bytes.writeInt16BE(producerEpoch, BatchField.producerEpoch);
    bytes.writeInt32BE(sequence % SEQUENCE_SPACE, BatchField.baseSequence);
    sealBatch(bytes, 0);
  }

  /** clearSequence forgets the stamped sequence, so the batch is stamped afresh (after an epoch bump). */
  clearSequence(): void {
    this.sequence = undefined;
  }

  /** succeed settles the batch as acknowledged. */
  succeed(result: BatchResult): void {
    if (this.state === "done") return;
    this.state = "done";
    this.encoded = undefined;
    this.settle({ ok: true, result });
  }

  /** fail settles the batch as failed for good. */
  fail(error: TributaryError): void {
    if (this.state === "done") return;
    this.state = "done";
    this.encoded = undefined;
    this.records = [];
    this.settle({ ok: false, error });
  }
}
