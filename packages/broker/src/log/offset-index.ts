import { invariant } from "./invariant.js";

/** OFFSET_INDEX_ENTRY_BYTES is the on-disk size of one entry: 4-byte relative offset, 4-byte position. */
export const OFFSET_INDEX_ENTRY_BYTES = 8;

/**
 * OffsetIndex is a segment's sparse index from batch base offset (relative to the segment's base
 * offset) to the batch's byte position in the `.log` file. The segment adds an entry once more
 * than `indexIntervalBytes` were written since the previous one, so a lookup lands at most about
 * that many bytes before the batch it wants. Kept in memory (typed arrays, 8 bytes per entry) and
 * written to the `.index` file when the segment rolls or the log closes; derived data, rebuilt
 * from batch headers whenever it cannot be trusted.
 *
 * Invariant: relative offsets and positions both strictly increase.
 */
export class OffsetIndex {
  private relativeOffsets = new Uint32Array(16);
  private positions = new Uint32Array(16);
  private count = 0;

  /** entryCount is the number of entries. */
  get entryCount(): number {
    return this.count;
  }

  /** append adds an entry after all others. */
  append(relativeOffset: number, position: number): void {
    if (this.count > 0) {
      invariant(relativeOffset > this.relativeOffsets[this.count - 1]!, () => `index offsets must increase, got ${relativeOffset}`);
      invariant(position > this.positions[this.count - 1]!, () => `index positions must increase, got ${position}`);
    }
    if (this.count === this.positions.length) this.grow();
    this.relativeOffsets[this.count] = relativeOffset;
    this.positions[this.count] = position;
    this.count += 1;
  }

  /**
   * floorEntry returns the last entry whose relative offset is <= `relativeOffset`, or the segment
   * start (0, 0) when there is none: the position to start scanning from for that offset.
   */
  floorEntry(relativeOffset: number): { relativeOffset: number; position: number } {
    let low = 0;
    let high = this.count - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.relativeOffsets[middle]! <= relativeOffset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) return { relativeOffset: 0, position: 0 };
    return { relativeOffset: this.relativeOffsets[found]!, position: this.positions[found]! };
  }

  /** lastPosition returns the position of the last entry, or 0 when empty. */
  get lastPosition(): number {
    return this.count === 0 ? 0 : this.positions[this.count - 1]!;
  }

  /** lastRelativeOffset returns the relative offset of the last entry, or 0 when empty. */
  get lastRelativeOffset(): number {
    return this.count === 0 ? 0 : this.relativeOffsets[this.count - 1]!;
  }

  /** truncateToPosition removes the entries at or after byte `position` of the log file. */
  truncateToPosition(position: number): void {
    while (this.count > 0 && this.positions[this.count - 1]! >= position) this.count -= 1;
  }

  /** toBytes encodes the entries as big-endian (relative offset, position) pairs, Kafka's layout. */
  toBytes(): Buffer {
    const bytes = Buffer.allocUnsafe(this.count * OFFSET_INDEX_ENTRY_BYTES);
    for (let i = 0; i < this.count; i++) {
      bytes.writeUInt32BE(this.relativeOffsets[i]!, i * OFFSET_INDEX_ENTRY_BYTES);
      bytes.writeUInt32BE(this.positions[i]!, i * OFFSET_INDEX_ENTRY_BYTES + 4);
    }
    return bytes;
  }

  /**
   * fromBytes decodes {@link toBytes}' output for a log file of `logSizeBytes`, or returns
   * undefined when the bytes cannot be a valid index of it (wrong length, entries not increasing,
   * a position past the end). Not checksummed: only trusted after a clean shutdown.
   */
  static fromBytes(bytes: Uint8Array, logSizeBytes: number): OffsetIndex | undefined {
    if (bytes.length % OFFSET_INDEX_ENTRY_BYTES !== 0) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const index = new OffsetIndex();
    for (let at = 0; at < bytes.length; at += OFFSET_INDEX_ENTRY_BYTES) {
      const relativeOffset = view.getUint32(at);
      const position = view.getUint32(at + 4);
      const previous = index.count - 1;
      const increasing = previous < 0 || (relativeOffset > index.relativeOffsets[previous]! && position > index.positions[previous]!);
      if (!increasing || position >= logSizeBytes) return undefined;
      index.append(relativeOffset, position);
    }
    return index;
  }

  private grow(): void {
    const offsets = new Uint32Array(this.relativeOffsets.length * 2);
    offsets.set(this.relativeOffsets);
    this.relativeOffsets = offsets;
    const positions = new Uint32Array(this.positions.length * 2);
    positions.set(this.positions);
    this.positions = positions;
  }
}
