/**
 * A walk over zstd frames (RFC 8878) that bounds their decompressed size without decompressing.
 *
 * The zstd library we use decompresses a whole payload into memory with no output cap, so the cap
 * is enforced before it runs: every block header states its size, and no block decompresses to
 * more than Block_Maximum_Size = min(Window_Size, 128 KiB). Raw and RLE blocks regenerate exactly
 * their stated size; a compressed block at most Block_Maximum_Size. Summed over the frames this
 * bounds the output; for real data it overshoots by less than one block per frame. A payload whose
 * bound exceeds the budget is refused before any decompression; the library itself rejects blocks
 * that break those rules, so its output stays within the bound.
 *
 * The window also sizes the decoder's buffers, so frames whose window exceeds
 * max(maxDecompressedBytes, 8 MiB) are refused too: 8 MiB covers what zstd levels up to 19 use.
 */
import { badCompression, tooLarge } from "./codec-errors.js";

const FRAME_MAGIC = 0xfd2fb528;
const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const MAX_BLOCK_BYTES = 128 * 1024;
/** ZSTD_WINDOW_FLOOR_BYTES is the largest window accepted whatever the limit (zstd -19 uses 8 MiB). */
export const ZSTD_WINDOW_FLOOR_BYTES = 8 * 1024 * 1024;

const BLOCK_RAW = 0;
const BLOCK_RLE = 1;
const BLOCK_COMPRESSED = 2;

const DICTIONARY_ID_BYTES = [0, 1, 2, 4] as const;
const CONTENT_SIZE_BYTES = [0, 2, 4, 8] as const;

/** readLittleEndian reads `count` (<= 8) bytes as an unsigned number, exact below 2^53. */
function readLittleEndian(bytes: Uint8Array, position: number, count: number): number {
  let value = 0;
  for (let index = count - 1; index >= 0; index--) value = value * 256 + bytes[position + index]!;
  return value;
}

/**
 * zstdDecompressedBound returns an upper bound on what `payload` decompresses to, having checked
 * it against `maxDecompressedBytes` and the frame structure.
 *
 * @param position where the payload starts in the input, for errors.
 * @throws CorruptRecordError("too-large") when the bound or a window exceeds the limit,
 *   ("bad-compression") when the frames are malformed.
 */
export function zstdDecompressedBound(payload: Uint8Array, maxDecompressedBytes: number, position: number): number {
  const fail = (detail: string) => badCompression("zstd", position, detail);
  const over = (detail: string) => tooLarge("zstd", position, maxDecompressedBytes, detail);
  if (payload.length === 0) throw fail("empty payload");
  const maxWindowBytes = Math.max(maxDecompressedBytes, ZSTD_WINDOW_FLOOR_BYTES);
  let total = 0;
  let offset = 0;
  while (offset < payload.length) {
    const need = (bytes: number, what: string) => {
      if (payload.length - offset < bytes) throw fail(`${what} at byte ${offset} is cut short`);
    };
    need(4, "frame magic");
    const magic = readLittleEndian(payload, offset, 4);
    if (((magic & SKIPPABLE_MAGIC_MASK) >>> 0) === SKIPPABLE_MAGIC) {
      need(8, "skippable frame");
      const skip = readLittleEndian(payload, offset + 4, 4);
      if (skip > payload.length - offset - 8) throw fail(`skippable frame at byte ${offset} runs past the payload`);
      offset += 8 + skip;
      continue;
    }
    if (magic !== FRAME_MAGIC) throw fail(`no zstd frame magic at byte ${offset} (0x${magic.toString(16)})`);
    offset += 4;

    need(1, "frame header");
    const descriptor = payload[offset++]!;
    const contentSizeFlag = descriptor >>> 6;
    const singleSegment = (descriptor & 0x20) !== 0;
    if ((descriptor & 0x08) !== 0) throw fail("reserved frame header bit set");
    const hasChecksum = (descriptor & 0x04) !== 0;
    let windowBytes = -1;
    if (!singleSegment) {
      need(1, "window descriptor");
      const window = payload[offset++]!;
      const base = 2 ** (10 + (window >>> 3));
      windowBytes = base + (base / 8) * (window & 0x07);
    }
    const dictionaryBytes = DICTIONARY_ID_BYTES[descriptor & 0x03]!;
    need(dictionaryBytes, "dictionary id");
    offset += dictionaryBytes;
    const contentSizeBytes = contentSizeFlag === 0 ? (singleSegment ? 1 : 0) : CONTENT_SIZE_BYTES[contentSizeFlag]!;
    let contentBytes = -1;
    if (contentSizeBytes > 0) {
      need(contentSizeBytes, "frame content size");
      contentBytes = readLittleEndian(payload, offset, contentSizeBytes) + (contentSizeBytes === 2 ? 256 : 0);
      offset += contentSizeBytes;
      if (contentBytes > maxDecompressedBytes - total) throw over(`frame declares ${contentBytes} bytes`);
    }
    if (singleSegment) windowBytes = contentBytes;
    if (windowBytes > maxWindowBytes) throw over(`frame window of ${windowBytes} bytes`);
    const maxBlockBytes = Math.min(windowBytes, MAX_BLOCK_BYTES);

    let frameBound = 0;
    for (;;) {
      need(3, "block header");
      const header = readLittleEndian(payload, offset, 3);
      offset += 3;
      const type = (header >>> 1) & 0x03;
      const blockBytes = header >>> 3;
      if (type !== BLOCK_RAW && type !== BLOCK_RLE && type !== BLOCK_COMPRESSED) throw fail("reserved block type");
      if (blockBytes > maxBlockBytes) throw fail(`block of ${blockBytes} bytes exceeds the frame's ${maxBlockBytes}`);
      const stored = type === BLOCK_RLE ? 1 : blockBytes;
      need(stored, "block");
      offset += stored;
      frameBound += type === BLOCK_COMPRESSED ? maxBlockBytes : blockBytes;
      if (total + Math.min(frameBound, contentBytes < 0 ? frameBound : contentBytes) > maxDecompressedBytes) {
        throw over(`payload may decompress to ${total + frameBound} bytes`);
      }
      if ((header & 0x01) !== 0) break;
    }
    if (hasChecksum) {
      need(4, "frame checksum");
      offset += 4;
    }
    // The library checks a declared content size against what it decodes.
    total += contentBytes < 0 ? frameBound : Math.min(frameBound, contentBytes);
  }
  return total;
}
