import { assert } from "../../util/assert.js";

/**
 * BoundedOutput is a growable output buffer for a decompressor that does not know its output size
 * up front. It never grows past `limitBytes`, so the decompressor's memory stays within the limit.
 *
 * Buffers are zero-filled (Buffer.alloc), never allocUnsafe: the result is handed out as a view,
 * and its backing ArrayBuffer must not expose stale process memory beyond `length`.
 *
 * Invariant: `length <= bytes.length <= limitBytes`.
 */
export class BoundedOutput {
  /** bytes is the current backing buffer; `[0, length)` is the output so far. */
  bytes: Buffer;
  /** length is how many output bytes are written. */
  length = 0;
  /** limitBytes is the most output this buffer will ever hold. */
  readonly limitBytes: number;

  constructor(initialBytes: number, limitBytes: number) {
    this.limitBytes = limitBytes;
    this.bytes = Buffer.alloc(Math.min(initialBytes, limitBytes));
  }

  /**
   * reserve makes room for up to `wantedBytes` more bytes, or as many as the limit allows, and
   * returns the index one past the last byte a writer may now write.
   */
  reserve(wantedBytes: number): number {
    const end = Math.min(this.length + wantedBytes, this.limitBytes);
    if (end > this.bytes.length) {
      const grown = Buffer.alloc(Math.min(Math.max(end, this.bytes.length * 2), this.limitBytes));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    return end;
  }

  /** result returns the output, trimmed by a copy when the buffer is mostly slack. */
  result(): Buffer {
    assert(this.length <= this.bytes.length, "BoundedOutput length past its buffer");
    if (this.bytes.length - this.length > this.length / 4) return Buffer.from(this.bytes.subarray(0, this.length));
    return this.bytes.subarray(0, this.length);
  }
}
