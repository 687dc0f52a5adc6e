/**
 * GZIP (codec 1): what Java's GZIPOutputStream writes, one gzip member, via node:zlib. Readers also
 * accept concatenated members, as java.util.zip and zlib do.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { fromLibraryError, tooLarge } from "./codec-errors.js";

/** compressGzip gzips `records` at zlib's default level, as Java's producer does. */
export function compressGzip(records: Buffer): Buffer {
  return gzipSync(records);
}

/**
 * decompressGzip inflates `payload`. zlib's `maxOutputLength` stops inflation as soon as the
 * output would pass `maxDecompressedBytes`, so a gzip bomb costs at most that much memory.
 *
 * @param position where the payload starts in the input, for errors.
 * @throws CorruptRecordError("too-large") past the limit, ("bad-compression") for anything else.
 */
export function decompressGzip(payload: Buffer, maxDecompressedBytes: number, position: number): Buffer {
  try {
    return gunzipSync(payload, { maxOutputLength: maxDecompressedBytes });
  } catch (error) {
    if (error instanceof RangeError && (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw tooLarge("gzip", position, maxDecompressedBytes, "payload inflates further");
    }
    throw fromLibraryError("gzip", position, error);
  }
}
