import type { CorruptRecordKind } from "./corrupt-record-error.js";
import { CorruptRecordError } from "./corrupt-record-error.js";

/**
 * ByteReader is a read cursor over `bytes[position, end)` that turns every problem into a
 * {@link CorruptRecordError} at a position the caller can act on.
 *
 * Positions in errors are positions in the caller's input. When the reader walks decompressed
 * bytes, which have no position in the input, errors carry the input position of the compressed
 * payload and name the offset inside the decompressed bytes in their message.
 *
 * Invariant: `position <= end <= bytes.length`. Reads never look at or past `end`; `end` can be
 * narrowed to one record and restored (see {@link ByteReader.narrow}).
 */
export class ByteReader {
  /** bytes holds the data; only `[position, end)` is read. */
  readonly bytes: Buffer;
  /** position is the next byte to read. */
  position: number;
  /** end is one past the last byte this reader may read. */
  end: number;
  /** inputPosition is where `bytes[0]` sits in the input, or where the compressed payload starts. */
  private readonly inputPosition: number;
  /** decompressed says that `bytes` came out of a decompressor rather than from the input. */
  private readonly decompressed: boolean;

  constructor(bytes: Buffer, position: number, end: number, inputPosition: number, decompressed: boolean) {
    this.bytes = bytes;
    this.position = position;
    this.end = end;
    this.inputPosition = inputPosition;
    this.decompressed = decompressed;
  }

  /** remaining is the number of bytes left before `end`. */
  remaining(): number {
    return this.end - this.position;
  }

  /**
   * narrow limits reads to the next `length` bytes and returns the previous end, to be given back
   * to {@link ByteReader.restore}. Used to keep a record's fields inside the record.
   */
  narrow(length: number): number {
    const previous = this.end;
    this.end = this.position + length;
    return previous;
  }

  /** restore undoes {@link ByteReader.narrow}. */
  restore(previousEnd: number): void {
    this.end = previousEnd;
  }

  /** corrupt builds the error for a problem found at byte `at` of `bytes` (default: the cursor). */
  corrupt(kind: CorruptRecordKind, detail: string, at: number = this.position): CorruptRecordError {
    if (this.decompressed) {
      return new CorruptRecordError(kind, this.inputPosition, `${detail} (at byte ${at} of the decompressed records)`);
    }
    return new CorruptRecordError(kind, this.inputPosition + at, detail);
  }

  /** readInt8 reads one signed byte. */
  readInt8(what: string): number {
    if (this.position >= this.end) throw this.corrupt("truncated", `${what} runs past the end`);
    return this.bytes.readInt8(this.position++);
  }

  /**
   * readBytes returns the next `length` bytes as a view of `bytes`, without copying.
   * The caller has checked `length >= 0`.
   */
  readBytes(length: number, what: string): Buffer {
    if (length > this.end - this.position) {
      throw this.corrupt("bad-length", `${what} length ${length} runs past the end (${this.end - this.position} bytes left)`);
    }
    const start = this.position;
    this.position += length;
    return this.bytes.subarray(start, this.position);
  }

  /** readUtf8 decodes the next `length` bytes as UTF-8 (invalid sequences become U+FFFD, as in Java). */
  readUtf8(length: number, what: string): string {
    if (length > this.end - this.position) {
      throw this.corrupt("bad-length", `${what} length ${length} runs past the end (${this.end - this.position} bytes left)`);
    }
    const start = this.position;
    this.position += length;
    return this.bytes.toString("utf8", start, this.position);
  }
}
