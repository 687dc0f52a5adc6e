import { crc32c } from "@tributary/client/internal/record";
import { BATCHES_RETAINED_PER_PRODUCER } from "./producer-state-entry.js";
import type { ProducerBatchMetadata, ProducerStateEntry } from "./producer-state-entry.js";
import { isSequence } from "./sequence.js";

/**
 * ProducerStateSnapshot is a partition's producer state as a value: what a `.snapshot` file holds
 * (Kafka's ProducerStateManager snapshots), so a restart loads it and replays only the log after
 * `mapEndOffset` instead of the whole log, and keeps producers whose batches the log no longer has.
 */
export interface ProducerStateSnapshot {
  /** mapEndOffset is the offset after the last batch the state includes; replay the log from here. */
  readonly mapEndOffset: bigint;
  /** entries is every producer's state. */
  readonly entries: readonly ProducerStateEntry[];
}

/** SnapshotDecodeResult is a decoded snapshot, or why the bytes were refused (the caller then rebuilds from the log). */
export type SnapshotDecodeResult = { readonly ok: true; readonly snapshot: ProducerStateSnapshot } | { readonly ok: false; readonly reason: string };

/**
 * PRODUCER_SNAPSHOT_VERSION is the format version, first in the file. Version 1, big-endian:
 * version int16, crc32c uint32 (over everything after it), mapEndOffset int64, producer count
 * int32, then per producer: producerId int64, producerEpoch int16, batch count int8, and per batch
 * firstSequence int32, lastSequence int32, firstOffset int64, lastOffset int64, maxTimestamp int64,
 * leaderEpoch int32.
 */
export const PRODUCER_SNAPSHOT_VERSION = 1;

const HEADER_BYTES = 18;
const CRC_START = 6;
const ENTRY_BYTES = 11;
const BATCH_BYTES = 36;

/** encodeProducerStateSnapshot writes `snapshot` in the current format. */
export function encodeProducerStateSnapshot(snapshot: ProducerStateSnapshot): Uint8Array {
  const batchCount = snapshot.entries.reduce((sum, entry) => sum + entry.batches.length, 0);
  const bytes = new Uint8Array(HEADER_BYTES + snapshot.entries.length * ENTRY_BYTES + batchCount * BATCH_BYTES);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, PRODUCER_SNAPSHOT_VERSION);
  view.setBigInt64(6, snapshot.mapEndOffset);
  view.setInt32(14, snapshot.entries.length);
  let position = HEADER_BYTES;
  for (const entry of snapshot.entries) {
    view.setBigInt64(position, entry.producerId);
    view.setInt16(position + 8, entry.producerEpoch);
    view.setInt8(position + 10, entry.batches.length);
    position += ENTRY_BYTES;
    for (const batch of entry.batches) {
      view.setInt32(position, batch.firstSequence);
      view.setInt32(position + 4, batch.lastSequence);
      view.setBigInt64(position + 8, batch.firstOffset);
      view.setBigInt64(position + 16, batch.lastOffset);
      view.setBigInt64(position + 24, BigInt(batch.maxTimestampMs));
      view.setInt32(position + 32, batch.leaderEpoch);
      position += BATCH_BYTES;
    }
  }
  view.setUint32(2, crc32c(bytes, CRC_START));
  return bytes;
}

/**
 * decodeProducerStateSnapshot reads and checks a snapshot: version, checksum, exact length, and
 * every invariant the manager keeps (window sizes, sequence ranges, offsets in order and below
 * mapEndOffset, distinct producer ids). Anything wrong refuses the whole snapshot; a partial
 * producer state would be worse than none, since rebuilding from the log is always possible.
 */
export function decodeProducerStateSnapshot(bytes: Uint8Array): SnapshotDecodeResult {
  if (bytes.length < HEADER_BYTES) return { ok: false, reason: `${bytes.length} bytes cannot hold the ${HEADER_BYTES}-byte header` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getInt16(0);
  if (version !== PRODUCER_SNAPSHOT_VERSION) return { ok: false, reason: `unknown snapshot version ${version}` };
  const crc = crc32c(bytes, CRC_START);
  if (crc !== view.getUint32(2)) return { ok: false, reason: "checksum mismatch" };
  const mapEndOffset = view.getBigInt64(6);
  const count = view.getInt32(14);
  if (mapEndOffset < 0n) return { ok: false, reason: `negative map end offset ${mapEndOffset}` };
  if (count < 0) return { ok: false, reason: `negative producer count ${count}` };
  const entries: ProducerStateEntry[] = [];
  const seen = new Set<bigint>();
  let position = HEADER_BYTES;
  for (let index = 0; index < count; index++) {
    if (bytes.length - position < ENTRY_BYTES) return { ok: false, reason: `truncated at producer ${index}` };
    const producerId = view.getBigInt64(position);
    const producerEpoch = view.getInt16(position + 8);
    const batchCount = view.getInt8(position + 10);
    position += ENTRY_BYTES;
    if (producerId < 0n || seen.has(producerId)) return { ok: false, reason: `invalid or repeated producer id ${producerId}` };
    if (producerEpoch < 0) return { ok: false, reason: `producer ${producerId} has negative epoch ${producerEpoch}` };
    if (batchCount < 1 || batchCount > BATCHES_RETAINED_PER_PRODUCER) return { ok: false, reason: `producer ${producerId} has ${batchCount} batches` };
    if (bytes.length - position < batchCount * BATCH_BYTES) return { ok: false, reason: `truncated in producer ${producerId}` };
    const batches: ProducerBatchMetadata[] = [];
    for (let batchIndex = 0; batchIndex < batchCount; batchIndex++) {
      const batch = readBatch(view, position);
      position += BATCH_BYTES;
      const problem = batchProblem(batch, batches.at(-1), mapEndOffset);
      if (problem !== undefined) return { ok: false, reason: `producer ${producerId}: ${problem}` };
      batches.push(batch);
    }
    seen.add(producerId);
    entries.push({ producerId, producerEpoch, batches });
  }
  if (position !== bytes.length) return { ok: false, reason: `${bytes.length - position} bytes after the last producer` };
  return { ok: true, snapshot: { mapEndOffset, entries } };
}

function readBatch(view: DataView, position: number): ProducerBatchMetadata {
  return {
    firstSequence: view.getInt32(position),
    lastSequence: view.getInt32(position + 4),
    firstOffset: view.getBigInt64(position + 8),
    lastOffset: view.getBigInt64(position + 16),
    maxTimestampMs: Number(view.getBigInt64(position + 24)),
    leaderEpoch: view.getInt32(position + 32),
  };
}

function batchProblem(batch: ProducerBatchMetadata, previous: ProducerBatchMetadata | undefined, mapEndOffset: bigint): string | undefined {
  if (!isSequence(batch.firstSequence) || !isSequence(batch.lastSequence)) return `invalid sequences ${batch.firstSequence}..${batch.lastSequence}`;
  if (batch.firstOffset < 0n || batch.lastOffset < batch.firstOffset) return `invalid offsets ${batch.firstOffset}..${batch.lastOffset}`;
  if (batch.lastOffset >= mapEndOffset) return `batch ending at ${batch.lastOffset} is not below the map end offset ${mapEndOffset}`;
  if (previous !== undefined && batch.firstOffset <= previous.lastOffset) return `batch at ${batch.firstOffset} overlaps the one ending at ${previous.lastOffset}`;
  if (!Number.isInteger(batch.maxTimestampMs)) return `timestamp ${batch.maxTimestampMs} is out of range`;
  if (batch.leaderEpoch < -1) return `invalid leader epoch ${batch.leaderEpoch}`;
  return undefined;
}
