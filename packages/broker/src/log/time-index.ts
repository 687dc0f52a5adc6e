import { invariant } from "./invariant.js";

/** TIME_INDEX_ENTRY_BYTES is the on-disk size of one entry: 8-byte timestamp, 4-byte relative offset. */
export const TIME_INDEX_ENTRY_BYTES = 12;

/**
 * TimeIndex is a segment's sparse index from timestamp to the relative base offset of the batch
 * that first reached it: each entry (t, o) says every batch up to and including the one at `o`
 * has a max timestamp <= t, and the batch at `o` has exactly t. Entries are added alongside
 * offset-index entries (and once more when the segment rolls) when the running max timestamp
 * grew. Kept in memory, written to `.timeindex` on roll and close, rebuilt when not trusted.
 *
 * Invariant: timestamps strictly increase and relative offsets strictly increase.
 */
export class TimeIndex {
  private timestamps = new Float64Array(16);
  private relativeOffsets = new Uint32Array(16);
  private count = 0;

  /** entryCount is the number of entries. */
  get entryCount(): number {
    return this.count;
  }

  /** lastTimestampMs is the newest entry's timestamp, or -1 (Kafka's NO_TIMESTAMP) when empty. */
  get lastTimestampMs(): number {
    return this.count === 0 ? -1 : this.timestamps[this.count - 1]!;
  }

  /** lastRelativeOffset is the newest entry's relative offset, or 0 when empty. */
  get lastRelativeOffset(): number {
    return this.count === 0 ? 0 : this.relativeOffsets[this.count - 1]!;
  }

  /** maybeAppend adds (timestampMs, relativeOffset) if the timestamp is newer than the last entry's. */
  maybeAppend(timestampMs: number, relativeOffset: number): boolean {
    if (timestampMs <= this.lastTimestampMs) return false;
    if (this.count > 0) invariant(relativeOffset > this.lastRelativeOffset, () => `time index offsets must increase, got ${relativeOffset}`);
    if (this.count === this.timestamps.length) this.grow();
    this.timestamps[this.count] = timestampMs;
    this.relativeOffsets[this.count] = relativeOffset;
    this.count += 1;
    return true;
  }

  /**
   * relativeOffsetBefore returns the offset of the last entry whose timestamp is < `timestampMs`:
   * every batch before it is older than the target, so a search may start there. Returns 0 (the
   * segment start) when there is none.
   */
  relativeOffsetBefore(timestampMs: number): number {
    let low = 0;
    let high = this.count - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.timestamps[middle]! < timestampMs) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found < 0 ? 0 : this.relativeOffsets[found]!;
  }

  /** truncateToOffset removes the entries at or after `relativeOffset`. */
  truncateToOffset(relativeOffset: number): void {
    while (this.count > 0 && this.relativeOffsets[this.count - 1]! >= relativeOffset) this.count -= 1;
  }

  /** toBytes encodes the entries as big-endian (int64 timestamp, int32 relative offset), Kafka's layout. */
  toBytes(): Buffer {
    const bytes = Buffer.allocUnsafe(this.count * TIME_INDEX_ENTRY_BYTES);
    for (let i = 0; i < this.count; i++) {
      bytes.writeBigInt64BE(BigInt(this.timestamps[i]!), i * TIME_INDEX_ENTRY_BYTES);
      bytes.writeUInt32BE(this.relativeOffsets[i]!, i * TIME_INDEX_ENTRY_BYTES + 8);
    }
    return bytes;
  }

  /**
   * fromBytes decodes {@link toBytes}' output, or returns undefined when the bytes cannot be a
   * valid time index for a segment whose offsets end before relative offset `relativeOffsetEnd`.
   */
  static fromBytes(bytes: Uint8Array, relativeOffsetEnd: number): TimeIndex | undefined {
    if (bytes.length % TIME_INDEX_ENTRY_BYTES !== 0) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const index = new TimeIndex();
    for (let at = 0; at < bytes.length; at += TIME_INDEX_ENTRY_BYTES) {
      const timestampMs = Number(view.getBigInt64(at));
      const relativeOffset = view.getUint32(at + 8);
      const increasing = index.count === 0 || (timestampMs > index.lastTimestampMs && relativeOffset > index.lastRelativeOffset);
      if (!increasing || timestampMs < 0 || relativeOffset >= relativeOffsetEnd) return undefined;
      index.maybeAppend(timestampMs, relativeOffset);
    }
    return index;
  }

  private grow(): void {
    const timestamps = new Float64Array(this.timestamps.length * 2);
    timestamps.set(this.timestamps);
    this.timestamps = timestamps;
    const offsets = new Uint32Array(this.relativeOffsets.length * 2);
    offsets.set(this.relativeOffsets);
    this.relativeOffsets = offsets;
  }
}
