import {
  BATCH_HEADER_BYTES,
  CorruptRecordError,
  batchSizeBytes,
  readBatchHeader,
  validateBatch,
} from "@tributary/client/internal/record";
import type { RecordBatchHeader } from "@tributary/client/internal/record";
import type { FileHandle } from "./file-system.js";

/** ScanMode says how much of each batch a scan reads: its header only, or all of it with the CRC checked. */
export type ScanMode = "headers" | "validate";

/**
 * ScanResult says where a scan stopped and why.
 * - `end`: every batch up to `toPosition` was visited.
 * - `corrupt`: the batch at `endPosition` is torn or damaged (`error` says how).
 * - `stopped`: the visitor refused the batch at `endPosition`.
 */
export type ScanResult =
  | { readonly kind: "end"; readonly endPosition: number }
  | { readonly kind: "corrupt"; readonly endPosition: number; readonly error: CorruptRecordError }
  | { readonly kind: "stopped"; readonly endPosition: number };

/** BatchVisitor sees each batch in order; returning false stops the scan before that batch. */
export type BatchVisitor = (header: RecordBatchHeader, position: number, sizeBytes: number) => boolean;

/** Chunk sizes: validation reads every byte, so large chunks; header walks skip bodies, so small ones. */
const VALIDATE_CHUNK_BYTES = 1024 * 1024;
const HEADER_CHUNK_BYTES = 64 * 1024;

/**
 * scanBatches walks the batches of `file` between two batch boundaries, one awaited read per chunk
 * (never per batch), and calls `visit` for each. In `validate` mode every batch's CRC and counts
 * are checked (recovery); in `headers` mode only the headers are read, and the bodies of batches
 * larger than a chunk are skipped without reading them (index rebuilds). A batch that would run
 * past `toPosition` is reported as corrupt (a torn tail).
 */
export async function scanBatches(
  file: FileHandle,
  fromPosition: number,
  toPosition: number,
  mode: ScanMode,
  visit: BatchVisitor,
): Promise<ScanResult> {
  const chunkBytes = mode === "validate" ? VALIDATE_CHUNK_BYTES : HEADER_CHUNK_BYTES;
  let endPosition = toPosition;
  let position = fromPosition;
  let wantBytes = chunkBytes;
  while (position < endPosition) {
    const requested = Math.min(endPosition - position, wantBytes);
    const chunk = await file.read(position, requested);
    // A short read means the file ends before the caller thought: whatever is cut off is torn.
    if (chunk.length < requested) endPosition = position + chunk.length;
    wantBytes = chunkBytes;
    let at = 0;
    while (position + at < endPosition) {
      const batchPosition = position + at;
      if (chunk.length - at < BATCH_HEADER_BYTES) {
        if (endPosition - batchPosition < BATCH_HEADER_BYTES) {
          return corrupt(batchPosition, "truncated", `a batch header needs ${BATCH_HEADER_BYTES} bytes, ${endPosition - batchPosition} remain`);
        }
        break; // The header continues in the next chunk.
      }
      let header: RecordBatchHeader;
      try {
        header = readBatchHeader(chunk, at);
      } catch (error) {
        return corruptFrom(error, batchPosition);
      }
      const sizeBytes = batchSizeBytes(header);
      if (batchPosition + sizeBytes > endPosition) {
        return corrupt(batchPosition, "truncated", `the batch needs ${sizeBytes} bytes, ${endPosition - batchPosition} remain`);
      }
      if (header.lastOffsetDelta < 0) {
        return corrupt(batchPosition, "bad-count", `lastOffsetDelta ${header.lastOffsetDelta} is negative`);
      }
      const whole = at + sizeBytes <= chunk.length;
      if (mode === "validate") {
        if (!whole) {
          wantBytes = Math.max(chunkBytes, sizeBytes); // Re-read from this batch, all of it.
          break;
        }
        try {
          validateBatch(chunk, at);
        } catch (error) {
          return corruptFrom(error, batchPosition);
        }
      }
      if (!visit(header, batchPosition, sizeBytes)) return { kind: "stopped", endPosition: batchPosition };
      at += sizeBytes; // In headers mode this may jump past the chunk: the body is never read.
      if (!whole) break;
    }
    position += at;
  }
  return { kind: "end", endPosition: position };
}

function corrupt(position: number, kind: "truncated" | "bad-count", detail: string): ScanResult {
  return { kind: "corrupt", endPosition: position, error: new CorruptRecordError(kind, position, detail) };
}

function corruptFrom(error: unknown, position: number): ScanResult {
  if (!(error instanceof CorruptRecordError)) throw error;
  return { kind: "corrupt", endPosition: position, error };
}
