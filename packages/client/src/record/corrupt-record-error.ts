/**
 * CorruptRecordKind names what was wrong with bytes that claimed to be record batches.
 * - truncated: the buffer ends before what a length field promised.
 * - bad-magic: the magic byte is not 2.
 * - bad-crc: the CRC-32C does not match.
 * - bad-length: a length field is negative, too small, or points past its container.
 * - bad-count: a record count or offset delta is negative or disagrees with the records present.
 * - bad-varint: a varint runs past 5 (int32) or 10 (int64) bytes, or past the buffer.
 * - bad-compression: the compression codec is unknown, or the payload does not decompress.
 * - too-large: decompressed or declared sizes exceed the configured limit.
 * - bad-record: a record's own fields disagree with its declared length.
 */
export type CorruptRecordKind =
  | "truncated"
  | "bad-magic"
  | "bad-crc"
  | "bad-length"
  | "bad-count"
  | "bad-varint"
  | "bad-compression"
  | "too-large"
  | "bad-record";

/**
 * CorruptRecordError says that bytes which should hold record batches do not, what was wrong
 * (`kind`) and at which byte offset of the input (`position`). Decoding hostile input throws this
 * and nothing else.
 */
export class CorruptRecordError extends Error {
  override readonly name = "CorruptRecordError";
  /** code is the error's stable name in the shared error table. */
  readonly code = "CORRUPT_MESSAGE";
  /** retriable is false: the same bytes will be just as corrupt next time. */
  readonly retriable = false;

  /** kind is what was wrong. */
  readonly kind: CorruptRecordKind;
  /** position is the byte offset in the input where the problem was found. */
  readonly position: number;

  constructor(kind: CorruptRecordKind, position: number, detail: string) {
    super(`corrupt record batch (${kind}) at byte ${position}: ${detail}`);
    this.kind = kind;
    this.position = position;
  }
}
