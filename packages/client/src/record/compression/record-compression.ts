/**
 * Compression of a batch's records section (everything after recordsCount), by codec id.
 * See docs/compression.md for why each library was chosen.
 */
import type { CompressionCodecId } from "../batch-layout.js";
import { CompressionCodec } from "../batch-layout.js";
import { assert } from "../../util/assert.js";
import { compressGzip, decompressGzip } from "./gzip-codec.js";
import { compressLz4, decompressLz4 } from "./lz4-codec.js";
import { compressSnappy, decompressSnappy } from "./snappy-codec.js";
import { compressZstd, decompressZstd } from "./zstd-codec.js";

/** isCompressionCodecId says whether `id` is one of the five codecs of attribute bits 0-2. */
export function isCompressionCodecId(id: number): id is CompressionCodecId {
  return id === CompressionCodec.none || id === CompressionCodec.gzip || id === CompressionCodec.snappy ||
    id === CompressionCodec.lz4 || id === CompressionCodec.zstd;
}

/** compressRecords compresses the encoded records with `codec` (not none). */
export async function compressRecords(codec: CompressionCodecId, records: Buffer): Promise<Buffer> {
  switch (codec) {
    case CompressionCodec.gzip:
      return compressGzip(records);
    case CompressionCodec.snappy:
      return compressSnappy(records);
    case CompressionCodec.lz4:
      return compressLz4(records);
    case CompressionCodec.zstd:
      return compressZstd(records);
    case CompressionCodec.none:
      assert(false, "compressRecords called for an uncompressed batch");
  }
}

/**
 * decompressRecords decompresses a records section compressed with `codec` (not none), producing at
 * most `maxDecompressedBytes` bytes.
 *
 * @param position where the payload starts in the input, for errors.
 * @throws CorruptRecordError and nothing else for bad payloads; a plain Error if the codec's native
 *   library cannot load on this platform.
 */
export async function decompressRecords(
  codec: CompressionCodecId,
  payload: Buffer,
  maxDecompressedBytes: number,
  position: number,
): Promise<Buffer> {
  switch (codec) {
    case CompressionCodec.gzip:
      return decompressGzip(payload, maxDecompressedBytes, position);
    case CompressionCodec.snappy:
      return decompressSnappy(payload, maxDecompressedBytes, position);
    case CompressionCodec.lz4:
      return decompressLz4(payload, maxDecompressedBytes, position);
    case CompressionCodec.zstd:
      return decompressZstd(payload, maxDecompressedBytes, position);
    case CompressionCodec.none:
      assert(false, "decompressRecords called for an uncompressed batch");
  }
}
