/**
 * zstd (codec 4) through @mongodb-js/zstd 1.x (native libzstd, napi-rs binaries on npm). Its API
 * is async only (the work runs on libuv's thread pool), which is why encodeRecordBatch and
 * decodeRecordBatches return promises. Its decompressor has no output cap, so the cap is enforced
 * first by walking the frame and block headers (see zstd-frame-bound.ts).
 */
import { fromLibraryError, tooLarge } from "./codec-errors.js";
import { loadZstd } from "./native-codecs.js";
import { zstdDecompressedBound } from "./zstd-frame-bound.js";

/** ZSTD_LEVEL is Kafka's default zstd level (compression.zstd.level). */
const ZSTD_LEVEL = 3;

/** compressZstd writes `records` as one zstd frame at Kafka's default level. */
export async function compressZstd(records: Buffer): Promise<Buffer> {
  return loadZstd().compress(records, ZSTD_LEVEL);
}

/**
 * decompressZstd decodes the zstd frames of `payload` once their size bound fits the limit.
 *
 * @param position where the payload starts in the input, for errors.
 * @throws CorruptRecordError("too-large") past `maxDecompressedBytes`, ("bad-compression") otherwise.
 */
export async function decompressZstd(payload: Buffer, maxDecompressedBytes: number, position: number): Promise<Buffer> {
  zstdDecompressedBound(payload, maxDecompressedBytes, position);
  const zstd = loadZstd();
  let out: Buffer;
  try {
    out = await zstd.decompress(payload);
  } catch (error) {
    throw fromLibraryError("zstd", position, error);
  }
  // Unreachable if the bound is sound; kept so that a library surprise cannot pass the limit.
  if (out.length > maxDecompressedBytes) throw tooLarge("zstd", position, maxDecompressedBytes, `decoded ${out.length} bytes`);
  return out;
}
