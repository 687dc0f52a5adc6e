/**
 * A bounds-checked LZ4 block decoder (the raw block format inside LZ4 frames).
 *
 * Written here rather than taken from a library because it is where the decompression limit is
 * enforced: it writes into a caller-sized buffer, never past `outputLimit`, and stops at the first
 * byte that would. Every loop consumes input, so hostile blocks end in bounded time.
 *
 * A block is a run of sequences: a token (high nibble literal count, low nibble match length - 4,
 * 15 meaning "more length bytes follow, 255 meaning more again"), the literals, then a 2-byte
 * little-endian match offset. The last sequence has literals only.
 */

/** LZ4_MALFORMED: the block ends mid-sequence or a length runs past the input. */
export const LZ4_MALFORMED = -1;
/** LZ4_BAD_OFFSET: a match points before the start of the window, or is 0. */
export const LZ4_BAD_OFFSET = -2;
/** LZ4_OUTPUT_FULL: the block would write past `outputLimit`. */
export const LZ4_OUTPUT_FULL = -3;

/** Matches this short copy byte by byte; a copyWithin call costs more than it saves. */
const SHORT_COPY_BYTES = 32;

/**
 * decodeLz4Block decodes the block `input[inputStart, inputEnd)` into `output` from `outputStart`.
 *
 * @param outputLimit the decoder writes nothing at or past this index (`<= output.length`).
 * @param windowStart matches may reach back to here and no further: the block's own start for
 *   independent blocks, the frame's start for linked ones.
 * @returns the index after the last byte written, or one of the negative LZ4_* codes.
 */
export function decodeLz4Block(
  input: Uint8Array,
  inputStart: number,
  inputEnd: number,
  output: Uint8Array,
  outputStart: number,
  outputLimit: number,
  windowStart: number,
): number {
  let inPos = inputStart;
  let outPos = outputStart;
  for (;;) {
    if (inPos >= inputEnd) return LZ4_MALFORMED;
    const token = input[inPos++]!;

    let literals = token >>> 4;
    if (literals === 15) {
      let more: number;
      do {
        if (inPos >= inputEnd) return LZ4_MALFORMED;
        more = input[inPos++]!;
        literals += more;
      } while (more === 255);
    }
    if (literals > inputEnd - inPos) return LZ4_MALFORMED;
    if (literals > outputLimit - outPos) return LZ4_OUTPUT_FULL;
    if (literals < SHORT_COPY_BYTES) {
      for (let index = 0; index < literals; index++) output[outPos++] = input[inPos++]!;
    } else {
      output.set(input.subarray(inPos, inPos + literals), outPos);
      inPos += literals;
      outPos += literals;
    }
    if (inPos === inputEnd) return outPos;

    if (inputEnd - inPos < 2) return LZ4_MALFORMED;
    const offset = input[inPos]! | (input[inPos + 1]! << 8);
    inPos += 2;
    if (offset === 0 || offset > outPos - windowStart) return LZ4_BAD_OFFSET;

    let matchLength = (token & 0x0f) + 4;
    if ((token & 0x0f) === 15) {
      let more: number;
      do {
        if (inPos >= inputEnd) return LZ4_MALFORMED;
        more = input[inPos++]!;
        matchLength += more;
      } while (more === 255);
    }
    if (matchLength > outputLimit - outPos) return LZ4_OUTPUT_FULL;
    let from = outPos - offset;
    if (offset < matchLength || matchLength < SHORT_COPY_BYTES) {
      // Overlapping matches repeat the last `offset` bytes; a forward byte copy does exactly that.
      for (let index = 0; index < matchLength; index++) output[outPos++] = output[from++]!;
    } else {
      output.copyWithin(outPos, from, from + matchLength);
      outPos += matchLength;
    }
  }
}
