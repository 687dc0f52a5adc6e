/**
 * LZ4 (codec 3): the LZ4 *frame* format, as Kafka's Lz4BlockOutputStream writes it since 0.10
 * (KIP-57): magic 0x184D2204, FLG 0x60 (version 1, independent blocks, no checksums, no content
 * size), BD 0x40 (64 KiB blocks), the header checksum byte, blocks (int32 little-endian size, high
 * bit set for a stored block), and a zero end mark. We write exactly that, compressing each block
 * with lz4-napi (native lz4_flex).
 *
 * Reading follows the frame specification more widely than Java: block and content checksums are
 * verified, a declared content size is checked, linked (dependent) blocks and concatenated or
 * skippable frames are accepted. Blocks are decoded by our own bounded decoder (lz4-block.ts),
 * which is what enforces maxDecompressedBytes while decompressing.
 */
import { assert } from "../../util/assert.js";
import { BoundedOutput } from "./bounded-output.js";
import { badCompression, tooLarge } from "./codec-errors.js";
import { decodeLz4Block, LZ4_BAD_OFFSET, LZ4_MALFORMED, LZ4_OUTPUT_FULL } from "./lz4-block.js";
import { loadLz4 } from "./native-codecs.js";
import { xxhash32 } from "./xxhash32.js";

const FRAME_MAGIC = 0x184d2204;
const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
/** FLG as Java writes it: version 01, block independence. */
const JAVA_FLG = 0x60;
/** BD as Java writes it: block maximum size id 4 (64 KiB). */
const JAVA_BD = 0x40;
const JAVA_BLOCK_BYTES = 64 * 1024;
const STORED_BLOCK_BIT = 0x80000000;

const FLG_VERSION_SHIFT = 6;
const FLG_BLOCK_INDEPENDENCE = 0x20;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_CONTENT_SIZE = 0x08;
const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_RESERVED = 0x02;
const FLG_DICTIONARY_ID = 0x01;
const BD_RESERVED = 0x8f;

/** The frame header checksum: second byte of XXH32 over the descriptor (FLG, BD and options). */
function headerChecksum(bytes: Uint8Array, start: number, end: number): number {
  return (xxhash32(bytes, start, end) >>> 8) & 0xff;
}

const JAVA_HEADER_CHECKSUM = headerChecksum(Uint8Array.of(JAVA_FLG, JAVA_BD), 0, 2);
const FRAME_HEADER_BYTES = 7;
const BLOCK_SIZE_BYTES = 4;
const END_MARK_BYTES = 4;

/** compressLz4 writes `records` as one LZ4 frame, byte for byte the layout Java's producer writes. */
export function compressLz4(records: Buffer): Buffer {
  const lz4 = loadLz4();
  const blocks: Buffer[] = [];
  const stored: boolean[] = [];
  let size = FRAME_HEADER_BYTES + END_MARK_BYTES;
  for (let start = 0; start < records.length; start += JAVA_BLOCK_BYTES) {
    const plain = records.subarray(start, start + JAVA_BLOCK_BYTES);
    // lz4-napi prefixes the raw block with its uncompressed size (4 bytes little-endian).
    const compressed = lz4.compressSync(plain).subarray(4);
    // Like Java, store a block that does not shrink.
    const store = compressed.length >= plain.length;
    blocks.push(store ? plain : compressed);
    stored.push(store);
    size += BLOCK_SIZE_BYTES + Math.min(compressed.length, plain.length);
  }
  const out = Buffer.allocUnsafe(size);
  let position = out.writeUInt32LE(FRAME_MAGIC, 0);
  out[position++] = JAVA_FLG;
  out[position++] = JAVA_BD;
  out[position++] = JAVA_HEADER_CHECKSUM;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    position = out.writeUInt32LE(stored[index] ? (block.length | STORED_BLOCK_BIT) >>> 0 : block.length, position);
    position += block.copy(out, position);
  }
  position = out.writeUInt32LE(0, position);
  assert(position === size, "LZ4 frame size mismatch");
  return out;
}

/**
 * decompressLz4 decodes one or more LZ4 frames (and skips skippable frames).
 *
 * @param position where the payload starts in the input, for errors.
 * @throws CorruptRecordError("too-large") past `maxDecompressedBytes`, ("bad-compression") otherwise.
 */
export function decompressLz4(payload: Buffer, maxDecompressedBytes: number, position: number): Buffer {
  if (payload.length === 0) throw badCompression("lz4", position, "empty payload");
  const output = new BoundedOutput(Math.max(JAVA_BLOCK_BYTES, payload.length * 4), maxDecompressedBytes);
  let offset = 0;
  while (offset < payload.length) {
    if (payload.length - offset < 4) throw badCompression("lz4", position, `frame at byte ${offset} is cut short`);
    const magic = payload.readUInt32LE(offset);
    if (((magic & SKIPPABLE_MAGIC_MASK) >>> 0) === SKIPPABLE_MAGIC) {
      if (payload.length - offset < 8) throw badCompression("lz4", position, `skippable frame at byte ${offset} is cut short`);
      const skip = payload.readUInt32LE(offset + 4);
      if (skip > payload.length - offset - 8) {
        throw badCompression("lz4", position, `skippable frame at byte ${offset} runs past the payload`);
      }
      offset += 8 + skip;
      continue;
    }
    if (magic !== FRAME_MAGIC) {
      throw badCompression("lz4", position, `no LZ4 frame magic at byte ${offset} (0x${magic.toString(16)})`);
    }
    offset = decodeFrame(payload, offset + 4, output, position);
  }
  return output.result();
}

/** decodeFrame decodes the frame whose descriptor starts at `offset` and returns the offset after it. */
function decodeFrame(payload: Buffer, offset: number, output: BoundedOutput, position: number): number {
  const fail = (detail: string) => badCompression("lz4", position, `${detail} (frame byte ${offset})`);
  if (payload.length - offset < 3) throw fail("frame descriptor cut short");
  const flg = payload[offset]!;
  const bd = payload[offset + 1]!;
  if (flg >>> FLG_VERSION_SHIFT !== 1) throw fail(`unsupported frame version ${flg >>> FLG_VERSION_SHIFT}`);
  if ((flg & FLG_RESERVED) !== 0 || (bd & BD_RESERVED) !== 0) throw fail("reserved descriptor bits set");
  if ((flg & FLG_DICTIONARY_ID) !== 0) throw fail("frames that need a dictionary are not supported");
  const blockSizeId = (bd >>> 4) & 0x07;
  if (blockSizeId < 4) throw fail(`invalid block size id ${blockSizeId}`);
  const maxBlockBytes = 1 << (2 * blockSizeId + 8);
  const independent = (flg & FLG_BLOCK_INDEPENDENCE) !== 0;
  const blockChecksums = (flg & FLG_BLOCK_CHECKSUM) !== 0;
  const contentChecksum = (flg & FLG_CONTENT_CHECKSUM) !== 0;

  const descriptorEnd = offset + 2 + ((flg & FLG_CONTENT_SIZE) !== 0 ? 8 : 0);
  if (payload.length - descriptorEnd < 1) throw fail("frame descriptor cut short");
  let declaredBytes = -1;
  if ((flg & FLG_CONTENT_SIZE) !== 0) {
    // Exact below 2^53; anything larger is over every possible limit anyway.
    declaredBytes = payload.readUInt32LE(offset + 2) + payload.readUInt32LE(offset + 6) * 2 ** 32;
    if (declaredBytes > output.limitBytes - output.length) {
      throw tooLarge("lz4", position, output.limitBytes, `frame declares ${declaredBytes} bytes`);
    }
  }
  if (headerChecksum(payload, offset, descriptorEnd) !== payload[descriptorEnd]) throw fail("frame header checksum mismatch");

  const frameStart = output.length;
  let cursor = descriptorEnd + 1;
  for (;;) {
    if (payload.length - cursor < BLOCK_SIZE_BYTES) throw fail(`block size at byte ${cursor} cut short`);
    const word = payload.readUInt32LE(cursor);
    cursor += BLOCK_SIZE_BYTES;
    if (word === 0) break;
    const stored = (word & STORED_BLOCK_BIT) !== 0;
    const blockBytes = word & ~STORED_BLOCK_BIT;
    if (blockBytes > maxBlockBytes) throw fail(`block of ${blockBytes} bytes exceeds the frame's ${maxBlockBytes}`);
    if (blockBytes + (blockChecksums ? 4 : 0) > payload.length - cursor) throw fail(`block at byte ${cursor} runs past the payload`);
    if (blockChecksums && xxhash32(payload, cursor, cursor + blockBytes) !== payload.readUInt32LE(cursor + blockBytes)) {
      throw fail(`block checksum mismatch at byte ${cursor}`);
    }
    const limit = output.reserve(stored ? blockBytes : maxBlockBytes);
    const limitedByBudget = limit === output.limitBytes;
    if (stored) {
      if (blockBytes > limit - output.length) {
        throw tooLarge("lz4", position, output.limitBytes, "payload decompresses further");
      }
      payload.copy(output.bytes, output.length, cursor, cursor + blockBytes);
      output.length += blockBytes;
    } else {
      const windowStart = independent ? output.length : frameStart;
      const end = decodeLz4Block(payload, cursor, cursor + blockBytes, output.bytes, output.length, limit, windowStart);
      if (end === LZ4_OUTPUT_FULL) {
        if (limitedByBudget) throw tooLarge("lz4", position, output.limitBytes, "payload decompresses further");
        throw fail(`block at byte ${cursor} decodes past the frame's ${maxBlockBytes}-byte block size`);
      }
      if (end === LZ4_MALFORMED) throw fail(`malformed block at byte ${cursor}`);
      if (end === LZ4_BAD_OFFSET) throw fail(`block at byte ${cursor} refers back past its window`);
      output.length = end;
    }
    cursor += blockBytes + (blockChecksums ? 4 : 0);
  }
  if (contentChecksum) {
    if (payload.length - cursor < 4) throw fail("content checksum cut short");
    if (xxhash32(output.bytes, frameStart, output.length) !== payload.readUInt32LE(cursor)) throw fail("content checksum mismatch");
    cursor += 4;
  }
  if (declaredBytes >= 0 && output.length - frameStart !== declaredBytes) {
    throw fail(`frame declares ${declaredBytes} bytes but decodes to ${output.length - frameStart}`);
  }
  return cursor;
}
