/**
 * Snappy (codec 2). Java's producer writes the xerial "snappy-java" stream: a 16-byte header
 * (magic `82 53 4e 41 50 50 59 00`, int32 version 1, int32 minimum compatible version 1) and then
 * chunks, each an int32 big-endian length and one raw Snappy block of at most 32 KiB of input.
 * KafkaJS (kafkajs-snappy) and some other clients write one raw Snappy block instead. We write
 * xerial like Java, which KafkaJS, librdkafka and Java all read, and read both.
 *
 * A raw Snappy block starts with its uncompressed length as a varint. We read that length and check
 * it against the budget before the library allocates anything, which is how the limit is enforced
 * during decompression: the library then produces exactly that many bytes or fails.
 */
import { badCompression, fromLibraryError, tooLarge } from "./codec-errors.js";
import { loadSnappy } from "./native-codecs.js";

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;
const XERIAL_VERSION = 1;
const XERIAL_MIN_COMPATIBLE_VERSION = 1;
/** XERIAL_BLOCK_BYTES is snappy-java's default block size, what Kafka's producer uses. */
const XERIAL_BLOCK_BYTES = 32 * 1024;
const CHUNK_LENGTH_BYTES = 4;

/** compressSnappy writes `records` as a xerial Snappy stream, byte for byte as snappy-java would. */
export function compressSnappy(records: Buffer): Buffer {
  const snappy = loadSnappy();
  const chunks: Buffer[] = [];
  let size = XERIAL_HEADER_BYTES;
  for (let start = 0; start < records.length; start += XERIAL_BLOCK_BYTES) {
    const chunk = snappy.compressSync(records.subarray(start, start + XERIAL_BLOCK_BYTES));
    chunks.push(chunk);
    size += CHUNK_LENGTH_BYTES + chunk.length;
  }
  const out = Buffer.allocUnsafe(size);
  XERIAL_MAGIC.copy(out, 0);
  out.writeInt32BE(XERIAL_VERSION, 8);
  out.writeInt32BE(XERIAL_MIN_COMPATIBLE_VERSION, 12);
  let position = XERIAL_HEADER_BYTES;
  for (const chunk of chunks) {
    position = out.writeInt32BE(chunk.length, position);
    position += chunk.copy(out, position);
  }
  return out;
}

/** isXerial says whether `payload` starts with the xerial stream header. */
function isXerial(payload: Buffer): boolean {
  return payload.length >= XERIAL_HEADER_BYTES && payload.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC);
}

/**
 * decompressSnappy decodes a xerial stream or a single raw Snappy block, whichever `payload` is.
 *
 * @param position where the payload starts in the input, for errors.
 * @throws CorruptRecordError("too-large") past `maxDecompressedBytes`, ("bad-compression") otherwise.
 */
export function decompressSnappy(payload: Buffer, maxDecompressedBytes: number, position: number): Buffer {
  if (!isXerial(payload)) return decompressBlock(payload, maxDecompressedBytes, position, "raw block");
  const blocks: Buffer[] = [];
  let total = 0;
  let offset = XERIAL_HEADER_BYTES;
  while (offset < payload.length) {
    if (payload.length - offset < CHUNK_LENGTH_BYTES) {
      throw badCompression("snappy", position, `xerial chunk length at byte ${offset} is cut short`);
    }
    const length = payload.readInt32BE(offset);
    offset += CHUNK_LENGTH_BYTES;
    if (length <= 0 || length > payload.length - offset) {
      throw badCompression(
        "snappy",
        position,
        `xerial chunk at byte ${offset - CHUNK_LENGTH_BYTES} says ${length} bytes, ${payload.length - offset} remain`,
      );
    }
    const block = decompressBlock(
      payload.subarray(offset, offset + length),
      maxDecompressedBytes - total,
      position,
      `xerial chunk at byte ${offset - CHUNK_LENGTH_BYTES}`,
      maxDecompressedBytes,
    );
    blocks.push(block);
    total += block.length;
    offset += length;
  }
  return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks, total);
}

/**
 * decompressBlock decodes one raw Snappy block whose output may take at most `budgetBytes`.
 * `maxDecompressedBytes` is only for the error message.
 */
function decompressBlock(
  block: Buffer,
  budgetBytes: number,
  position: number,
  what: string,
  maxDecompressedBytes = budgetBytes,
): Buffer {
  const declared = readUncompressedLength(block);
  if (declared < 0) throw badCompression("snappy", position, `${what} has no valid length preamble`);
  if (declared > budgetBytes) {
    throw tooLarge("snappy", position, maxDecompressedBytes, `${what} declares ${declared} bytes`);
  }
  const snappy = loadSnappy();
  let out: string | Buffer;
  try {
    out = snappy.uncompressSync(block, { asBuffer: true });
  } catch (error) {
    throw fromLibraryError("snappy", position, error);
  }
  if (typeof out === "string" || out.length !== declared) {
    throw badCompression("snappy", position, `${what} declares ${declared} bytes but decodes to ${out.length}`);
  }
  return out;
}

/**
 * readUncompressedLength reads a raw Snappy block's preamble: its uncompressed length as an
 * unsigned varint of at most 32 bits. Returns -1 when the preamble is malformed.
 */
function readUncompressedLength(block: Buffer): number {
  let value = 0;
  for (let index = 0; index < 5 && index < block.length; index++) {
    const byte = block[index]!;
    if (index === 4 && byte > 0x0f) return -1;
    value += (byte & 0x7f) * 2 ** (7 * index);
    if (byte < 0x80) return value;
  }
  return -1;
}
