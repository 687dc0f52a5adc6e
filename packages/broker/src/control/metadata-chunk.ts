import { TributaryError } from "@tributary/client/internal/errors";
import type { MetadataChunk__Output } from "@tributary/client/internal/generated/tributary/v1/MetadataChunk";
import { decodeMetadataRecord, type MetadataRecord } from "@tributary/controller/internal/metadata";

/** DecodedBatch is one committed batch: every record shares the batch's offset. */
export interface DecodedBatch {
  readonly offset: number;
  /** Empty for a Raft no-op entry, which still advances the offset. */
  readonly records: readonly MetadataRecord[];
}

/** DecodedChunk is a metadata stream chunk with its offsets parsed and its records decoded. */
export interface DecodedChunk {
  readonly snapshot: { readonly offset: number; readonly records: readonly MetadataRecord[] } | undefined;
  /** Invariant: offsets strictly increase. */
  readonly batches: readonly DecodedBatch[];
  readonly highWatermark: number;
}

function offsetOf(text: string, field: string): number {
  const offset = Number(text);
  if (!Number.isSafeInteger(offset) || offset < -1) throw new TributaryError("CORRUPT_MESSAGE", `metadata chunk ${field} ${text} is not an offset`);
  return offset;
}

/**
 * decodeChunk decodes a whole chunk before any of it is applied, so that a malformed chunk leaves
 * the image untouched (the listener drops the stream and resumes from its last applied offset).
 *
 * @throws TributaryError CORRUPT_MESSAGE (or UNSUPPORTED_VERSION for records of a newer controller).
 */
export function decodeChunk(chunk: MetadataChunk__Output): DecodedChunk {
  const snapshot =
    chunk.snapshot === null ? undefined : { offset: offsetOf(chunk.snapshot.lastOffset, "snapshot offset"), records: chunk.snapshot.records.map(decodeMetadataRecord) };
  const batches: DecodedBatch[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const batch of chunk.batches) {
    const offset = offsetOf(batch.offset, "batch offset");
    if (offset <= previous) throw new TributaryError("CORRUPT_MESSAGE", `metadata batch offsets go from ${previous} to ${offset}`);
    previous = offset;
    batches.push({ offset, records: batch.records.map(decodeMetadataRecord) });
  }
  return { snapshot, batches, highWatermark: offsetOf(chunk.highWatermark, "high watermark") };
}
